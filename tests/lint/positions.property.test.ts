// Property: whatever Markdown markup, escapes, entities and look-alikes come
// before it, a finding's column points at the offending character in the
// source, and its fix finds exactly that text there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintArticle } from './helpers.js';

const token = fc.constantFrom(
  '国', '家', '邮', '政', '局', '中', '文', // Han
  ',', ',', ',', // the mark under test
  ' ', // a space (between Han: space.betweenHan)
  '\\*', '\\_', '\\[', // escapes
  '**粗**', '*斜*', // inline markup
  '&amp;', '&#x4e2d;', '&hearts;', // entities
  'e\u0301', // decomposed é (NFC changes its length)
  '\u22ef', '\u30fb', '\u00a0', '\u2f08', '\u2015', // look-alikes the reader normalises (⼈ → 人, ― → —)
  '\\\\', '&#12290;', // an escaped backslash, a numeric reference (。)
  '...', '…', '１２', // other rules' targets
  '𠀀', // an astral ideograph (two UTF-16 units)
  'Word', '3', // Latin, digits
);
const line = fc.array(token, { minLength: 1, maxLength: 12 }).map((t) => `国${t.join('')}文`);
const paragraph = fc.tuple(fc.array(line, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '> ', '- ')).map(([lines, prefix]) =>
  lines.map((l, i) => (i === 0 ? prefix : prefix === '> ' ? '> ' : prefix === '- ' ? '  ' : '') + l).join('\n'),
);

describe('finding positions (property)', () => {
  it('point at the offending character; fixes find their text there', () => {
    let commasBetweenHan = 0;
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 3 }), (paragraphs) => {
        const body = `${paragraphs.join('\n\n')}\n`;
        const { findings, sources, issue } = lintArticle(body);
        const lines = sources.get(issue.articles[0]!.file)!.split('\n');
        for (const f of findings) {
          const raw = lines[f.line - 1]!;
          const ch = raw[f.col - 1];
          if (f.rule === 'punct.halfWidth') expect(ch).toBe(',');
          if (f.rule === 'space.betweenHan') expect(ch).toMatch(/[ \u00a0]/);
          if (f.rule === 'punct.ellipsis') expect(ch).toMatch(/[.…\u22ef\u30fb\u00b7&]/); // & starts an entity such as &#12290;
          if (f.rule === 'char.fullWidthAlnum') expect(ch).toMatch(/[０-９]/);
          if (f.fix) expect(lines[f.fix.line - 1]!.slice(f.fix.col - 1, f.fix.col - 1 + f.fix.find.length)).toBe(f.fix.find);
        }
        // Every comma between two Chinese characters in the source is found, and
        // no finding is made up (none between two digits here). Markup and
        // entities next to a comma may hide or make Chinese neighbours, so the
        // source's counts bound the findings from both sides.
        const commas = body.match(/,/g)?.length ?? 0;
        const betweenHan = body.match(/(?<=\p{Script=Han}),(?=\p{Script=Han})/gu)?.length ?? 0;
        const found = findings.filter((f) => f.rule === 'punct.halfWidth').length;
        expect(found).toBeGreaterThanOrEqual(betweenHan);
        expect(found).toBeLessThanOrEqual(commas);
        commasBetweenHan += betweenHan;
      }),
      { numRuns: 60, seed: 20240826 },
    );
    // The generator makes the case the lower bound is about.
    expect(commasBetweenHan).toBeGreaterThan(0);
  });
});
