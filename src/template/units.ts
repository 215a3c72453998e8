// Lengths in templates: a number is points; a string may carry a unit.

const PT_PER: Record<string, number> = { pt: 1, mm: 72 / 25.4, cm: 72 / 2.54, in: 72 };

/** Points for `value`, or undefined when it is not a length. */
export function parseLength(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(pt|mm|cm|in)?\s*$/.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * PT_PER[m[2] ?? 'pt']!;
}

export const MM = PT_PER.mm!;
