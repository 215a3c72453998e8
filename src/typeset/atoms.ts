// Text → atoms: the units line breaking and justification work with. An atom
// is never split across lines: one Chinese character or punctuation mark, a
// Latin word, a number with its signs, a URL, ——, ……, a run of ？！, a space.
import type { SourcePos } from '../model.js';
import type { TextStyle } from '../template/styles.js';
import type { TypesetContext } from './context.js';
import type { SetPiece } from './layout.js';
import { isWide } from '../text/unicode.js';

export interface Glyph {
  ch: string;
  face: string;
  /** Natural advance in points, grid tracking included. */
  advance: number;
  /** No face has the character: drawn as .notdef, kept in the text layer. */
  missing?: boolean;
}

export type AtomKind = 'cjk' | 'punct' | 'latin' | 'space' | 'break';

export interface Atom {
  kind: AtomKind;
  text: string;
  style: TextStyle;
  glyphs: Glyph[];
  /** Natural width in points. */
  width: number;
  /** Blank that may be removed on the left (opening marks) or right (closing marks), in points. */
  blankLeft: number;
  blankRight: number;
  /** May not begin a line. */
  noStart: boolean;
  /** May not end a line. */
  noEnd: boolean;
  /** A full-width punctuation mark (takes part in compressing adjacent marks). */
  fullWidthMark: boolean;
  /** Space after the glyphs, included in width, dropped at a line end (between Chinese and Latin). */
  gapAfter: number;
  /**
   * A piece of an address (URL, e-mail) cut after / . @ -: the whole
   * address (shared by its pieces), and whether this is its first piece.
   * A line may break before a later piece, and justification never opens a
   * gap before one.
   */
  address?: { text: string };
  glue?: boolean;
  pos?: SourcePos;
}

// Full-width marks whose ink sits on one side of the em box (docs/format.md §7).
const OPENING = new Set([...'（《〈【〔〖［｛「『“‘']);
const CLOSING = new Set([...'，。、；：？！）》〉】〕〗］｝」』”’']);

/**
 * One unit per match: URL or e-mail; Latin word or number with internal
 * . , : / - + ' and a trailing % ‰ ℃, with the ASCII punctuation that clings
 * to it ("(Word)", "dog.", "1,000,") so justification never opens a gap
 * there; ——…; ……; runs of ？！; spaces; else one code point.
 */
