// Subroutines inlined into Type 2 charstrings (src/fonts/charStringInliner.ts,
// used by cidKeyedCff's `inline`): every glyph of the bundled fonts that have
// subroutines draws, as fontkit decodes it, exactly the path the original
// font draws — fontkit runs the original's subroutines itself — and the
// rewritten table holds no subroutine. Hand-made charstrings pin down the
// edges: hint masks whose bytes look like operators, calls at the end of a
// glyph, and what is refused.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { readIndex, writeIndex } from '../../src/fonts/cffData.js';
import { inlineSubroutines, NotInlinable, workBudget } from '../../src/fonts/charStringInliner.js';
import { cidKeyedCff, hasNoSubroutines } from '../../src/fonts/cidKeyedCff.js';
import { readSfnt, writeSfnt } from '../../src/fonts/sfntDirectory.js';
import { FONTS, SANS_FALLBACK, SERIF_FALLBACK, TITLE } from './fontFiles.js';

describe.each([TITLE, SERIF_FALLBACK, SANS_FALLBACK])('%s with its subroutines inlined', (name) => {
  it('draws every glyph exactly as the original, and holds no subroutine', () => {
    const bytes = readFileSync(path.join(FONTS, name));
    const { tables } = readSfnt(bytes);
    const cff = tables.get('CFF ')!;
    expect(hasNoSubroutines(cff)).toBe(false);
    const flat = cidKeyedCff(cff, undefined, { inline: true });
    expect(hasNoSubroutines(flat)).toBe(true);
    const inlined = new Map(tables);
    inlined.set('CFF ', Buffer.from(flat));
    const original = fontkit.create(bytes) as fontkit.Font;
    const mine = fontkit.create(writeSfnt(0x4f54544f, inlined)) as fontkit.Font;
    expect(mine.numGlyphs).toBe(original.numGlyphs);
    const differing: number[] = [];
    let drawn = 0;
    for (let g = 0; g < original.numGlyphs; g++) {
      const a = original.getGlyph(g).path.commands;
      if (a.length > 0) drawn++;
      if (JSON.stringify(mine.getGlyph(g).path.commands) !== JSON.stringify(a)) differing.push(g);
    }
    expect(differing).toEqual([]);
    expect(drawn).toBeGreaterThan(original.numGlyphs * 0.9);
  }, 60_000);
});

/** A Type 2 number in its shortest encoding (integers −1131 … 1131 here). */
const num = (v: number): number[] => {
  if (v >= -107 && v <= 107) return [v + 139];
  if (v >= 108) return [((v - 108) >> 8) + 247, (v - 108) & 0xff];
  return [((-v - 108) >> 8) + 251, (-v - 108) & 0xff];
};
const index = (...items: number[][]) => {
  const bytes = writeIndex(items.map((i) => Uint8Array.from(i)));
  return readIndex(bytes, 0);
};
const inline = (cs: number[], global = index(), local?: ReturnType<typeof index>) => [...inlineSubroutines(Uint8Array.from(cs), global, local)];

const RLINETO = 5;
const CALLSUBR = 10;
const RETURN = 11;
const ENDCHAR = 14;
const HSTEMHM = 18;
const HINTMASK = 19;
const RMOVETO = 21;
const CALLGSUBR = 29;

