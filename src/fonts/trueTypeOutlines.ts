// An OpenType font with CFF outlines rewritten with TrueType outlines (glyf),
// for readers that take TrueType only (README, "OFD"). Everything but the
// outlines stays: the same glyphs under the same ids, advances, cmap, names,
// OS/2 and vertical metrics. The outlines are decoded by HarfBuzz
// (glyphOutlines.ts, as the SVG pages draw them); each cubic becomes
// quadratics within a tolerance of font units (quadraticOutlines.ts); points
// are then rounded to whole units, as glyf stores them. No hints are made.
import { glyphOutlines } from './glyphOutlines.js';
import { quadraticContours, reversed, type QuadContour } from './quadraticOutlines.js';
import { readSfnt, writeSfnt, type SfntTables } from './sfntDirectory.js';
import { readNumGlyphs } from './sfntTables.js';

/**
 * Default tolerance: a quarter of a font unit (1/4000 em for most CJK fonts),
 * below the rounding to whole units that follows and far below what any size
 * shows. Smaller tolerances add curves without changing what is drawn.
 */
export const OUTLINE_TOLERANCE = 0.25;

/** Tables that only CFF outlines use. */
const CFF_ONLY = new Set(['CFF ', 'CFF2', 'VORG']);

const TRUETYPE_VERSION = 0x00010000;

export interface TrueTypeFont {
  data: Buffer;
  glyphs: number;
  /** Quadratic segments drawn for the font's cubics, and the cubics. */
  quadratics: number;
  cubics: number;
}

export function isCffFont(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x4f && data[1] === 0x54 && data[2] === 0x54 && data[3] === 0x4f;
}

/** `data` (an OpenType font with CFF outlines) with TrueType outlines. */
export async function cffToTrueType(data: Uint8Array, tolerance = OUTLINE_TOLERANCE): Promise<TrueTypeFont> {
  if (!isCffFont(data)) throw new Error('not an OpenType font with CFF outlines');
  const { tables } = readSfnt(data);
  const outlines = await glyphOutlines(data);
  const numGlyphs = readNumGlyphs(required(tables, 'maxp'));
  const hhea = Buffer.from(required(tables, 'hhea'));
  const numberOfHMetrics = hhea.readUInt16BE(34);
  const hmtxIn = required(tables, 'hmtx');
  const advance = (gid: number) => hmtxIn.readUInt16BE(4 * Math.min(gid, numberOfHMetrics - 1));

  const glyphBodies: Buffer[] = [];
  const boxes: Array<{ xMin: number; yMin: number; xMax: number; yMax: number } | undefined> = [];
  let maxPoints = 0;
  let maxContours = 0;
  let quadratics = 0;
  let cubics = 0;
  for (let gid = 0; gid < numGlyphs; gid++) {
    const commands = outlines.commands(gid);
    for (const c of commands) if (c.command === 'bezierCurveTo') cubics++;
    const contours = quadraticContours(commands, tolerance).map(reversed).map(rounded);
    for (const c of contours) for (const on of c.onCurve) if (!on) quadratics++;
    const encoded = encodeGlyph(contours);
    glyphBodies.push(encoded.data);
    boxes.push(encoded.box);
    maxPoints = Math.max(maxPoints, encoded.points);
    maxContours = Math.max(maxContours, contours.length);
  }

  // glyf and loca (long offsets), each glyph on a 4-byte boundary.
  const loca = Buffer.alloc(4 * (numGlyphs + 1));
  let offset = 0;
  const padded = glyphBodies.map((g, i) => {
    loca.writeUInt32BE(offset, 4 * i);
    const p = g.length % 4 === 0 ? g : Buffer.concat([g, Buffer.alloc(4 - (g.length % 4))]);
    offset += p.length;
    return p;
  });
  loca.writeUInt32BE(offset, 4 * numGlyphs);

  // hmtx: the same advances; left side bearings are the new outlines' xMin, as TrueType rasterizers place glyphs by them.
  const hmtx = Buffer.alloc(4 * numberOfHMetrics + 2 * (numGlyphs - numberOfHMetrics));
  let minLsb = Infinity;
  let minRsb = Infinity;
  let maxExtent = -Infinity;
  let maxAdvance = 0;
  for (let gid = 0; gid < numGlyphs; gid++) {
    const box = boxes[gid];
    const lsb = box ? box.xMin : 0;
    if (gid < numberOfHMetrics) {
      hmtx.writeUInt16BE(advance(gid), 4 * gid);
      hmtx.writeInt16BE(lsb, 4 * gid + 2);
    } else {
      hmtx.writeInt16BE(lsb, 4 * numberOfHMetrics + 2 * (gid - numberOfHMetrics));
    }
    maxAdvance = Math.max(maxAdvance, advance(gid));
    if (box) {
      minLsb = Math.min(minLsb, box.xMin);
      minRsb = Math.min(minRsb, advance(gid) - box.xMax);
      maxExtent = Math.max(maxExtent, box.xMax);
    }
  }
  hhea.writeUInt16BE(maxAdvance, 10);
  hhea.writeInt16BE(Number.isFinite(minLsb) ? minLsb : 0, 12);
  hhea.writeInt16BE(Number.isFinite(minRsb) ? minRsb : 0, 14);
  hhea.writeInt16BE(Number.isFinite(maxExtent) ? maxExtent : 0, 16);

  const head = Buffer.from(required(tables, 'head'));
  const all = boxes.filter((b) => b !== undefined);
  if (all.length > 0) {
    head.writeInt16BE(Math.min(...all.map((b) => b.xMin)), 36);
    head.writeInt16BE(Math.min(...all.map((b) => b.yMin)), 38);
    head.writeInt16BE(Math.max(...all.map((b) => b.xMax)), 40);
    head.writeInt16BE(Math.max(...all.map((b) => b.yMax)), 42);
  }
  head.writeInt16BE(1, 50); // indexToLocFormat: long offsets
  head.writeInt16BE(0, 52); // glyphDataFormat

  const maxp = Buffer.alloc(32);
  maxp.writeUInt32BE(0x00010000, 0);
  maxp.writeUInt16BE(numGlyphs, 4);
  maxp.writeUInt16BE(maxPoints, 6);
  maxp.writeUInt16BE(maxContours, 8);
  maxp.writeUInt16BE(2, 14); // maxZones
  // The rest (composites, twilight points, storage, functions, instructions, stack) is 0: no composites, no hints.

  // post format 3: no glyph names (a CFF font keeps them in its CFF table).
  const post = Buffer.from(required(tables, 'post').subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0);

  const out: SfntTables = new Map();
  for (const [tag, body] of tables) if (!CFF_ONLY.has(tag)) out.set(tag, Buffer.from(body));
  out.set('glyf', Buffer.concat(padded));
  out.set('loca', loca);
  out.set('hmtx', hmtx);
  out.set('hhea', hhea);
  out.set('head', head);
  out.set('maxp', maxp);
  out.set('post', post);
  return { data: writeSfnt(TRUETYPE_VERSION, out), glyphs: numGlyphs, quadratics, cubics };
}

