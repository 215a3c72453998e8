// The fonts an OFD carries: the build's subsets, the ones every writer of the
// build shares (src/fonts/subsets.ts), each embedded in its TrueType form
// under the same glyph ids (src/fonts/trueTypeSubset.ts): OFD readers that
// draw from the embedded file often read glyf outlines only (README, "OFD").
import { layoutSubsets } from '../../fonts/subsets.js';
import { trueTypeSubset } from '../../fonts/trueTypeSubset.js';
import type { Layout } from '../../typeset/layout.js';

export interface OfdFontSubset {
  face: string;
  postscriptName: string;
  familyName: string;
  /** The subset as an OpenType file with TrueType outlines. */
  data: Uint8Array;
  /** The subset's glyph id for a code point; 0 (.notdef) for one it lacks. */
  glyphOf(codePoint: number): number;
  /** A glyph's advance, in em. */
  advanceOf(glyphId: number): number;
}

/** The subset of every face the Layout draws text with, in the Layout's order of faces. */
export async function ofdFontSubsets(layout: Layout): Promise<Map<string, OfdFontSubset>> {
  const out = new Map<string, OfdFontSubset>();
  for (const [key, subset] of await layoutSubsets(layout)) {
    const info = layout.faces[key]!;
    const unitsPerEm = subset.descriptor.unitsPerEm;
    out.set(key, {
      face: key,
      postscriptName: info.postscriptName,
      familyName: info.familyName,
      data: await trueTypeSubset(subset),
      glyphOf: (cp) => subset.glyphOf.get(cp) ?? 0,
      advanceOf: (gid) => subset.advances[gid]! / unitsPerEm,
    });
  }
  return out;
}
