// The 报尾: 报/送 entries between rules, and 共印 N 份, set at the foot of the
// last page (docs/format.md §6).
import type { IssueMeta } from '../model.js';
import { fill } from '../template/format.js';
import type { TypesetContext } from './context.js';
import type { LayoutItem, PageLine, SetDistribution, SetDistributionEntry } from './layout.js';
import { glyphsToRuns } from './runs.js';
import { setLines, textWidth, type SetLine } from './setLines.js';

/** Where the 报尾 goes is decided when the pages are composed. */
export type DistributionSetting = Omit<SetDistribution, 'page' | 'top' | 'contentBottom' | 'newPage'>;

export interface DistributionBlock {
  node: DistributionSetting;
  /** Items relative to the block's top-left corner (x from the text block's left edge). */
  items: LayoutItem[];
  lines: PageLine[];
}

export function typesetDistribution(meta: IssueMeta, ctx: TypesetContext): DistributionBlock | undefined {
  const rules = ctx.template.distribution;
  if (meta.distribution.length === 0 && meta.copies === undefined) return undefined;
  const id = ctx.newId();
  const style = ctx.roleStyle('distribution');
  const width = ctx.geometry.width;
  const inset = rules.indent * style.size;
  const ruleColor = ctx.color(rules.ruleColor);
  const items: LayoutItem[] = [];
  const lines: PageLine[] = [];
  let y = 0;

  const rule = (thickness: number): void => {
    items.push({ kind: 'rule', x1: 0, y1: y, x2: width, y2: y, thickness, color: ruleColor, owner: { artifact: 'layout' } });
  };
  /** Set lines in a row under the current rule, `inset` in; a label goes before the first. The lines' texts. */
  const row = (node: number, rowLines: SetLine[], label?: SetLine): string[] => {
    y += rules.padding;
    const texts = rowLines.map((line, i) => {
      const baseline = ctx.baselineIn(y + i * rules.linePitch, rules.linePitch, style.size, style.face);
      if (i === 0 && label) items.push(...glyphsToRuns(label.glyphs, inset, baseline, ctx, { node }));
      items.push(...glyphsToRuns(line.glyphs, inset + line.x, baseline, ctx, { node }));
      const text = i === 0 && label ? `${label.text}${line.text}` : line.text;
      lines.push({ text });
      return text;
    });
    y += rowLines.length * rules.linePitch + rules.padding;
    return texts;
  };

  rule(rules.thickRule);
  const entries = meta.distribution.map((entry, i): SetDistributionEntry => {
    if (i > 0) rule(rules.thinRule);
    const entryId = ctx.newId();
    const labelText = `${entry.label}${rules.separator}`;
    const labelPiece = { text: labelText, style, pos: entry.pos };
    const label = setLines([labelPiece], { width: 1e9, align: 'left' }, ctx)[0]!;
    // The label stands alone at the start; every line of text starts after its full width.
    const labelWidth = textWidth([labelPiece], ctx);
    const measure = { width: width - 2 * inset, firstIndent: labelWidth, restIndent: labelWidth, align: 'justify' as const };
    const set = (text: string) => setLines([{ text, style, pos: entry.pos }], measure, ctx);
    const paragraphs = entry.kind === 'list' ? entry.recipients : [entry.text];
    const body = paragraphs.flatMap(set);
    const texts = row(entryId, body.length > 0 ? body : [{ glyphs: [], x: labelWidth, width: 0, text: '', justified: false }], label);
    return { id: entryId, label: labelText, labelWidth, paragraphs, lines: texts, pos: entry.pos };
  });
  let copies: SetDistribution['copies'];
  if (meta.copies !== undefined) {
    if (meta.distribution.length > 0) rule(rules.thinRule);
    copies = { id: ctx.newId(), text: fill(rules.copiesFormat, { copies: meta.copies }), align: 'right' };
    row(copies.id, setLines([{ text: copies.text, style }], { width: width - 2 * inset, align: copies.align }, ctx));
  }
  rule(rules.thickRule);
  return {
    node: {
      kind: 'distribution',
      id,
      entries,
      ...(copies ? { copies } : {}),
      inset,
      linePitch: rules.linePitch,
      padding: rules.padding,
      thickRule: rules.thickRule,
      thinRule: rules.thinRule,
      ruleColor,
      height: y,
    },
    items,
    lines,
  };
}
