// punct.halfWidth: half-width punctuation in Chinese text, where the
// full-width mark is meant. Numbers (1,000 · 3.5 · 10:30), URLs, e-mail
// addresses and Latin-only text keep their ASCII marks.
import { cpBefore } from '../../text/unicode.js';
import { cpBeforeSkippingSpaces, isAsciiAlnum, isAsciiDigit, isChinese, nearChinese, OPENING_MARKS } from '../chars.js';
import { widenOverSpaces } from '../report.js';
import { addressMask, hasChinese, unitRule, type LintContext } from '../rule.js';
import type { LintMessage } from '../types.js';
import type { Unit } from '../units.js';

export const ID = 'punct.halfWidth';

const FULL: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
  '.': '。',
};

const MESSAGES: Readonly<Record<string, LintMessage>> = {
  ',': { zh: '中文语境中应使用全角逗号“，”', en: 'use the full-width comma “，” in Chinese text' },
  ';': { zh: '中文语境中应使用全角分号“；”', en: 'use the full-width semicolon “；” in Chinese text' },
  ':': { zh: '中文语境中应使用全角冒号“：”', en: 'use the full-width colon “：” in Chinese text' },
  '?': { zh: '中文语境中应使用全角问号“？”', en: 'use the full-width question mark “？” in Chinese text' },
  '!': { zh: '中文语境中应使用全角叹号“！”', en: 'use the full-width exclamation mark “！” in Chinese text' },
  '(': { zh: '中文语境中应使用全角括号“（）”', en: 'use the full-width parentheses “（）” in Chinese text' },
  ')': { zh: '中文语境中应使用全角括号“（）”', en: 'use the full-width parentheses “（）” in Chinese text' },
  '.': { zh: '中文句末应使用句号“。”', en: 'end a Chinese sentence with the full stop “。”' },
};

function flag(unit: Unit, ctx: LintContext, i: number, before: boolean, after: boolean): void {
  const ch = unit.text[i]!;
  const [s, e] = widenOverSpaces(unit, i, i + 1, before, after);
  ctx.out.at(ID, unit, i, MESSAGES[ch]!, { start: s, end: e, replacement: FULL[ch]! });
}

export const halfWidth = unitRule(ID, (unit, ctx) => {
  const text = unit.text;
  const mask = addressMask(text);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (mask[i]) continue;
    if (ch === ',' || ch === ';' || ch === ':') {
      // 1,000 · 10:30 · 3:2
      if (isAsciiDigit(text[i - 1]) && isAsciiDigit(text[i + 1])) continue;
      if (nearChinese(text, i, i + 1)) flag(unit, ctx, i, true, true);
    } else if (ch === '?' || ch === '!') {
      // A run such as `?!` ends a sentence when Chinese comes before it.
      let runStart = i;
      while (runStart > 0 && (text[runStart - 1] === '?' || text[runStart - 1] === '!')) runStart--;
      let runEnd = i + 1;
      while (runEnd < text.length && (text[runEnd] === '?' || text[runEnd] === '!')) runEnd++;
      if (isChinese(cpBeforeSkippingSpaces(text, runStart))) flag(unit, ctx, i, i === runStart, i === runEnd - 1);
    } else if (ch === '.') {
      if (text[i - 1] === '.' || text[i + 1] === '.') continue; // an ellipsis: punct.ellipsis
      const prev = cpBefore(text, i);
      // A full stop right after an opening mark is not a sentence end.
      if (!isChinese(prev) || OPENING_MARKS.has(String.fromCodePoint(prev!))) continue;
      if (isAsciiAlnum(text[i + 1])) continue; // a domain, a file name
      flag(unit, ctx, i, false, true);
    }
  }
  checkParentheses(unit, ctx, mask);
});

/** `(`…`)` pairs around Chinese text or next to it. */
function checkParentheses(unit: Unit, ctx: LintContext, mask: boolean[]): void {
  const text = unit.text;
  const open: number[] = [];
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    if (mask[i]) continue;
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')') {
      const o = open.pop();
      if (o !== undefined) pairs.push([o, i]);
    }
  }
  pairs.sort((a, b) => a[0] - b[0]);
  for (const [o, c] of pairs) {
    if (!hasChinese(text.slice(o + 1, c)) && !nearChinese(text, o, c + 1)) continue;
    flag(unit, ctx, o, true, false);
    flag(unit, ctx, c, false, true);
  }
}
