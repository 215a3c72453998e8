// The fonts a DOCX carries with --embed-fonts: each face the PDF drew from
// and the DOCX names, cut down to the characters the PDF drew with it, under
// the name the DOCX uses for it.
import { readFileSync } from 'node:fs';
import type { Template } from '../template/loadTemplate.js';
import { resolveStyle } from '../template/styles.js';
import type { Layout } from '../typeset/layout.js';
import { subsetFont } from './subsetFont.js';

export interface EmbeddedFont {
  /** The font name the DOCX asks for (the face's wordName). */
  name: string;
  data: Uint8Array;
}

/**
 * The faces a DOCX names: those of the template's styles (an inline style
 * without a face of its own takes the face of a style it sits in). The
 * fallback faces are not among them: the DOCX sets a character the PDF drew
 * from a fallback face in the run's own font and leaves the fallback to Word.
 */
export function namedFaces(template: Template): Set<string> {
  return new Set(['body', ...Object.keys(template.styles)].map((name) => resolveStyle(template, name).face));
}

export async function embeddedFonts(layout: Layout, template: Template): Promise<EmbeddedFont[]> {
  const chars = new Map<string, Set<number>>();
  for (const page of layout.pages) {
    for (const item of page.items) {
      if (item.kind !== 'text') continue;
      let set = chars.get(item.face);
      if (!set) chars.set(item.face, (set = new Set()));
      for (const ch of item.text) set.add(ch.codePointAt(0)!);
    }
  }
  const named = namedFaces(template);
  const out: EmbeddedFont[] = [];
  // In the template's order of faces, so the package's bytes do not depend on the layout's.
  for (const [key, spec] of Object.entries(template.faces)) {
    const used = chars.get(key);
    const info = layout.faces[key];
    if (!used || !info || !named.has(key)) continue;
    // Digits and the space too: Word draws the PAGE field with the page number's font.
    for (const ch of '0123456789 ') used.add(ch.codePointAt(0)!);
    const data = await subsetFont(readFileSync(info.file), 0, [...used].sort((a, b) => a - b));
    out.push({ name: spec.wordName, data });
  }
  return out;
}
