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
  else if (ctx.template.lineBreaking.noLoneLastCharacter) ({ atoms, lines } = noLoneLastCharacter(input, widthOf, { atoms, lines }));
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

type Broken = ReturnType<typeof breakLines>;

/**
 * No line that ends a paragraph (or a run of it ended by a hard break)
 * holds a single character, with or without the marks after it ("位。"):
 * the line before gives it one more unit (clreq's rule against a lone last
 * character). The line before is set a little narrower until its last
 * unit moves down; the lines before it are not touched, and the count of
 * lines stays the same.
 */
function noLoneLastCharacter(input: Atom[], widthOf: (i: number) => number, broken: Broken): Broken {
  const cuts = new Map<number, number>();
  let result = broken;
  for (let attempt = 0; attempt < 2 * broken.lines.length; attempt++) {
    const lone = result.lines.findIndex((line, i) => i > 0 && line.last && !result.lines[i - 1]!.last && isLone(result.atoms, line.start, line.end));
    if (lone < 0) return result;
    const before = result.lines[lone - 1]!;
    // Narrower by the width of its last unit that takes space, so that unit moves down.
    let end = before.end;
    while (end > before.start && (result.atoms[end]!.kind === 'space' || result.atoms[end]!.width === 0)) end--;
    if (end <= before.start) return result;
    cuts.set(lone - 1, (cuts.get(lone - 1) ?? 0) + result.atoms[end]!.width * 0.5 + 0.01);
    const next = breakLines(input, (i) => widthOf(i) - (cuts.get(i) ?? 0));
    if (next.lines.length !== broken.lines.length) return result;
    result = next;
  }
  return result;
}

/** Whether atoms start..end hold one character that is not a mark, and marks. */
function isLone(atoms: readonly Atom[], start: number, end: number): boolean {
  let chars = 0;
  for (let i = start; i <= end; i++) {
    const a = atoms[i]!;
    if (a.kind === 'space' || a.kind === 'break' || a.kind === 'punct') continue;
    chars += [...a.text].length;
    if (chars > 1) return false;
  }
  return chars === 1;
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
