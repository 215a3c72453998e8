// char.fullWidthAlnum: full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ);
// Chinese text uses the half-width forms.
import type { SourceLines, Unit } from '../units.js';
import { unitRule } from '../rule.js';

export const ID = 'char.fullWidthAlnum';

export const fullWidthAlnum = unitRule(ID, (unit, ctx) => {
  for (const m of unit.text.matchAll(/[０-９Ａ-Ｚａ-ｚ]+/g)) {
    const half = m[0].replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    const s = m.index;
    const e = s + m[0].length;
    const message = {
      zh: `全角字母或数字应改为半角：“${m[0]}”→“${half}”`,
      en: `use half-width letters and digits: “${m[0]}” → “${half}”`,
    };
    const safe = !makesListMarker(unit, ctx.src, s, e);
    ctx.out.at(ID, unit, s, message, safe ? { start: s, end: e, replacement: half } : undefined);
  }
});

/**
 * Whether half-width digits here would make a Markdown list item of the
 * source line (`１. 文字` at the start of a line becoming `1. 文字`): no fix then.
 */
function makesListMarker(unit: Unit, src: SourceLines, s: number, e: number): boolean {
  if (unit.kind !== 'body' || !/^[.)](?:[ \t]|$)/.test(unit.text.slice(e, e + 2))) return false;
  const loc = unit.locs[s];
  if (!loc) return true;
  const raw = src.line(unit.file, loc.line) ?? '';
  return /^[ \t>]*$/.test(raw.slice(0, loc.start));
}