describe('inlining a charstring', () => {
  it('replaces `n callgsubr` and `n callsubr` by the subroutines without their return, biased by 107 below 1240 subroutines', () => {
    const global = index([...num(100), ...num(200), RLINETO, RETURN]);
    const local = index([...num(1), ...num(2), RLINETO, RETURN], [...num(3), ...num(4), RLINETO, ...num(-107), CALLSUBR, RETURN]);
    const cs = [...num(10), ...num(20), RMOVETO, ...num(-107), CALLGSUBR, ...num(-107), CALLSUBR, ENDCHAR];
    expect(inline(cs, global, local)).toEqual([...num(10), ...num(20), RMOVETO, ...num(100), ...num(200), RLINETO, ...num(1), ...num(2), RLINETO, ENDCHAR]);
    // A subroutine calling another.
    const nested = [...num(-106), CALLSUBR, ENDCHAR];
    expect(inline(nested, global, local)).toEqual([...num(3), ...num(4), RLINETO, ...num(1), ...num(2), RLINETO, ENDCHAR]);
  });

  it('ends the glyph where a subroutine ends it (endchar inside a subroutine)', () => {
    const global = index([...num(5), ...num(6), RLINETO, ENDCHAR]);
    expect(inline([...num(1), ...num(1), RMOVETO, ...num(-107), CALLGSUBR], global)).toEqual([...num(1), ...num(1), RMOVETO, ...num(5), ...num(6), RLINETO, ENDCHAR]);
  });

  it('copies hint-mask bytes as they are, however many stems (operands before the first mask count as vstems)', () => {
    // Two hstemhm pairs, one implicit vstem before the mask: 3 stems, one mask byte — 0x0a, the code of callsubr.
    const cs = [...num(10), ...num(20), ...num(30), ...num(40), HSTEMHM, ...num(50), ...num(60), HINTMASK, 0x0a, ...num(1), ...num(1), RMOVETO, ENDCHAR];
    expect(inline(cs)).toEqual(cs);
    // Nine stems: two mask bytes, both looking like operators (return, endchar).
    const nine = [...Array.from({ length: 9 }, (_, i) => [...num(i * 10), ...num(5)]).flat(), HSTEMHM, HINTMASK, RETURN, ENDCHAR, ...num(1), ...num(1), RMOVETO, ENDCHAR];
    expect(inline(nine)).toEqual(nine);
    // Stems declared inside a subroutine count too.
    const global = index([...num(10), ...num(20), ...num(30), ...num(40), HSTEMHM, RETURN]);
    const viaSubr = [...num(-107), CALLGSUBR, HINTMASK, 0x0e, ...num(1), ...num(1), RMOVETO, ENDCHAR];
    expect(inline(viaSubr, global)).toEqual([...num(10), ...num(20), ...num(30), ...num(40), HSTEMHM, HINTMASK, 0x0e, ...num(1), ...num(1), RMOVETO, ENDCHAR]);
  });

  it('refuses what it cannot inline: a computed subroutine number, a call out of range or without a number, nesting past 10, return outside a subroutine', () => {
    const refuse = (cs: number[], global = index(), local?: ReturnType<typeof index>) => expect(() => inline(cs, global, local)).toThrow(NotInlinable);
    // 2 3 add callgsubr: arithmetic (12 10).
    refuse([...num(2), ...num(3), 12, 10, CALLGSUBR, ENDCHAR], index([ENDCHAR]));
    refuse([...num(-100), CALLGSUBR, ENDCHAR], index([RETURN]));
    refuse([CALLGSUBR, ENDCHAR], index([RETURN]));
    refuse([...num(-107), CALLSUBR, ENDCHAR], index([RETURN]), undefined);
    // A subroutine that calls itself.
    refuse([...num(-107), CALLGSUBR, ENDCHAR], index([...num(-107), CALLGSUBR, RETURN]));
    refuse([...num(1), RETURN]);
    // A number cut off at the end.
    refuse([247]);
  });

  it('gives up on a font whose every glyph reads nearly as much code as one glyph may: the cut has a budget for all its glyphs', () => {
    // Three levels, each calling the next 15 times: 3,616 calls, about 11 KB of code a glyph — under one glyph's bound (64 KiB), far over a real glyph's (1.4 KB at most).
    const levels = 4;
    const subrs = Array.from({ length: levels }, (_, k) => (k === levels - 1 ? [RETURN] : [...Array.from({ length: 15 }, () => [...num(k + 1 - 107), CALLGSUBR]).flat(), RETURN]));
    const glyph = [...num(-107), CALLGSUBR, ENDCHAR];
    expect(inline(glyph, index(...subrs))).toEqual([ENDCHAR]);
    const budget = workBudget(300);
    expect(() => {
      for (let g = 0; g < 300; g++) inlineSubroutines(Uint8Array.from(glyph), index(...subrs), undefined, budget);
    }).toThrow(/more charstring code than the glyphs of a font need/);
  });

  it('gives up, quickly, on calls that fan out ten levels deep and draw nothing', () => {
    // Subroutine k calls subroutine k + 1 a thousand times; the last only returns: 1000^9 calls in all.
    const levels = 10;
    const subrs = Array.from({ length: levels }, (_, k) => (k === levels - 1 ? [RETURN] : [...Array.from({ length: 1000 }, () => [...num(k + 1 - 107), CALLGSUBR]).flat(), RETURN]));
    // Without the bound this would not end (the test's own timeout would fail it).
    expect(() => inline([...num(-107), CALLGSUBR, ENDCHAR], index(...subrs))).toThrow(/more than \d+ bytes of charstring code/);
  });
});