function required(tables: SfntTables, tag: string): Buffer {
  const t = tables.get(tag);
  if (!t) throw new Error(`no ${tag} table`);
  return t;
}

function rounded(c: QuadContour): QuadContour {
  return { x: c.x.map(Math.round), y: c.y.map(Math.round), onCurve: c.onCurve };
}

// glyf simple-glyph flags.
const ON_CURVE = 0x01;
const X_SHORT = 0x02;
const Y_SHORT = 0x04;
const REPEAT = 0x08;
const X_SAME_OR_POSITIVE = 0x10;
const Y_SAME_OR_POSITIVE = 0x20;

/** One simple glyph of glyf (no instructions); an empty glyph has no bytes. */
function encodeGlyph(contours: QuadContour[]): { data: Buffer; box?: { xMin: number; yMin: number; xMax: number; yMax: number }; points: number } {
  let count = 0;
  const box = { xMin: Infinity, yMin: Infinity, xMax: -Infinity, yMax: -Infinity };
  for (const c of contours) {
    count += c.x.length;
    for (let i = 0; i < c.x.length; i++) {
      box.xMin = Math.min(box.xMin, c.x[i]!);
      box.xMax = Math.max(box.xMax, c.x[i]!);
      box.yMin = Math.min(box.yMin, c.y[i]!);
      box.yMax = Math.max(box.yMax, c.y[i]!);
    }
  }
  if (count === 0) return { data: Buffer.alloc(0), points: 0 };
  const header = Buffer.alloc(10 + 2 * contours.length + 2);
  header.writeInt16BE(contours.length, 0);
  header.writeInt16BE(box.xMin, 2);
  header.writeInt16BE(box.yMin, 4);
  header.writeInt16BE(box.xMax, 6);
  header.writeInt16BE(box.yMax, 8);
  let end = -1;
  contours.forEach((c, i) => {
    end += c.x.length;
    header.writeUInt16BE(end, 10 + 2 * i);
  });
  header.writeUInt16BE(0, 10 + 2 * contours.length); // instructionLength
  const flags: number[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  let px = 0;
  let py = 0;
  for (const c of contours) for (let i = 0; i < c.x.length; i++) {
    let flag = c.onCurve[i] ? ON_CURVE : 0;
    const dx = c.x[i]! - px;
    const dy = c.y[i]! - py;
    px = c.x[i]!;
    py = c.y[i]!;
    if (dx === 0) flag |= X_SAME_OR_POSITIVE;
    else if (Math.abs(dx) < 256) {
      flag |= X_SHORT | (dx > 0 ? X_SAME_OR_POSITIVE : 0);
      xs.push(Math.abs(dx));
    } else xs.push((dx >> 8) & 0xff, dx & 0xff);
    if (dy === 0) flag |= Y_SAME_OR_POSITIVE;
    else if (Math.abs(dy) < 256) {
      flag |= Y_SHORT | (dy > 0 ? Y_SAME_OR_POSITIVE : 0);
      ys.push(Math.abs(dy));
    } else ys.push((dy >> 8) & 0xff, dy & 0xff);
    flags.push(flag);
  }
  // Runs of one flag as the flag, REPEAT and the count of repeats.
  const packed: number[] = [];
  for (let i = 0; i < flags.length; ) {
    let run = 1;
    while (i + run < flags.length && flags[i + run] === flags[i] && run < 256) run++;
    if (run > 1) {
      packed.push(flags[i]! | REPEAT, run - 1);
    } else packed.push(flags[i]!);
    i += run;
  }
  return { data: Buffer.concat([header, Buffer.from(packed), Buffer.from(xs), Buffer.from(ys)]), box, points: count };
}
