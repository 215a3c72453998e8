// The fonts an OFD carries: each face the Layout draws from, cut down to the
// code points drawn with it, with what the writer needs of it (glyph ids,
// advances). A subset with CFF outlines is carried with TrueType outlines
// (src/fonts/trueTypeOutlines.ts), under the same glyph ids: OFD readers
// that draw from the embedded file often read glyf outlines only (README,
// "OFD").
//
// Temporary: the subsets are cut here with hb-subset (src/fonts/subsetFont.ts).
// When src/fonts/subsets.ts (one subset per face and build, shared by every
// writer) lands, `ofdFontSubsets` becomes a thin view of it; nothing else in
// the OFD writer changes.
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { FontFile } from '../../fonts/fontFile.js';
import { subsetInWasm } from '../../fonts/subsetFont.js';
import { cffToTrueType, isCffFont } from '../../fonts/trueTypeOutlines.js';
import type { Layout } from '../../typeset/layout.js';

export interface OfdFontSubset {
  face: string;
  postscriptName: string;
  familyName: string;
  /** The subset as an OpenType file. */
  data: Uint8Array;
  /** File name extension: otf for CFF outlines, ttf for TrueType outlines. */
  extension: 'otf' | 'ttf';
  /** The subset's glyph id for a code point; 0 (.notdef) for one it lacks. */
  glyphOf(codePoint: number): number;
  /** A glyph's advance, in em. */
  advanceOf(glyphId: number): number;
}

/** Code points drawn per face, faces in the Layout's order; a run with actualText draws .notdef and adds none. */
export function codePointsByFace(layout: Layout): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>(Object.keys(layout.faces).map((key) => [key, new Set<number>()]));
  for (const page of layout.pages) {
    for (const item of page.items) {
      if (item.kind !== 'text' || item.actualText !== undefined) continue;
      const set = out.get(item.face);
      if (!set) throw new Error(`text run in an unknown face: ${item.face}`);
      for (const ch of item.text) set.add(ch.codePointAt(0)!);
    }
  }
  return out;
}

/** The subset of every face the Layout draws text with, in the Layout's order of faces. */
export async function ofdFontSubsets(layout: Layout): Promise<Map<string, OfdFontSubset>> {
  const out = new Map<string, OfdFontSubset>();
  const drawn = new Set<string>();
  for (const page of layout.pages) for (const item of page.items) if (item.kind === 'text') drawn.add(item.face);
  for (const [key, cps] of codePointsByFace(layout)) {
    if (!drawn.has(key)) continue;
    const info = layout.faces[key]!;
    const bytes = readFileSync(info.file);
    // hb reads sfnt data: a compressed file (the rare-character WOFF2) is unpacked first.
    const file = FontFile.open(info.file);
    let subset: Buffer;
    try {
      const source = file.sfntWriter(faceIndex(bytes, info.postscriptName));
      subset = await subsetInWasm(source.size, source.fill, source.index, [...cps].sort((a, b) => a - b));
    } finally {
      file.close();
    }
    const data = isCffFont(subset) ? cffToTrueType(subset).data : subset;
    const font = fontkit.create(data);
    if ('fonts' in font) throw new Error(`subset of ${info.file} is a collection`);
    const glyphs = new Map<number, number>();
    for (const cp of cps) glyphs.set(cp, font.glyphForCodePoint(cp).id);
    out.set(key, {
      face: key,
      postscriptName: info.postscriptName,
      familyName: info.familyName,
      data,
      extension: isCffFont(data) ? 'otf' : 'ttf',
      glyphOf: (cp) => glyphs.get(cp) ?? 0,
      advanceOf: (gid) => font.getGlyph(gid).advanceWidth / font.unitsPerEm,
    });
  }
  return out;
}

/** The index of the face named `postscriptName` in a collection; 0 in a single font. */
function faceIndex(bytes: Buffer, postscriptName: string): number {
  const font = fontkit.create(bytes);
  if (!('fonts' in font)) return 0;
  const i = font.fonts.findIndex((f) => f.postscriptName === postscriptName);
  return Math.max(0, i);
}

