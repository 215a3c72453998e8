// Setting a run of styled text into lines of a given measure: atoms, line
// breaking, then placement with the alignment asked for.
import { toAtoms, type Atom } from './atoms.js';
import { breakLines, placeLine, type PlacedGlyph } from './breakLines.js';
import type { TextStyle } from '../template/styles.js';
import type { SourcePos } from '../model.js';
import type { TypesetContext } from './context.js';
import type { Align, SetPiece } from './layout.js';


export interface MeasureSpec {
  width: number;
  /** Indent of the first line, in points. */
  firstIndent?: number;
  /** Indent of every later line, in points. */
  restIndent?: number;
  align: Align;
  /**
   * Break at the narrowest width that gives the same number of lines, so a
   * wrapped centred title has lines of even length, not a last line of one
   * character.
   */
  balance?: boolean;
}

export interface SetLine {
  glyphs: PlacedGlyph[];
  /** Offset of the line's start from the measure's left edge. */
  x: number;
  width: number;
  text: string;
  justified: boolean;
}

export function setLines(pieces: readonly SetPiece[], spec: MeasureSpec, ctx: TypesetContext): SetLine[] {
  const first = spec.firstIndent ?? 0;
  const rest = spec.restIndent ?? 0;
  const widthOf = (i: number): number => Math.max(1, spec.width - (i === 0 ? first : rest));
  const input = toAtoms(pieces, ctx);
  let { atoms, lines } = breakLines(input, widthOf);
  if (spec.balance && lines.length > 1) ({ atoms, lines } = balanced(input, widthOf, lines.length));
  return lines.map((line, i) => {
    const avail = widthOf(i);
    const placed = placeLine(atoms, line, avail, spec.align === 'justify' && !line.last);
    let x = i === 0 ? first : rest;
    if (spec.align === 'center') x += (avail - placed.width) / 2;
    else if (spec.align === 'right') x += avail - placed.width;
    const text = atoms
      .slice(line.start, line.end + 1)
      .map((a) => a.text)
      .join('')
      .trimEnd();
    return { glyphs: placed.glyphs, x, width: placed.width, text, justified: placed.justified };
  });
}

/** Lines broken at the narrowest measure that still gives `count` lines. */
function balanced(input: Atom[], widthOf: (i: number) => number, count: number): ReturnType<typeof breakLines> {
  let lo = widthOf(0) / count;
  let hi = widthOf(0);
  for (let i = 0; i < 20 && hi - lo > 0.5; i++) {
    const mid = (lo + hi) / 2;
    const shrink = widthOf(0) - mid;
    if (breakLines(input, (k) => widthOf(k) - shrink).lines.length <= count) hi = mid;
    else lo = mid;
  }
  const shrink = widthOf(0) - hi;
  return breakLines(input, (k) => widthOf(k) - shrink);
}

/** Width of text at its natural spacing, as when it starts a line (labels, markers). */
export function textWidth(pieces: readonly SetPiece[], ctx: TypesetContext): number {
  return toAtoms(pieces, ctx).reduce((w, a) => w + a.width, 0);
}

/** `text` set on one line at its natural spacing, never broken (masthead lines, labels, page numbers). */
export function oneLine(text: string, style: TextStyle, ctx: TypesetContext, pos?: SourcePos): SetLine {
  return setLines([{ text, style, ...(pos ? { pos } : {}) }], { width: 1e9, align: 'left' }, ctx)[0] ?? { glyphs: [], x: 0, width: 0, text: '', justified: false };
}

/**
 * The size at which text `naturalWidth` wide at `size` fits `available`:
 * `size` when it fits, else the largest multiple of `step` below it at which
 * it does (text width grows in proportion to its size), but never below
 * `minSize` nor `step`; `fits` is false when it needs less than that.
 */
export function fitSize(naturalWidth: number, available: number, size: number, minSize: number, step: number): { size: number; fits: boolean } {
  if (naturalWidth <= available) return { size, fits: true };
  const needed = Math.floor((size * available) / naturalWidth / step) * step;
  const floor = Math.min(Math.max(minSize, step), size);
  return needed < floor ? { size: floor, fits: false } : { size: needed, fits: true };
}
