// Glyph outlines of a font file, for the SVG writer: which glyph draws a code
// point (the cmap, as the PDF does: no OpenType features), its advance, and
// its outline as SVG path data. Read with HarfBuzz (harfbuzzjs), loaded only
// when SVG or PNG output is asked for; each file is read once per process and
// each outline drawn once.
//
// This is the one place the SVG writer gets glyphs from: swap it for the
// build's shared font subsets (glyph ids by code point) when they exist.
import { readFileSync } from 'node:fs';
import { readCmap, type GlyphOfCodePoint } from './cmap.js';

export interface FaceOutlines {
  unitsPerEm: number;
  /** The glyph that draws `cp`; 0 (.notdef) when the face has none. */
  glyphId(cp: number): number;
  /** The glyph's advance width, in font units. */
  advance(glyph: number): number;
  /**
   * The glyph's outline as SVG path data in font units, y pointing up,
   * coordinates rounded to whole units (1/1000 em in most CJK fonts, far
   * below a printer's dot); '' for a glyph with no ink.
   */
  outline(glyph: number): string;
}

type Hb = typeof import('harfbuzzjs');

let harfbuzz: Promise<Hb> | undefined;
const faces = new Map<string, Promise<FaceOutlines>>();

/** The outlines of face 0 of the font file `file`. */
export function faceOutlines(file: string): Promise<FaceOutlines> {
  let f = faces.get(file);
  if (!f) {
    f = openFace(file);
    faces.set(file, f);
    // A file that could not be read is tried again next time.
    f.catch(() => faces.delete(file));
  }
  return f;
}

async function openFace(file: string): Promise<FaceOutlines> {
  harfbuzz ??= import('harfbuzzjs');
  const hb = await harfbuzz;
  const face = new hb.Face(new hb.Blob(readFileSync(file)), 0);
  const font = new hb.Font(face);
  // A copy: the table is a view into HarfBuzz's memory, which moves as it grows.
  const cmapTable = face.referenceTable('cmap')?.slice();
  const glyphOf: GlyphOfCodePoint = cmapTable ? readCmap(cmapTable) : () => 0;
  const draw = pathDrawFuncs(hb);
  const outlines = new Map<number, string>();
  const glyphs = new Map<number, number>();
  return {
    unitsPerEm: face.upem,
    glyphId(cp) {
      let g = glyphs.get(cp);
      if (g === undefined) {
        g = glyphOf(cp);
        glyphs.set(cp, g);
      }
      return g;
    },
    advance: (glyph) => font.glyphHAdvance(glyph),
    outline(glyph) {
      let d = outlines.get(glyph);
      if (d === undefined) {
        const path = new PathBuilder();
        font.drawGlyph(glyph, draw, path);
        d = path.toString();
        outlines.set(glyph, d);
      }
      return d;
    },
  };
}

let drawFuncs: InstanceType<Hb['DrawFuncs']> | undefined;

function pathDrawFuncs(hb: Hb): InstanceType<Hb['DrawFuncs']> {
  if (drawFuncs) return drawFuncs;
  const funcs = new hb.DrawFuncs();
  funcs.setMoveToFunc((x, y, p) => (p as PathBuilder).command('m', [x, y]));
  funcs.setLineToFunc((x, y, p) => (p as PathBuilder).command('l', [x, y]));
  funcs.setQuadraticToFunc((cx, cy, x, y, p) => (p as PathBuilder).command('q', [cx, cy, x, y]));
  funcs.setCubicToFunc((c1x, c1y, c2x, c2y, x, y, p) => (p as PathBuilder).command('c', [c1x, c1y, c2x, c2y, x, y]));
  funcs.setClosePathFunc((p) => (p as PathBuilder).close());
  drawFuncs = funcs;
  return funcs;
}

/**
 * Compact path data: whole font units, relative commands (the first move
 * absolute), numbers separated by a space or by their own minus sign.
 */
class PathBuilder {
  /** Parts joined once at the end: a string grown by += is a rope that every later use walks again. */
  private readonly parts: string[] = [];
  private x = 0;
  private y = 0;
  /** Where the current subpath started: the current point after z. */
  private startX = 0;
  private startY = 0;
  private last = '';

  command(op: 'm' | 'l' | 'q' | 'c', coords: number[]): void {
    const absolute = this.parts.length === 0;
    let text = '';
    for (let i = 0; i < coords.length; i += 2) {
      const x = Math.round(coords[i]!);
      const y = Math.round(coords[i + 1]!);
      text = appendNumber(appendNumber(text, absolute ? x : x - this.x), absolute ? y : y - this.y);
      if (i === coords.length - 2) {
        this.x = x;
        this.y = y;
      }
    }
    if (op === 'm') {
      this.startX = this.x;
      this.startY = this.y;
    }
    const letter = absolute ? 'M' : op;
    // A repeated command letter may be left out (not after m: more pairs there are lines).
    if (letter === this.last && op !== 'm') this.parts.push(text.startsWith('-') ? text : ` ${text}`);
    else this.parts.push(letter, text);
    this.last = letter;
  }

  close(): void {
    this.parts.push('z');
    this.last = 'z';
    this.x = this.startX;
    this.y = this.startY;
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** `text` followed by `n`, with a space between unless the minus sign separates them. */
function appendNumber(text: string, n: number): string {
  if (text === '' || n < 0) return text + String(n);
  return `${text} ${n}`;
}
