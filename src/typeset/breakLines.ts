// Line breaking and justification by the Chinese rules of docs/format.md §7:
// forbidden line starts and ends, unsplittable units, punctuation
// compression, push-in before push-out, and justification by equal space
// between characters.
import type { Atom, Glyph } from './atoms.js';

/** One line: atoms start..end (inclusive) of the paragraph. */
interface LineSpec {
  start: number;
  end: number;
  /** The paragraph's last line, or a line ended by a hard break: not stretched. */
  last: boolean;
}

/** A glyph placed on a line; x is from the line's start. */
export interface PlacedGlyph extends Glyph {
  atom: Atom;
  x: number;
}

export interface PlacedLine {
  glyphs: PlacedGlyph[];
  /** Width the line's content takes after justification. */
  width: number;
  justified: boolean;
}

const EPS = 1e-6;

/** Whether two adjacent atoms are full-width marks whose blank between them goes. */
function isMarkPair(a: Atom, b: Atom): boolean {
  return a.fullWidthMark && b.fullWidthMark && (a.blankRight > 0 || b.blankLeft > 0);
}

function canBreakBetween(a: Atom, b: Atom): boolean {
  if (a.kind === 'break') return true;
  // Inside an address, after its / . @ -.
  if (b.glue) return true;
  if (a.noEnd || b.noStart) return false;
  if (a.kind === 'latin' && b.kind === 'latin') return false;
  return true;
}

interface Settled {
  widths: number[];
  shifts: number[];
  /** Blanks still removable, per atom (left, right). */
  left: number[];
  right: number[];
  natural: number;
  shrinkable: number;
  /** Index of the last atom that takes space (trailing spaces and breaks excluded). */
  lastVisible: number;
}

/**
 * Widths of atoms start..end set as one line: blanks between adjacent marks
 * removed, a closing mark at the line end set half width, trailing spaces
 * taking no space.
 */
function settle(atoms: readonly Atom[], start: number, end: number): Settled {
  const n = end - start + 1;
  const widths = new Array<number>(n);
  const shifts = new Array<number>(n).fill(0);
  const left = new Array<number>(n);
  const right = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const a = atoms[start + i]!;
    widths[i] = a.width;
    left[i] = a.blankLeft;
    right[i] = a.blankRight;
  }
  for (let i = 0; i + 1 < n; i++) {
    if (!isMarkPair(atoms[start + i]!, atoms[start + i + 1]!)) continue;
    if (right[i]! > 0) {
      widths[i]! -= right[i]!;
      right[i] = 0;
    } else if (left[i + 1]! > 0) {
      widths[i + 1]! -= left[i + 1]!;
      shifts[i + 1]! += left[i + 1]!;
      left[i + 1] = 0;
    }
  }
  let lastVisible = end;
  while (lastVisible >= start && (atoms[lastVisible]!.kind === 'space' || atoms[lastVisible]!.kind === 'break')) {
    widths[lastVisible - start] = 0;
    lastVisible--;
  }
  if (lastVisible >= start) {
    const k = lastVisible - start;
    widths[k]! -= right[k]! + atoms[lastVisible]!.gapAfter;
    right[k] = 0;
  }
  let natural = 0;
  let shrinkable = 0;
  for (let i = 0; i < n; i++) {
    natural += widths[i]!;
    if (start + i < lastVisible) shrinkable += left[i]! + right[i]!;
    else if (start + i === lastVisible) shrinkable += left[i]!;
  }
  return { widths, shifts, left, right, natural, shrinkable, lastVisible };
}

/**
 * The largest end such that atoms start..end fit in `avail` (start - 1 when
 * not even the first fits); stops at a hard break.
 */
function fitEnd(atoms: readonly Atom[], start: number, avail: number): number {
  let sum = 0;
  let prevRight = 0;
  for (let e = start; e < atoms.length; e++) {
    const a = atoms[e]!;
    if (a.kind === 'break') return e;
    let w = a.width;
    let right = a.blankRight;
    if (e > start && isMarkPair(atoms[e - 1]!, a)) {
      if (prevRight > 0) {
        sum -= prevRight;
      } else if (a.blankLeft > 0) {
        w -= a.blankLeft;
      }
    }
    sum += w;
    const endCut = a.kind === 'space' ? w : right + a.gapAfter;
    if (sum - endCut > avail + EPS) return e - 1;
    prevRight = right;
  }
  return atoms.length - 1;
}

/**
 * Units wider than a whole line can only be broken inside, as a last resort:
 * cut them into pieces after / . @ - (URLs, e-mail addresses), or between
 * glyphs where that is not enough, and let the pieces fill lines like other
 * atoms — starting on the line the unit begins on, not on a line of its own.
 */
function splitOversize(atoms: readonly Atom[], limit: number): Atom[] {
  const out: Atom[] = [];
  for (const a of atoms) {
    if (a.width <= limit + EPS || a.glyphs.length < 2) {
      out.push(a);
      continue;
    }
    const pieces: Glyph[][] = [];
    let cur: Glyph[] = [];
    for (const g of a.glyphs) {
      cur.push(g);
      if ('/.@-'.includes(g.ch)) {
        pieces.push(cur);
        cur = [];
      }
    }
    if (cur.length > 0) pieces.push(cur);
    // A piece still wider than a line: between its glyphs.
    const fine = pieces.flatMap((p) => (p.reduce((w, g) => w + g.advance, 0) > limit + EPS ? p.map((g) => [g]) : [p]));
    fine.forEach((glyphs, i) => {
      const last = i === fine.length - 1;
      out.push({
        ...a,
        // Pieces are broken between as a last resort: mark them breakable.
        kind: 'cjk',
        text: glyphs.map((g) => g.ch).join(''),
        glyphs,
        gapAfter: last ? a.gapAfter : 0,
        width: glyphs.reduce((w, g) => w + g.advance, 0) + (last ? a.gapAfter : 0),
        blankLeft: 0,
        blankRight: 0,
        noStart: i === 0 ? a.noStart : false,
        noEnd: last ? a.noEnd : false,
        // Pieces of an address piece stay glued: no gap opens inside an address.
        ...(i > 0 && a.address ? { glue: true } : {}),
      });
    });
  }
  return out;
}

