// The figures of a face that need its glyph outlines: the horizontal ink of
// punctuation marks (the typesetter removes the blank half of a full-width
// mark, docs/format.md §7) and the ideographic em box (from the ink of reference
// ideographs). Outlines are decoded by fontkit, loaded only here and only
// when a face's figures are not in the cache (src/fonts/fontCache.ts).
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import type { FontFile } from './fontFile.js';

/** Ideographs whose ink is centred in the em box of any CJK design. */
export const REFERENCE_IDEOGRAPHS = [...'国田口日中'].map((c) => c.codePointAt(0)!);

/**
 * Code points whose ink is measured ahead: every mark the typesetter may ask
 * about (ASCII and Latin-1 punctuation, general punctuation, CJK symbols and
 * punctuation, vertical, compatibility and small forms, fullwidth forms).
 */
export const INK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x21, 0x2f],
  [0x3a, 0x40],
  [0x5b, 0x60],
  [0x7b, 0x7e],
  [0xa1, 0xbf],
  [0xd7, 0xd7],
  [0xf7, 0xf7],
  [0x2010, 0x205e],
  [0x3000, 0x303f],
  [0xfe10, 0xfe1f],
  [0xfe30, 0xfe6f],
  [0xff01, 0xff65],
];

export function* inkCodePoints(): Generator<number> {
  for (const [a, b] of INK_RANGES) for (let cp = a; cp <= b; cp++) yield cp;
}

/** Horizontal ink extent in font units; null for a glyph without ink. */
export type Ink = [number, number] | null;

const require = createRequire(import.meta.url);
let fontkitModule: typeof Fontkit | undefined;

/** fontkit, loaded on first use (never with a warm cache). */
function fontkit(): typeof Fontkit {
  fontkitModule ??= require('fontkit') as typeof Fontkit;
  return fontkitModule;
}

/** Whether this process has loaded fontkit for outlines (for tests: a warm cache never does). */
export function outlinesDecoded(): boolean {
  return fontkitModule !== undefined;
}

/** A face parsed by fontkit, to decode outlines. */
export class Outlines {
  private readonly font: Fontkit.Font;

  constructor(file: FontFile, face: number) {
    const { bytes, index } = file.sfnt(face);
    const created = fontkit().create(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const font = 'fonts' in created ? created.fonts[index] : created;
    if (!font || typeof font.getGlyph !== 'function') throw new Error('fontkit cannot read the face');
    this.font = font;
  }

  /** Horizontal ink of glyph `gid`, font units. */
  ink(gid: number): Ink {
    const b = this.font.getGlyph(gid).bbox;
    return Number.isFinite(b.minX) && Number.isFinite(b.maxX) ? [b.minX, b.maxX] : null;
  }

  /** Vertical centre of glyph `gid`'s ink, font units; undefined without ink. */
  centre(gid: number): number | undefined {
    const b = this.font.getGlyph(gid).bbox;
    return Number.isFinite(b.minY) && Number.isFinite(b.maxY) ? (b.minY + b.maxY) / 2 : undefined;
  }
}
