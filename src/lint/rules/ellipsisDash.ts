// punct.ellipsis and punct.dash: the two-character marks of Chinese text.
// 省略号 is “……” (two U+2026), 破折号 is “——” (two U+2014).
import { cpAt, cpBefore, isHan } from '../../text/unicode.js';
import { CLOSING_MARKS, isAsciiAlnum, nearChinese, OPENING_MARKS } from '../chars.js';
import { widenOverSpaces } from '../report.js';
import { addressMask, unitRule } from '../rule.js';
import type { LintMessage } from '../types.js';

export const ELLIPSIS = 'punct.ellipsis';
export const DASH = 'punct.dash';

const ELLIPSIS_MESSAGE: LintMessage = {
  zh: '省略号应写作“……”（两个“…”）',
  en: 'write the ellipsis as “……” (two U+2026)',
};
const DASH_MESSAGE: LintMessage = {
  zh: '破折号应写作“——”（两个“—”）',
  en: 'write the dash as “——” (two U+2014 em dashes)',
};

export const ellipsis = unitRule(ELLIPSIS, (unit, ctx) => {
  const text = unit.text;
  const mask = addressMask(text);
  // `...`, `。。。`, `···` standing for an ellipsis.
  for (const m of text.matchAll(/\.{3,}|。{3,}|·{3,}/g)) {
    const s = m.index;
    const e = s + m[0].length;
    if (mask[s] || !nearChinese(text, s, e)) continue;
    // Spaces typed around an ASCII ellipsis go with it: Chinese text has none around “……”.
    const [ws, we] = widenOverSpaces(unit, s, e, true, true);
    ctx.out.at(ELLIPSIS, unit, s, ELLIPSIS_MESSAGE, { start: ws, end: we, replacement: '……' });
  }
  // Runs of `…`: two (an ellipsis) or four (an omitted passage) are right;
  // one or three are not, nor are runs typed with `⋯` (U+22EF, normalised to
  // `…` in the model, so look at the source).
  for (const m of text.matchAll(/…+/g)) {
    const s = m.index;
    const n = m[0].length;
    const raw = ctx.out.rawRange(unit, s, s + n);
    const midline = raw?.text.includes('\u22ef') ?? false;
    if ((n === 2 || n === 4) && !midline) continue;
    const replacement = n <= 3 ? '……' : n === 4 ? '…………' : undefined;
    ctx.out.at(ELLIPSIS, unit, s, ELLIPSIS_MESSAGE, replacement ? { start: s, end: s + n, replacement } : undefined);
  }
});

export const dash = unitRule(DASH, (unit, ctx) => {
  const text = unit.text;
  const mask = addressMask(text);
  // A single `—` between Chinese characters.
  for (const m of text.matchAll(/(?<!—)—(?!—)/g)) {
    const i = m.index;
    const prev = cpBefore(text, i);
    const next = cpAt(text, i + 1);
    const prevOk = isHan(prev) || (prev !== undefined && CLOSING_MARKS.has(String.fromCodePoint(prev)));
    const nextOk = isHan(next) || (next !== undefined && OPENING_MARKS.has(String.fromCodePoint(next)));
    if (prevOk && nextOk) ctx.out.at(DASH, unit, i, DASH_MESSAGE, { start: i, end: i + 1, replacement: '——' });
  }
  // `--` (or full-width `－－`) next to Chinese text, not inside a Latin word, number or address.
  for (const m of text.matchAll(/-{2,}|－{2,}/g)) {
    const s = m.index;
    const e = s + m[0].length;
    if (mask[s]) continue;
    if (isAsciiAlnum(text[s - 1]) || isAsciiAlnum(text[e])) continue;
    if (!nearChinese(text, s, e)) continue;
    const [ws, we] = widenOverSpaces(unit, s, e, true, true);
    ctx.out.at(DASH, unit, s, DASH_MESSAGE, { start: ws, end: we, replacement: '——' });
  }
});
