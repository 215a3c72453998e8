// TEMPORARY: the PDF writer's font subsets, made with hb-subset
// (subsetFont.ts) until the subsetting module of src/fonts/subsets.ts lands;
// it fills the same interface (src/render/pdf/fontSubset.ts) and replaces
// this file. Per face: the code points the Layout draws, hb-subset's sfnt,
// and from it the glyph ids, widths and FontDescriptor numbers; for CFF
// faces the bare CFF table made CID-keyed with CID = glyph id.
import { readFileSync } from 'node:fs';
import type { FaceUse, FontSubset, SubsetFonts } from '../render/pdf/fontSubset.js';
import { cidKeyedCff } from './cidKeyedCff.js';
import { advanceWidths, descriptorMetrics, glyphCount, hasTable, readCmap, readSfnt, unitsPerEm } from './sfnt.js';
import { subsetFont } from './subsetFont.js';

async function subsetOf(use: FaceUse): Promise<FontSubset> {
  const sfnt = readSfnt(await subsetFont(readFileSync(use.face.file), 0, use.codePoints));
  const cmap = readCmap(sfnt);
  const byGlyph = new Map<number, number>();
  // The lowest code point asked for wins a glyph that several share.
  for (const cp of [...use.codePoints].sort((a, b) => a - b)) {
    const gid = cmap.get(cp);
    if (gid !== undefined && !byGlyph.has(gid)) byGlyph.set(gid, cp);
  }
  const scale = 1000 / unitsPerEm(sfnt);
  const cff = hasTable(sfnt, 'CFF ');
  return {
    postscriptName: use.face.postscriptName,
    outlines: cff ? 'cff' : 'truetype',
    program: cff ? cidKeyedCff(sfnt.tables.get('CFF ')!) : sfnt.bytes,
    glyphCount: glyphCount(sfnt),
    glyphOf: (cp) => cmap.get(cp),
    codePointOf: (gid) => byGlyph.get(gid),
    widths: advanceWidths(sfnt).map((w) => Math.round(w * scale * 1000) / 1000),
    metrics: descriptorMetrics(sfnt),
  };
}

export const hbSubsets: SubsetFonts = async (uses) => {
  const out = new Map<string, FontSubset>();
  for (const use of uses) out.set(use.key, await subsetOf(use));
  return out;
};
