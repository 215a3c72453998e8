// SOURCE_DATE_EPOCH (README “可重复生成”): whole seconds since 1970 that date
// the documents instead of the issue date. Anything but 0 … 253402300799
// (the last second of year 9999, the last a document date can carry) is
// refused, never turned into an invalid or five-digit year.

/** 9999-12-31T23:59:59Z. */
export const MAX_SOURCE_DATE_EPOCH = 253_402_300_799;

/** SOURCE_DATE_EPOCH is set to something that is not a date it can carry. */
export class SourceDateEpochError extends Error {
  constructor(readonly value: string) {
    super(`SOURCE_DATE_EPOCH=${value} is not a whole number of seconds from 0 to ${MAX_SOURCE_DATE_EPOCH}`);
    this.name = 'SourceDateEpochError';
  }
}

/** The date SOURCE_DATE_EPOCH names; undefined when it is unset or empty. Throws SourceDateEpochError. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = raw.trim();
  if (!/^\d{1,12}$/.test(value) || Number(value) > MAX_SOURCE_DATE_EPOCH) throw new SourceDateEpochError(raw);
  return new Date(Number(value) * 1000);
}
