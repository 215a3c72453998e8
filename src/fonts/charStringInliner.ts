// Type 2 charstrings with their subroutine calls replaced by the subroutines'
// own code (Adobe Technical Note #5177, "The Type 2 Charstring Format"): a
// glyph program that draws the same outline and calls nothing. A subset of a
// font with subroutines can then be cut by copying a few glyph programs,
// without the font's whole subroutine INDEXes and without hb-subset
// (subsets.ts; docs/architecture.md, "The steps", Fonts).
//
// What is copied is exactly the original operators and operands, in their
// order and their original encodings; only `n callsubr` / `n callgsubr` and
// `return` are taken out. The hint count is followed only to know how many
// mask bytes follow a hintmask or cntrmask. A charstring that computes a
// subroutine number (arithmetic, storage), nests deeper than the format
// allows, reads more code than MAX_WORK (or the cut's workBudget), or is
// malformed is not inlined: the caller cuts the font another way.
import type { CffIndex } from './cffData.js';

/** A charstring this module does not inline (the font is cut by hb-subset instead). */
export class NotInlinable extends Error {}

/** The subroutine-number bias of an INDEX of `count` subroutines (Type 2, §4.7). */
const subroutineBias = (count: number): number => (count < 1240 ? 107 : count < 33900 ? 1131 : 32768);

/** The deepest subroutine nesting Type 2 allows (Appendix B: 10). */
const MAX_DEPTH = 10;
/** The longest glyph program written; inlining only repeats code the font already has, so a larger one means a loop of calls or a hostile font. */
const MAX_LENGTH = 65535;
/**
 * The most bytes of charstring code read for one glyph. Calls that add
 * nothing (a subroutine of a bare `return`) do not grow the output, so
 * calls fanning out ten levels deep are bounded by this, before the work.
 * The bundled Noto faces read 270–450 bytes a glyph on average, 1.4 KB at
 * the most.
 */
const MAX_WORK = 1 << 16;

/** Bytes of charstring code a cut of `glyphs` glyphs may read in all (inlineSubroutines' `budget`): ten times what a real font needs, and a floor. */
export const workBudget = (glyphs: number): { left: number } => ({ left: (1 << 20) + 4096 * glyphs });

const CALLSUBR = 10;
const RETURN = 11;
const ESCAPE = 12;
const ENDCHAR = 14;
const HINTMASK = 19;
const CNTRMASK = 20;
const CALLGSUBR = 29;
/** hstem, vstem, hstemhm, vstemhm: each pair of operands declares a stem hint. */
const STEMS = new Set([1, 3, 18, 23]);
/** Path operators of one byte (they clear the operand stack). */
const PATH = new Set([4, 5, 6, 7, 8, 21, 22, 24, 25, 26, 27, 30, 31]);
/** Two-byte operators that only draw: flex, hflex, hflex1, flex1 (12 35, 34, 36, 37). */
const FLEX = new Set([34, 35, 36, 37]);

/**
 * `charString` with every subroutine it calls inlined. `global` is the
 * Global Subr INDEX, `local` the Local Subr INDEX of the glyph's Private
 * DICT (none when it has none); `budget`, shared by the glyphs of one cut,
 * bounds the code all of them read (workBudget).
 */
export function inlineSubroutines(charString: Uint8Array, global: CffIndex, local: CffIndex | undefined, budget = workBudget(1)): Uint8Array {
  const out: number[] = [];
  /** Where each operand on the stack starts in `out`, and its value. */
  const stack: Array<{ at: number; value: number }> = [];
  let stems = 0;
  let maskBytes = -1;
  let work = 0;

  const run = (code: Uint8Array, depth: number): 'return' | 'endchar' | 'end' => {
    let i = 0;
    work += code.length;
    budget.left -= code.length;
    if (work > MAX_WORK) throw new NotInlinable(`more than ${MAX_WORK} bytes of charstring code for one glyph`);
    if (budget.left < 0) throw new NotInlinable('more charstring code than the glyphs of a font need');
    while (i < code.length) {
      if (out.length > MAX_LENGTH) throw new NotInlinable(`a glyph program of more than ${MAX_LENGTH} bytes`);
      const b = code[i]!;
      if (b >= 32 || b === 28) {
        const len = b === 28 ? 3 : b <= 246 ? 1 : b <= 254 ? 2 : 5;
        if (i + len > code.length) throw new NotInlinable('a charstring ends inside a number');
        const value =
          b === 28
            ? ((code[i + 1]! << 24) >> 16) | code[i + 2]!
            : b <= 246
              ? b - 139
              : b <= 250
                ? (b - 247) * 256 + code[i + 1]! + 108
                : b <= 254
                  ? -(b - 251) * 256 - code[i + 1]! - 108
                  : ((code[i + 1]! << 24) | (code[i + 2]! << 16) | (code[i + 3]! << 8) | code[i + 4]!) / 65536;
        stack.push({ at: out.length, value });
        for (let k = 0; k < len; k++) out.push(code[i + k]!);
        i += len;
        continue;
      }
      if (b === CALLSUBR || b === CALLGSUBR) {
        const index = b === CALLSUBR ? local : global;
        const number = stack.pop();
        if (!index || !number || !Number.isInteger(number.value)) throw new NotInlinable('a subroutine call without its number');
        const n = number.value + subroutineBias(index.count);
        if (n < 0 || n >= index.count) throw new NotInlinable(`a call of subroutine ${n} of ${index.count}`);
        if (depth >= MAX_DEPTH) throw new NotInlinable('subroutines nested too deep');
        out.length = number.at;
        if (run(index.item(n), depth + 1) === 'endchar') return 'endchar';
        i++;
        continue;
      }
      if (b === RETURN) {
        if (depth === 0) throw new NotInlinable('return outside a subroutine');
        return 'return';
      }
      if (b === ENDCHAR) {
        out.push(b);
        stack.length = 0;
        return 'endchar';
      }
      if (b === HINTMASK || b === CNTRMASK) {
        // The first mask ends the hints; operands before it are vstems (Type 2, §4.3).
        if (maskBytes < 0) {
          stems += stack.length >> 1;
          maskBytes = (stems + 7) >> 3;
        }
        if (i + 1 + maskBytes > code.length) throw new NotInlinable('a charstring ends inside a hint mask');
        for (let k = 0; k <= maskBytes; k++) out.push(code[i + k]!);
        i += 1 + maskBytes;
        stack.length = 0;
        continue;
      }
      if (STEMS.has(b)) {
        stems += stack.length >> 1;
      } else if (b === ESCAPE) {
        const op = code[i + 1];
        if (op === undefined || !FLEX.has(op)) throw new NotInlinable(`the charstring operator 12 ${op}`);
        out.push(b, op);
        stack.length = 0;
        i += 2;
        continue;
      } else if (!PATH.has(b)) {
        throw new NotInlinable(`the charstring operator ${b}`);
      }
      out.push(b);
      stack.length = 0;
      i++;
    }
    return 'end';
  };

  run(charString, 0);
  if (out.length > MAX_LENGTH) throw new NotInlinable(`a glyph program of more than ${MAX_LENGTH} bytes`);
  return Uint8Array.from(out);
}