const UNIT =
  /(?:https?:\/\/|www\.)[\x21-\x7e]*[\w/#=&-]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[([]?[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]+(?:[.,:/+'’-][A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]+)*[%‰℃]?(?:[,.;:!?)\]]+(?![A-Za-z0-9]))?|—{2,}|…{2,}|[？！?!]{2,}|[ \t]+|[\s\S]/gu;

const DOUBLED_DASH = /^—{2,}$/u;

/** An address: the two first alternatives of UNIT. */
const ADDRESS = /^(?:(?:https?:\/\/|www\.)[\x21-\x7e]*[\w/#=&-]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$/u;

/** Where an address may break: after a run of / . @ - (never between the two slashes of https://). */
const ADDRESS_PIECE = /[^/.@-]*[/.@-]+|[^/.@-]+$/gu;

const LATIN_START = /^[([]?[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|^(?:https?:|www\.)|^[\w.+-]+@/u;

export function toAtoms(pieces: readonly SetPiece[], ctx: TypesetContext): Atom[] {
  const atoms: Atom[] = [];
  const rules = ctx.template.lineBreaking;
  const noStart = new Set([...rules.noStart]);
  const noEnd = new Set([...rules.noEnd]);
  const tracking = ctx.geometry.trackingEm;
  for (const piece of pieces) {
    if ('lineBreak' in piece) {
      atoms.push({
        kind: 'break',
        text: '',
        style: piece.style,
        glyphs: [],
        width: 0,
        blankLeft: 0,
        blankRight: 0,
        noStart: false,
        noEnd: false,
        fullWidthMark: false,
        gapAfter: 0,
      });
      continue;
    }
    const { style, pos } = piece;
    const size = style.size;
    for (const m of piece.text.matchAll(UNIT)) {
      const text = m[0];
      const first = [...text][0]!;
      const last = [...text].at(-1)!;
      if (/^[ \t]+$/.test(text)) {
        atoms.push({
          kind: 'space',
          text: ' ',
          style,
          glyphs: [],
          width: rules.spaceWidth * size,
          blankLeft: 0,
          blankRight: 0,
          noStart: true,
          noEnd: false,
          fullWidthMark: false,
          gapAfter: 0,
          ...(pos ? { pos } : {}),
        });
        continue;
      }
      // Each glyph's missing-character report names its own column when the piece records them.
      const glyphsOf = (t: string, start: number): Glyph[] => {
        let offset = start;
        return [...t].map((ch) => {
          const at = pos && piece.charCols ? { ...pos, col: pos.col + offset } : pos;
          offset += ch.length;
          const { face, missing } = ctx.faceFor(style.face, ch, at);
          const advance = (ctx.fonts.face(face).advance(ch.codePointAt(0)!) + tracking) * size;
          return missing ? { ch, face, advance, missing } : { ch, face, advance };
        });
      };
      if (ADDRESS.test(text)) {
        atoms.push(...addressAtoms(text, m.index, style, glyphsOf, noStart, noEnd, pos));
        continue;
      }
      const glyphs = glyphsOf(text, m.index);
      const width = glyphs.reduce((w, g) => w + g.advance, 0);
      const single = glyphs.length === 1 ? glyphs[0]! : undefined;
      const kind: AtomKind = LATIN_START.test(text) ? 'latin' : OPENING.has(first) || CLOSING.has(first) || isMark(first) ? 'punct' : 'cjk';
      atoms.push({
        kind,
        text,
        style,
        glyphs,
        width,
        blankLeft: single && OPENING.has(first) ? removableBlank(ctx, single, 'left', size) : 0,
        blankRight: single && CLOSING.has(first) ? removableBlank(ctx, single, 'right', size) : 0,
        // The rules name single marks: a doubled dash (——) may start a line.
        noStart: noStart.has(first) && !DOUBLED_DASH.test(text),
        noEnd: noEnd.has(last),
        fullWidthMark: rules.compressMarkPairs && kind === 'punct' && single !== undefined && isWide(first.codePointAt(0)!),
        gapAfter: 0,
        ...(pos ? { pos } : {}),
      });
    }
  }
  if (rules.latinSpace > 0) addLatinSpace(atoms, rules.latinSpace);
  return atoms;
}

/**
 * An address as pieces cut after its / . @ -, which lines may break
 * between and justification keeps together: never letter-spaced, and when
 * it breaks, no gap is seen (docs/format.md §7).
 */
function addressAtoms(
  text: string,
  start: number,
  style: TextStyle,
  glyphsOf: (t: string, start: number) => Glyph[],
  noStart: ReadonlySet<string>,
  noEnd: ReadonlySet<string>,
  pos: SourcePos | undefined,
): Atom[] {
  const address = { text };
  const pieces = text.match(ADDRESS_PIECE) ?? [text];
  let offset = start;
  return pieces.map((piece, i): Atom => {
    const glyphs = glyphsOf(piece, offset);
    offset += piece.length;
    return {
      kind: 'latin',
      text: piece,
      style,
      glyphs,
      width: glyphs.reduce((w, g) => w + g.advance, 0),
      blankLeft: 0,
      blankRight: 0,
      noStart: i === 0 && noStart.has([...piece][0]!),
      noEnd: i === pieces.length - 1 && noEnd.has([...piece].at(-1)!),
      fullWidthMark: false,
      gapAfter: 0,
      address,
      ...(i > 0 ? { glue: true } : {}),
      ...(pos ? { pos } : {}),
    };
  });
}

/** Space between Chinese characters and Latin letters or digits, where the template asks for it. */
function addLatinSpace(atoms: Atom[], em: number): void {
  for (let i = 0; i + 1 < atoms.length; i++) {
    const a = atoms[i]!;
    const b = atoms[i + 1]!;
    const boundary = (a.kind === 'cjk' && b.kind === 'latin') || (a.kind === 'latin' && b.kind === 'cjk');
    if (!boundary) continue;
    const gap = em * Math.min(a.style.size, b.style.size);
    a.gapAfter += gap;
    a.width += gap;
  }
}

function isMark(ch: string): boolean {
  return /[\p{P}\p{S}]/u.test(ch) && !/^[A-Za-z0-9]$/.test(ch);
}

/**
 * The blank half of a full-width mark that may be removed: half an em when
 * the glyph is full width and its ink lies in the other half of the em box.
 */
function removableBlank(ctx: TypesetContext, g: Glyph, side: 'left' | 'right', size: number): number {
  const face = ctx.fonts.face(g.face);
  const cp = g.ch.codePointAt(0)!;
  if (face.advance(cp) < 0.9) return 0;
  const ink = face.ink(cp);
  const fits = side === 'right' ? ink.maxX <= 0.56 : ink.minX >= 0.44;
  return fits ? 0.5 * size : 0;
}
