// space.betweenHan and space.trailing.
//
// space.betweenHan: spaces typed between two Chinese characters (Han or
// full-width punctuation). Chinese text is set without spaces, so an ASCII
// space there is stray and is removed by the fix. An ideographic space
// (U+3000) is a finding too, without a fix, except in one deliberate use:
// a single U+3000 separating the two phrases of a name or slogan inside
// quotation marks or book-title marks (“半马苏河　工运记忆”, “为爱接力　向‘新’而行”)
// or in an article title (持续推进“圆梦行动”　助残就业创业). That is the
// convention of official Chinese writing for such names; it prints one em
// wide on purpose, and removing it would run the two phrases together.
// An ASCII space in those places is reported without a fix: the writer
// wants either that ideographic space or none, and only they can tell.
// The same holds on a signature line (落款 written in the text: a short line
// without sentence punctuation, in a paragraph of lines ended by hard breaks
// or in a paragraph followed by one that is a date alone), where a space parts a unit from a name
// (党委宣传部 张明): the fix would run them together.
//
// space.trailing: spaces and tabs at the end of a source line. Two or more
// spaces before a line break inside a paragraph are a Markdown hard break,
// invisible in the source: those are reported with a suggestion to end the
// line with a backslash instead, and not fixed (removing them would change
// the output).
import { cpAt, cpBefore } from '../../text/unicode.js';
import { isChinese } from '../chars.js';
import { quoteDepths, unitRule, type Rule } from '../rule.js';
import type { LintMessage } from '../types.js';
import type { Unit } from '../units.js';

export const BETWEEN_HAN = 'space.betweenHan';
export const TRAILING = 'space.trailing';

const ASCII_SPACE_MESSAGE: LintMessage = {
  zh: '汉字之间不应有空格，请删除',
  en: 'remove the space between Chinese characters',
};
const IDEOGRAPHIC_SPACE_MESSAGE: LintMessage = {
  zh: '汉字之间有全角空格（U+3000），请删除',
  en: 'remove the ideographic space (U+3000) between Chinese characters',
};
const NAME_SPACE_MESSAGE: LintMessage = {
  zh: '引号内或标题中的词组之间用一个全角空格“　”分隔，或不空格',
  en: 'inside quotation marks or a title, separate two phrases with one ideographic space “　” (U+3000) or none',
};

const SIGNATURE_SPACE_MESSAGE: LintMessage = {
  zh: '落款中单位与姓名之间的空格：请改用一个全角空格“　”，或删除',
  en: 'on a signature line, a space parts a unit from a name: use one ideographic space “　” (U+3000) there, or none',
};

/** Signature lines are short and have no sentence punctuation. */
const SIGNATURE_LINE_MAX = 24;
const SENTENCE_MARKS = /[，。；：！？、,;:!?]/u;

/** Whether `index` lies on a line of `unit` that reads as a signature line (see above). */
function onSignatureLine(unit: Unit, index: number): boolean {
  if (unit.kind !== 'body' || unit.inTable || !(unit.beforeDate || unit.text.includes('\n'))) return false;
  const start = unit.text.lastIndexOf('\n', index - 1) + 1;
  const end = unit.text.indexOf('\n', index);
  const line = unit.text.slice(start, end < 0 ? undefined : end);
  return [...line].length <= SIGNATURE_LINE_MAX && !SENTENCE_MARKS.test(line);
}

export const betweenHan = unitRule(BETWEEN_HAN, (unit, ctx) => {
  const text = unit.text;
  let depths: number[] | undefined;
  for (const m of text.matchAll(/[ \t\u3000]+/g)) {
    const s = m.index;
    const e = s + m[0].length;
    if (!isChinese(cpBefore(text, s)) || !isChinese(cpAt(text, e))) continue;
    depths ??= quoteDepths(text);
    const inName = unit.kind === 'title' || (depths[s] ?? 0) > 0;
    const signature = !inName && onSignatureLine(unit, s);
    const ascii = !m[0].includes('\u3000');
    if (inName || signature) {
      if (m[0] === '\u3000') continue;
      ctx.out.at(BETWEEN_HAN, unit, s, signature ? SIGNATURE_SPACE_MESSAGE : NAME_SPACE_MESSAGE);
    } else if (ascii) {
      ctx.out.at(BETWEEN_HAN, unit, s, ASCII_SPACE_MESSAGE, { start: s, end: e, replacement: '' });
    } else {
      ctx.out.at(BETWEEN_HAN, unit, s, IDEOGRAPHIC_SPACE_MESSAGE);
    }
  }
});

const TRAILING_MESSAGE: LintMessage = {
  zh: '行尾有多余的空白，请删除',
  en: 'remove the whitespace at the end of the line',
};
const HARD_BREAK_MESSAGE: LintMessage = {
  zh: '行尾两个以上空格构成 Markdown 硬换行，不易察觉；请删去这些空格，改在行尾写反斜杠“\\”',
  en: 'two or more spaces at the end of the line make a Markdown hard break that is easy to miss; end the line with a backslash “\\” instead',
};

export const trailing: Rule = {
  id: TRAILING,
  check(ctx) {
    // Each file once: reading refuses an article listed twice.
    for (const article of ctx.issue.articles) {
      const lines = ctx.src.lines(article.file);
      if (!lines) continue;
      const breaks = ctx.hardBreakLines.get(article.file);
      lines.forEach((line, i) => {
        const m = /[ \t]+$/.exec(line);
        if (!m) return;
        const lineNo = i + 1;
        const col = m.index + 1;
        if (breaks?.has(lineNo) && / {2,}/.test(m[0])) {
          ctx.out.atPos(TRAILING, article.file, lineNo, col, HARD_BREAK_MESSAGE);
        } else {
          ctx.out.atPos(TRAILING, article.file, lineNo, col, TRAILING_MESSAGE, { line: lineNo, col, find: m[0], replacement: '' });
        }
      });
    }
  },
};
