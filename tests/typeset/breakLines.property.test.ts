// Property tests: random mixtures of Chinese, punctuation, digits and Latin.
// Whatever the text, no line starts or ends with a forbidden character, no
// unit is split, every line but the last fills the measure, and no character
// is lost or duplicated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setLines } from '../../src/typeset/setLines.js';
import { contextFor } from '../helpers/typeset.js';

const HAN = [...'国家邮政局精神文明建设指导委员会上海市快递行业党建工作简报'];
const CLOSING = [...'，。、；：？！）》”'];
const OPENING = [...'（《“'];

interface Token {
  text: string;
  /** Must stay on one line. */
  unit: boolean;
}

const han = fc.constantFrom(...HAN).map((t): Token => ({ text: t, unit: false }));
const hanRun = (min: number, max: number) => fc.array(han, { minLength: min, maxLength: max });
const unit = fc.oneof(
  fc.integer({ min: 0, max: 99999 }).map(String),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}%`),
  fc.tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 10, max: 12 }), fc.integer({ min: 10, max: 28 })).map((d) => d.join('-')),
  fc.stringMatching(/^[A-Za-z]{1,8}$/),
  fc.constant('——'),
  fc.constant('……'),
  fc.constant('？！'),
).map((text): Token => ({ text, unit: true }));

/** A phrase always holds two Han characters in a row, so a legal break exists in every phrase. */
const phrase = fc
  .tuple(
    fc.option(fc.constantFrom(...OPENING), { nil: undefined }),
    hanRun(2, 5),
    fc.option(unit, { nil: undefined }),
    hanRun(0, 3),
    fc.array(fc.constantFrom(...CLOSING), { maxLength: 2 }),
  )
  .map(([open, a, u, b, close]): Token[] => [
    ...(open ? [{ text: open, unit: false }] : []),
    ...a,
    ...(u ? [u] : []),
    ...b,
    ...close.map((text) => ({ text, unit: false })),
  ]);

const paragraph = fc.array(phrase, { minLength: 1, maxLength: 40 }).map((ps) => ps.flat());

describe.each([['jianbao'], ['gbt9704']])('line breaking properties (%s)', (name) => {
  const ctx = contextFor(name);
  const g = ctx.geometry;
  const rules = ctx.template.lineBreaking;
  const noStart = new Set([...rules.noStart]);
  const noEnd = new Set([...rules.noEnd]);

  it('holds for random text', () => {
    fc.assert(
      fc.property(paragraph, fc.boolean(), (tokens, indent) => {
        const text = tokens.map((t) => t.text).join('');
        const lines = setLines([{ text, style: g.body }], { width: g.width, firstIndent: indent ? 2 * g.charPitch : 0, align: 'justify' }, ctx);
        // Nothing lost or duplicated.
        expect(lines.map((l) => l.text).join('')).toBe(text);
        // Units whole.
        const cuts = new Set<number>();
        let offset = 0;
        for (const l of lines.slice(0, -1)) cuts.add((offset += l.text.length));
        offset = 0;
        for (const t of tokens) {
          if (t.unit) for (let k = offset + 1; k < offset + t.text.length; k++) expect(cuts.has(k), `${t.text} split`).toBe(false);
          offset += t.text.length;
        }
        lines.forEach((line, i) => {
          const chars = [...line.text];
          if (i > 0) {
            const startsWithDoubledDash = line.text.startsWith('——');
            expect(noStart.has(chars[0]!) && !startsWithDoubledDash, `line ${i} starts with ${chars[0]}`).toBe(false);
          }
          if (i < lines.length - 1) {
            expect(noEnd.has(chars.at(-1)!), `line ${i} ends with ${chars.at(-1)}`).toBe(false);
            const last = line.glyphs.at(-1)!;
            const right = line.x + last.x + last.advance - last.atom.blankRight;
            expect(Math.abs(right - g.width), `line ${i} width`).toBeLessThan(0.01);
          }
        });
      }),
      { numRuns: 400, seed: 20240826 },
    );
  });
});
