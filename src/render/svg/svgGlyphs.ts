// A face's glyphs as the SVG pages draw them, from the build's subset of the
// face — the one the PDF embeds and every writer shares
// (src/fonts/subsets.ts): which glyph draws a code point, its advance, and
// its outline (decoded by src/fonts/glyphOutlines.ts) as SVG path data, each
// drawn once per subset.
import { drawingSubset, layoutSubsets, type FaceSubset } from '../../fonts/subsets.js';
import { glyphOutlines } from '../../fonts/glyphOutlines.js';
import type { PathCommand } from '../../fonts/quadraticOutlines.js';
import type { Layout } from '../../typeset/layout.js';

export interface SvgFace {
  /** The face key of the subset the glyphs are drawn from. */
  face: string;
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
  /** The font file and face the subset is cut from ("file\0index"). */
  source: string;
  /**
   * The glyph's id in that face: what names it in every subset of the face
   * (the preview keeps each outline once by it, while its id in a subset
   * changes from build to build).
   */
  sourceGlyph(glyph: number): number;
}

/** The faces of a Layout by face key, each one's subset, in the Layout's order of faces. */
export type SvgFaces = ReadonlyMap<string, SvgFace>;

/** The SVG faces of every face the Layout draws text with: the build's subsets (made once per Layout), or those given (the preview's). */
export async function svgFacesOf(layout: Layout, subsets?: ReadonlyMap<string, FaceSubset>): Promise<SvgFaces> {
  const out = new Map<string, SvgFace>();
  for (const [key, subset] of subsets ?? (await layoutSubsets(layout))) out.set(key, await svgFaceOf(subset));
  return out;
}

/** The face that draws text of face `key` (see drawingSubset). */
export function svgFaceFor(faces: SvgFaces, key: string): SvgFace {
  const face = drawingSubset(faces, key);
  if (!face) throw new Error(`no glyphs for face ${key}`);
  return face;
}

const made = new WeakMap<FaceSubset, Promise<SvgFace>>();

/** The SVG face of one subset, made once per subset (SVG and PNG pages of one build share it). */
export function svgFaceOf(subset: FaceSubset): Promise<SvgFace> {
  let face = made.get(subset);
  if (!face) {
    face = open(subset);
    made.set(subset, face);
  }
  return face;
}

async function open(subset: FaceSubset): Promise<SvgFace> {
  const outlines = await glyphOutlines(subset.outlineSfnt);
  const drawn = new Map<number, string>();
  return {
    face: subset.face,
    unitsPerEm: subset.descriptor.unitsPerEm,
    glyphId: (cp) => subset.glyphOf.get(cp) ?? 0,
    advance: (glyph) => subset.advances[glyph]!,
    outline(glyph) {
      let d = drawn.get(glyph);
      if (d === undefined) {
        d = pathData(outlines.commands(glyph));
        drawn.set(glyph, d);
      }
      return d;
    },
    source: `${subset.file}\0${subset.index}`,
    sourceGlyph(glyph) {
      const g = subset.sourceGlyphOf.get(glyph);
      if (g === undefined) throw new Error(`glyph ${glyph} of the subset of ${subset.face} is drawn for no code point`);
      return g;
    },
  };
}

/**
 * Compact path data: whole font units, relative commands (the first move
 * absolute), numbers separated by a space or by their own minus sign.
 */
function pathData(commands: readonly PathCommand[]): string {
  const path = new PathBuilder();
  for (const c of commands) {
    if (c.command === 'closePath') path.close();
    else path.command(LETTERS[c.command], c.args);
  }
  return path.toString();
}

const LETTERS = { moveTo: 'm', lineTo: 'l', quadraticCurveTo: 'q', bezierCurveTo: 'c' } as const;

class PathBuilder {
  /** Parts joined once at the end: a string grown by += is a rope that every later use walks again. */
  private readonly parts: string[] = [];
  private x = 0;
  private y = 0;
  /** Where the current subpath started: the current point after z. */
  private startX = 0;
  private startY = 0;
  private last = '';

  command(op: 'm' | 'l' | 'q' | 'c', coords: readonly number[]): void {
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
