// Calendar dates as the inputs write them (YYYY-MM-DD) and as the model holds
// them ({ year, month, day }): one parser, one check, one formatter for the
// reader, the linter, `bulletin new` and its --date.
import type { IssueDate } from '../model.js';

/** Whether `d` names a day of the calendar (no 30 February). */
export function isRealDate(d: IssueDate): boolean {
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  const probe = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return probe.getUTCFullYear() === d.year && probe.getUTCMonth() === d.month - 1 && probe.getUTCDate() === d.day;
}

/**
 * `YYYY-MM-DD` read as a date: the date, or why not — 'date.format' when it
 * is not written so, 'date.invalid' when no such day exists (message codes).
 */
export function parseIssueDate(value: string): IssueDate | 'date.format' | 'date.invalid' {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'date.format';
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isRealDate(d) ? d : 'date.invalid';
}

export function compareDates(a: IssueDate, b: IssueDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** `YYYY-MM-DD`. */
export function isoDate(d: IssueDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
