// Text → atoms: the units line breaking and justification work with. An atom
// is never split across lines: one Chinese character or punctuation mark, a
// Latin word, a number with its signs, a URL, ——, ……, a run of ？！, a space.
import type { SourcePos } from '../model.js';
import type { TextStyle } from '../template/styles.js';
import type { TypesetContext } from './context.js';
import { isWide } from '../text/unicode.js';

export interface Glyph {
  ch: string;
  face: string;
  /** Natural advance in points, grid tracking included. */
  advance: number;
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
  pos?: SourcePos;
}

/** A piece of text in one style; a hard line break has no text. */
export type StyledPiece = { text: string; style: TextStyle; pos?: SourcePos } | { lineBreak: true; style: TextStyle };

// Full-width marks whose ink sits on one side of the em box (LAYOUT.md §7).
const OPENING = new Set([...'（《〈【〔〖［｛「『“‘']);
const CLOSING = new Set([...'，。、；：？！）》〉】〕〗］｝」』”’']);

/**
 * One unit per match: URL or e-mail; Latin word or number with internal
 * . , : / - + ' and a trailing % ‰ ℃; ——…; ……; runs of ？！; spaces; else one
 * code point.
 */
const UNIT =
  /(?:https?:\/\/|www\.)[\x21-\x7e]*[\w/#=&-]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]+(?:[.,:/+'’-][A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]+)*[%‰℃]?|—{2,}|…{2,}|[？！?!]{2,}|[ \t]+|[\s\S]/gu;

const DOUBLED_DASH = /^—{2,}$/u;

const LATIN_START = /^[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|^(?:https?:|www\.)|^[\w.+-]+@/u;

export function toAtoms(pieces: StyledPiece[], ctx: TypesetContext): Atom[] {
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
          ...(pos ? { pos } : {}),
        });
        continue;
      }
      const glyphs: Glyph[] = [...text].map((ch) => {
        const face = ctx.faceFor(style.face, ch, pos);
        return { ch, face, advance: (ctx.fonts.face(face).advance(ch.codePointAt(0)!) + tracking) * size };
      });
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
        fullWidthMark: kind === 'punct' && single !== undefined && isWide(first.codePointAt(0)!),
        ...(pos ? { pos } : {}),
      });
    }
  }
  return atoms;
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
