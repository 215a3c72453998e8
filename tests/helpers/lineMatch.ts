// Comparing the body lines of two PDFs in order: the longest common
// subsequence of their line texts.
import type { PdfPage } from './stext.js';

/** Text of every line set in the body font and size, in reading order. */
export function bodyLineTexts(pages: PdfPage[], font = 'FandolFang-Regular', size = 16): string[] {
  return pages.flatMap((p) => p.lines.filter((l) => l.chars[0]!.font === font && Math.abs(l.chars[0]!.size - size) < 0.6).map((l) => l.text));
}

/** How many lines of `a` appear, in order, in `b`. */
export function commonLines(a: readonly string[], b: readonly string[]): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  const cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    prev.splice(0, prev.length, ...cur);
  }
  return prev[b.length]!;
}
