// Glyph outlines of a font subset as path commands, in font units with y
// pointing up, decoded by HarfBuzz (harfbuzzjs's full wasm, loaded only when
// a writer draws or converts outlines: SVG/PNG pages, the OFD's TrueType
// fonts). The one outline decoder of the writers: the SVG draws these
// commands (src/render/svg/svgGlyphs.ts), the OFD's fonts turn them into
// quadratics (trueTypeOutlines.ts), both from the subsets every writer of a
// build shares (subsets.ts), so they draw what the PDF embeds.
//
// Not fontkit (which measures ink for the typesetter, inkBoxes.ts): its CFF
// interpreter ends hflex1 at the wrong height — the second curve must come
// back to where the first began, as FreeType, fontTools and HarfBuzz draw
// it — and FandolFang has such glyphs (its .notdef among them).
import { importPackage } from '../importPackage.js';
import type { PathCommand } from './quadraticOutlines.js';

export interface GlyphOutlines {
  unitsPerEm: number;
  /** Glyph `gid`'s contours: moveTo, lineTo, quadratic or cubic curves, closePath; none for a glyph without ink. */
  commands(gid: number): PathCommand[];
}

type Hb = typeof import('harfbuzzjs');

let harfbuzz: Promise<Hb> | undefined;
let drawFuncs: InstanceType<Hb['DrawFuncs']> | undefined;

/** The outlines of face 0 of the OpenType file `sfnt` (a subset's outlineSfnt). */
export async function glyphOutlines(sfnt: Uint8Array): Promise<GlyphOutlines> {
  harfbuzz ??= importPackage<Hb>('harfbuzzjs');
  const hb = await harfbuzz;
  const face = new hb.Face(new hb.Blob(sfnt), 0);
  const font = new hb.Font(face);
  const funcs = commandDrawFuncs(hb);
  return {
    unitsPerEm: face.upem,
    commands(gid) {
      const out: PathCommand[] = [];
      font.drawGlyph(gid, funcs, out);
      return out;
    },
  };
}

function commandDrawFuncs(hb: Hb): InstanceType<Hb['DrawFuncs']> {
  if (drawFuncs) return drawFuncs;
  const funcs = new hb.DrawFuncs();
  const to = (p: unknown) => p as PathCommand[];
  funcs.setMoveToFunc((x, y, p) => to(p).push({ command: 'moveTo', args: [x, y] }));
  funcs.setLineToFunc((x, y, p) => to(p).push({ command: 'lineTo', args: [x, y] }));
  funcs.setQuadraticToFunc((cx, cy, x, y, p) => to(p).push({ command: 'quadraticCurveTo', args: [cx, cy, x, y] }));
  funcs.setCubicToFunc((c1x, c1y, c2x, c2y, x, y, p) => to(p).push({ command: 'bezierCurveTo', args: [c1x, c1y, c2x, c2y, x, y] }));
  funcs.setClosePathFunc((p) => to(p).push({ command: 'closePath', args: [] }));
  drawFuncs = funcs;
  return funcs;
}