/** How many extra atoms push-in may squeeze into a line. */
const MAX_PUSH_IN = 2;

/**
 * Break `atoms` into lines; `widthOf(i)` is the measure of line i. Returns
 * the (possibly re-split) atoms and the lines over them.
 */
export function breakLines(input: readonly Atom[], widthOf: (line: number) => number): { atoms: Atom[]; lines: LineSpec[] } {
  const atoms = splitOversize(input, Math.min(widthOf(0), widthOf(1)));
  const lines: LineSpec[] = [];
  let s = 0;
  const n = atoms.length;
  while (s < n) {
    if (lines.length > 0) while (s < n && atoms[s]!.kind === 'space') s++;
    if (s >= n) break;
    const avail = widthOf(lines.length);
    const e = fitEnd(atoms, s, avail);
    if (e >= n - 1 || (e >= s && atoms[e]!.kind === 'break')) {
      lines.push({ start: s, end: Math.max(e, s), last: true });
      s = Math.max(e, s) + 1;
      continue;
    }
    if (e < s) {
      // A single atom wider than the line (after splitting): set it alone.
      lines.push({ start: s, end: s, last: false });
      s++;
      continue;
    }
    let end = e;
    if (!canBreakBetween(atoms[e]!, atoms[e + 1]!)) end = pushIn(atoms, s, e, avail) ?? pushOut(atoms, s, e) ?? e;
    lines.push({ start: s, end, last: end === n - 1 });
    s = end + 1;
  }
  return { atoms, lines };
}

/** Squeeze the marks that may not start a line into this one, compressing punctuation. */
function pushIn(atoms: readonly Atom[], s: number, e: number, avail: number): number | undefined {
  for (let k = e + 1; k <= Math.min(e + MAX_PUSH_IN, atoms.length - 1); k++) {
    if (!atoms[k]!.noStart || atoms[k]!.kind === 'space') return undefined;
    const next = atoms[k + 1];
    if (next && !canBreakBetween(atoms[k]!, next)) continue;
    const st = settle(atoms, s, k);
    if (st.natural - st.shrinkable <= avail + EPS) return k;
    return undefined;
  }
  return undefined;
}

/** Move the last breakable unit down to the next line. */
function pushOut(atoms: readonly Atom[], s: number, e: number): number | undefined {
  for (let j = e - 1; j >= s; j--) if (canBreakBetween(atoms[j]!, atoms[j + 1]!)) return j;
  return undefined;
}

/**
 * Place the glyphs of one line in `avail`: stretched by equal space between
 * atoms unless `justify` is false, squeezed (punctuation blanks only) when
 * push-in made it too long.
 */
export function placeLine(atoms: readonly Atom[], line: LineSpec, avail: number, justify: boolean): PlacedLine {
  const st = settle(atoms, line.start, line.end);
  const { widths, shifts, left, right } = st;
  const lastVisible = st.lastVisible;
  let extra = 0;
  let justified = false;
  if (st.natural > avail + EPS && st.shrinkable > 0) {
    const f = Math.min(1, (st.natural - avail) / st.shrinkable);
    for (let i = 0; i <= lastVisible - line.start; i++) {
      const l = left[i]! * f;
      const r = line.start + i < lastVisible ? right[i]! * f : 0;
      widths[i]! -= l + r;
      shifts[i]! += l;
    }
    justified = true;
  } else if (justify && stretchable(atoms, line.start, lastVisible) > 0 && st.natural < avail - EPS) {
    extra = (avail - st.natural) / stretchable(atoms, line.start, lastVisible);
    justified = true;
  } else if (justify && Math.abs(st.natural - avail) <= 1e-3) {
    justified = true;
  }
  const glyphs: PlacedGlyph[] = [];
  let x = 0;
  for (let i = line.start; i <= lastVisible; i++) {
    const a = atoms[i]!;
    let gx = x - shifts[i - line.start]!;
    for (const g of a.glyphs) {
      glyphs.push({ ...g, atom: a, x: gx });
      gx += g.advance;
    }
    x += widths[i - line.start]! + (i < lastVisible && !atoms[i + 1]!.glue ? extra : 0);
  }
  return { glyphs, width: x, justified };
}

/** The gaps between atoms start..end that justification may open: not those inside an address. */
function stretchable(atoms: readonly Atom[], start: number, end: number): number {
  let n = 0;
  for (let i = start + 1; i <= end; i++) if (!atoms[i]!.glue) n++;
  return n;
}

/**
 * The widest run of atoms that no line may break inside, as it is set at a
 * line's end: a table cell's least width (a "9:00-9:30", a “校区（校园）”'s
 * bracketed pairs, an address's longest piece).
 */
export function widestUnbreakable(atoms: readonly Atom[]): number {
  let widest = 0;
  let start = 0;
  for (let i = 0; i < atoms.length; i++) {
    const next = atoms[i + 1];
    if (next && !canBreakBetween(atoms[i]!, next)) continue;
    let a = start;
    while (a <= i && (atoms[a]!.kind === 'space' || atoms[a]!.kind === 'break')) a++;
    if (a <= i) widest = Math.max(widest, settle(atoms, a, i).natural);
    start = i + 1;
  }
  return widest;
}
