// The fonts a DOCX carries with --embed-fonts: each face the PDF drew from
// and the DOCX names, cut down to the characters the PDF drew with it (and
// the digits, for the PAGE field), under the name the DOCX uses for it. The
// subsets are those every writer of the build shares (subsets.ts), with
// TrueType outlines (trueTypeSubset.ts, as the OFD embeds them): Word uses
// embedded fonts with TrueType outlines only; LibreOffice takes either.
import type { Template } from '../template/loadTemplate.js';
import { resolveStyle } from '../template/styles.js';
import type { Layout } from '../typeset/layout.js';
import { layoutSubsets } from './subsets.js';
import { trueTypeSubset } from './trueTypeSubset.js';

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
  const subsets = await layoutSubsets(layout);
  const named = namedFaces(template);
  const out: EmbeddedFont[] = [];
  // In the template's order of faces, so the package's bytes do not depend on the layout's.
  for (const [key, spec] of Object.entries(template.faces)) {
    const subset = subsets.get(key);
    if (subset && named.has(key)) out.push({ name: spec.wordName, data: await trueTypeSubset(subset) });
  }
  return out;
}
