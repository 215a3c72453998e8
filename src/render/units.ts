// Units the writers convert between. The Layout is in points (1/72 in,
// docs/format.md, "Units"); OFD (GB/T 33190-2016) measures in millimetres.

/** Millimetres in one point. */
export const MM_PER_PT = 25.4 / 72;

export function ptToMm(pt: number): number {
  return pt * MM_PER_PT;
}

export function mmToPt(mm: number): number {
  return mm / MM_PER_PT;
}
