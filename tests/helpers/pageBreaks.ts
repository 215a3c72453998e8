// Where a PDF breaks its pages, read back from its text: each page's lines
// (page numbers left out), to compare our PDF with LibreOffice's rendering
// of our DOCX.
import { expect } from 'vitest';
import { pdfInfo } from './pdf.js';
import { pdfPages } from './stext.js';

/** Each page's lines of text, without its page number. */
export function pageLines(pdf: string): string[][] {
  return pdfPages(pdf).map((p) => p.lines.map((l) => l.text).filter((t) => !/^—\d+—$/.test(t)));
}

/** LibreOffice put every page break where the PDF has it: same pages, each starting and ending on the same line. */
export function expectSamePageBreaks(ours: string, theirs: string): void {
  expect(Number(pdfInfo(theirs).Pages)).toBe(Number(pdfInfo(ours).Pages));
  const a = pageLines(ours);
  const b = pageLines(theirs);
  expect(b.map((p) => p[0])).toEqual(a.map((p) => p[0]));
  expect(b.map((p) => p.at(-1))).toEqual(a.map((p) => p.at(-1)));
  expect(b.map((p) => p.length)).toEqual(a.map((p) => p.length));
}
