// punct.unpaired: quotation marks and brackets that do not pair up within a
// paragraph (or a title line), closers that cross an inner opener, and
// double quotes set directly inside double quotes (use ‘’ inside “”).
import { BRACKET_PAIRS } from '../chars.js';
import { isApostrophe, unitRule } from '../rule.js';
import type { LintMessage } from '../types.js';

export const ID = 'punct.unpaired';

const CLOSER_OF = BRACKET_PAIRS;
const OPENER_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(CLOSER_OF).map(([o, c]) => [c, o]));

interface Open {
  ch: string;
  index: number;
  closed: boolean;
}

const unclosedMessage = (o: string): LintMessage => ({
  zh: `「${o}」没有配对的「${CLOSER_OF[o]}」，请补上或删去`,
  en: `"${o}" has no matching "${CLOSER_OF[o]}"; add it or remove the "${o}"`,
});
const unopenedMessage = (c: string): LintMessage => ({
  zh: `「${c}」前面没有配对的「${OPENER_OF[c]}」，请补上或删去`,
  en: `"${c}" has no matching "${OPENER_OF[c]}" before it; add it or remove the "${c}"`,
});
const crossedMessage = (c: string, inner: string): LintMessage => ({
  zh: `标点交叉嵌套：「${inner}」尚未关闭就出现了「${c}」，应先写「${CLOSER_OF[inner]}」`,
  en: `wrongly nested: "${c}" comes while "${inner}" is still open; close it with "${CLOSER_OF[inner]}" first`,
});
const nestedMessage = (outer: string): LintMessage =>
  outer === '“'
    ? { zh: '双引号内再用引号应改用单引号‘’', en: 'quotes inside double quotes should be single quotes ‘ ’' }
    : { zh: '单引号内再用引号应改用双引号“”', en: 'quotes inside single quotes should be double quotes “ ”' };

export const unpaired = unitRule(ID, (unit, ctx) => {
  const text = unit.text;
  const stack: Open[] = [];
  /** Openers taken off the stack by a crossing closer; their own closer later is not reported again. */
  const crossed: Open[] = [];
  const nested: Array<{ inner: Open; outer: Open }> = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (CLOSER_OF[ch] !== undefined) {
      const entry: Open = { ch, index: i, closed: false };
      const top = stack.at(-1);
      if (top && (ch === '“' || ch === '‘') && top.ch === ch) nested.push({ inner: entry, outer: top });
      stack.push(entry);
      continue;
    }
    const want = OPENER_OF[ch];
    if (want === undefined || isApostrophe(text, i)) continue;
    const top = stack.at(-1);
    if (top?.ch === want) {
      top.closed = true;
      stack.pop();
      continue;
    }
    let k = stack.length - 1;
    while (k >= 0 && stack[k]!.ch !== want) k--;
    if (k >= 0) {
      const inner = stack.slice(k + 1);
      ctx.out.at(ID, unit, i, crossedMessage(ch, inner.at(-1)!.ch));
      crossed.push(...inner);
      stack[k]!.closed = true;
      stack.length = k;
      continue;
    }
    const c = crossed.findLastIndex((o) => o.ch === want);
    if (c >= 0) {
      crossed.splice(c, 1);
      continue;
    }
    ctx.out.at(ID, unit, i, unopenedMessage(ch));
  }
  for (const open of stack) ctx.out.at(ID, unit, open.index, unclosedMessage(open.ch));
  for (const { inner, outer } of nested) {
    if (inner.closed && outer.closed) ctx.out.at(ID, unit, inner.index, nestedMessage(outer.ch));
  }
});
