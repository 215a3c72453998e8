// Table column widths (docs/format.md, tables), over a measure the table
// fills. Each column has a least width (its widest unit that cannot break)
// and a preferred one (its longest cell on one line), as in the automatic
// table layout of browsers (CSS 2.1 §17.5.2.2) and Word's AutoFit.
//
// - Every column at its preferred width fits: each gets it, and the measure
//   left over is shared in proportion to the preferred widths.
// - Otherwise a column whose whole text fits its fair share of the measure
//   (the measure left over by such columns, divided among the others) gets
//   its preferred width: a date, a time, a short name never wraps. This is
//   LaTeX tabulary's rule; browsers instead move every column by the same
//   fraction from its least to its preferred width, which, when one cell is
//   long, leaves the short columns a character or two wide.
// - The other columns share what is left as browsers do: each its least
//   width and the rest in proportion to how much more it would like
//   (preferred − least).
// - When even the least widths do not fit, they are scaled down together
//   (cells then break inside their units, as a last resort).
//
// Widths the author set (relative numbers) are taken in proportion, except
// that no column goes under its least width: those are raised to it and the
// others share what remains in their proportions.

export interface ContentWidth {
  min: number;
  max: number;
}

export function distributeColumns(content: readonly ContentWidth[], width: number, author?: readonly number[]): number[] {
  const mins = content.map((c) => c.min);
  const sumMin = mins.reduce((a, b) => a + b, 0);
  if (sumMin >= width) return mins.map((m) => (m / sumMin) * width);
  if (author) return proportional(author, mins, width);
  const maxs = content.map((c) => Math.max(c.max, c.min));
  const sumMax = maxs.reduce((a, b) => a + b, 0);
  if (sumMax <= width) return maxs.map((m) => m + ((width - sumMax) * m) / sumMax);
  // Columns that fit their fair share whole, found until no more do.
  const whole = new Set<number>();
  for (;;) {
    const open = maxs.map((_, i) => i).filter((i) => !whole.has(i));
    const left = width - [...whole].reduce((a, i) => a + maxs[i]!, 0);
    const fits = open.filter((i) => maxs[i]! <= left / open.length);
    // Keep the least widths of the others within reach.
    const need = open.filter((i) => !fits.includes(i)).reduce((a, i) => a + mins[i]!, 0);
    if (fits.length === 0 || fits.length === open.length || left - fits.reduce((a, i) => a + maxs[i]!, 0) < need) break;
    for (const i of fits) whole.add(i);
  }
  const open = maxs.map((_, i) => i).filter((i) => !whole.has(i));
  const left = width - [...whole].reduce((a, i) => a + maxs[i]!, 0);
  const openMin = open.reduce((a, i) => a + mins[i]!, 0);
  const openWant = open.reduce((a, i) => a + maxs[i]! - mins[i]!, 0);
  return maxs.map((m, i) => (whole.has(i) ? m : mins[i]! + (openWant > 0 ? ((left - openMin) * (m - mins[i]!)) / openWant : (left - openMin) / open.length)));
}

/** `width` shared in the proportions of `weights`, no column under its least width. */
function proportional(weights: readonly number[], mins: readonly number[], width: number): number[] {
  const fixed = new Set<number>();
  for (;;) {
    const free = weights.reduce((a, w, i) => (fixed.has(i) ? a : a + w), 0);
    const left = width - [...fixed].reduce((a, i) => a + mins[i]!, 0);
    const out = weights.map((w, i) => (fixed.has(i) ? mins[i]! : (w / free) * left));
    const under = out.findIndex((w, i) => !fixed.has(i) && w < mins[i]! - 1e-9);
    if (under < 0) return out;
    fixed.add(under);
  }
}
