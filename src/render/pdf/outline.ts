// Bookmarks (ISO 32000-1 §12.3.3) from the Layout's outline, nested as it
// is, every item open, each going to an XYZ destination at its title's top.
import type { OutlineEntry } from '../../typeset/layout.js';
import type { PdfFile } from './file.js';
import { name, type PdfDict, type PdfRef, textString } from './objects.js';

const visible = (entries: OutlineEntry[]): number => entries.reduce((n, e) => n + 1 + visible(e.children), 0);

/** The Outlines dictionary, or undefined when there is no bookmark. */
export function writeOutline(file: PdfFile, outline: OutlineEntry[], pages: PdfRef[], pageHeight: number): PdfRef | undefined {
  if (outline.length === 0) return undefined;
  const root = file.alloc();
  const level = (entries: OutlineEntry[], parent: PdfRef): { first: PdfRef; last: PdfRef } => {
    const refs = entries.map(() => file.alloc());
    entries.forEach((e, i) => {
      const page = pages[e.page - 1];
      if (!page) throw new Error(`bookmark ${e.title} names page ${e.page}`);
      const dict: PdfDict = {
        Title: textString(e.title),
        Parent: parent,
        ...(i > 0 ? { Prev: refs[i - 1]! } : {}),
        ...(i + 1 < refs.length ? { Next: refs[i + 1]! } : {}),
        Dest: [page, name('XYZ'), null, pageHeight - e.y, null],
      };
      if (e.children.length > 0) {
        const kids = level(e.children, refs[i]!);
        Object.assign(dict, { First: kids.first, Last: kids.last, Count: visible(e.children) });
      }
      file.set(refs[i]!, dict);
    });
    return { first: refs[0]!, last: refs.at(-1)! };
  };
  const top = level(outline, root);
  file.set(root, { Type: name('Outlines'), First: top.first, Last: top.last, Count: visible(outline) });
  return root;
}
