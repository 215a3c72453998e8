// punct.straightQuote: straight quotes " and ' in Chinese text, where curly
// quotes “ ” and ‘ ’ are meant. Fixed only when unambiguous: the paragraph's
// straight quotes of that kind pair up cleanly (even count, each opening
// quote followed and each closing quote preceded by text).
import { isAsciiAlnum, nearChinese } from '../chars.js';
import { addressMask, hasChinese, unitRule, type LintContext } from '../rule.js';
import type { LintMessage } from '../types.js';
import type { Unit } from '../units.js';

export const ID = 'punct.straightQuote';

const MESSAGES: Readonly<Record<string, LintMessage>> = {
  '"': { zh: '中文应使用弯引号“ ”，不用直引号"', en: 'use the curly quotes “ ” instead of the straight quote " in Chinese text' },
  "'": { zh: "中文应使用弯引号‘ ’，不用直引号'", en: "use the curly quotes ‘ ’ instead of the straight quote ' in Chinese text" },
};
const CURLY: Readonly<Record<string, [string, string]>> = { '"': ['“', '”'], "'": ['‘', '’'] };

export const straightQuote = unitRule(ID, (unit, ctx) => {
  const mask = addressMask(unit.text);
  for (const q of ['"', "'"]) {
    const marks: number[] = [];
    for (let i = 0; i < unit.text.length; i++) {
      if (unit.text[i] !== q || mask[i]) continue;
      // An apostrophe inside a Latin word (Xi'an, don't) is not a quote.
      if (q === "'" && isAsciiAlnum(unit.text[i - 1]) && isAsciiAlnum(unit.text[i + 1])) continue;
      marks.push(i);
    }
    if (marks.length > 0) check(unit, ctx, q, marks);
  }
});

function check(unit: Unit, ctx: LintContext, q: string, marks: number[]): void {
  const text = unit.text;
  const near = (i: number): boolean => nearChinese(text, i, i + 1);
  if (marks.length % 2 === 1) {
    // Cannot tell which quote opens and which closes: report, do not fix.
    for (const i of marks) if (near(i)) ctx.out.at(ID, unit, i, MESSAGES[q]!);
    return;
  }
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < marks.length; k += 2) pairs.push([marks[k]!, marks[k + 1]!]);
  const clean = pairs.every(([o, c]) => c > o + 1 && !/\s/.test(text[o + 1]!) && !/\s/.test(text[c - 1]!));
  const [left, right] = CURLY[q]!;
  for (const [o, c] of pairs) {
    const chinese = hasChinese(text.slice(o + 1, c)) || near(o) || near(c);
    if (!chinese) continue;
    ctx.out.at(ID, unit, o, MESSAGES[q]!, clean ? { start: o, end: o + 1, replacement: left } : undefined);
    ctx.out.at(ID, unit, c, MESSAGES[q]!, clean ? { start: c, end: c + 1, replacement: right } : undefined);
  }
}
