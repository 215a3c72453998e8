// The 报尾: 报/送 entries between rules, and 共印 N 份, set at the foot of the
// last page (LAYOUT.md §6).
import type { IssueMeta } from '../model.js';
import { fill } from '../template/format.js';
import type { TypesetContext } from './context.js';
import type { LayoutItem, PlacedLine } from './layout.js';
import { glyphsToRuns } from './runs.js';
import { setLines, textWidth, type SetLine } from './setLines.js';

export interface DistributionBlock {
  /** Items relative to the block's top-left corner (x from the text block's left edge). */
  items: LayoutItem[];
  height: number;
  lines: PlacedLine[];
  /** Width of each entry's label (报：), under which its later lines hang. */
  labelWidths: number[];
}

export function typesetDistribution(meta: IssueMeta, ctx: TypesetContext): DistributionBlock | undefined {
  const d = ctx.template.distribution;
  if (meta.distribution.length === 0 && meta.copies === undefined) return undefined;
  const style = ctx.style(d.style);
  const width = ctx.geometry.width;
  const inset = d.indent * style.size;
  const color = ctx.color(d.ruleColor);
  const items: LayoutItem[] = [];
  const lines: PlacedLine[] = [];
  const labelWidths: number[] = [];
  let y = 0;

  const rule = (thickness: number): void => {
    items.push({ kind: 'rule', x1: 0, y1: y, x2: width, y2: y, thickness, color });
  };
  /** Set lines in a row under the current rule, `inset` in; a label goes before the first. */
  const row = (rowLines: SetLine[], label?: SetLine): void => {
    y += d.padding;
    rowLines.forEach((line, i) => {
      const baseline = ctx.baselineIn(y + i * d.linePitch, d.linePitch, style.size, style.face);
      if (i === 0 && label) items.push(...glyphsToRuns(label.glyphs, inset, baseline, ctx));
      items.push(...glyphsToRuns(line.glyphs, inset + line.x, baseline, ctx));
      lines.push({ text: i === 0 && label ? `${label.text}${line.text}` : line.text });
    });
    y += rowLines.length * d.linePitch + d.padding;
  };

  rule(d.thickRule);
  meta.distribution.forEach((entry, i) => {
    if (i > 0) rule(d.thinRule);
    const labelPiece = { text: `${entry.label}${d.separator}`, style, pos: entry.pos };
    const label = setLines([labelPiece], { width: 1e9, align: 'left' }, ctx)[0]!;
    // The label stands alone at the start; every line of text starts after its full width.
    const hang = textWidth([labelPiece], ctx);
    labelWidths.push(hang);
    const measure = { width: width - 2 * inset, firstIndent: hang, restIndent: hang, align: 'justify' as const };
    const set = (text: string) => setLines([{ text, style, pos: entry.pos }], measure, ctx);
    const body = entry.kind === 'list' ? entry.recipients.flatMap(set) : set(entry.text);
    row(body.length > 0 ? body : [{ glyphs: [], x: hang, width: 0, text: '', justified: false }], label);
  });
  if (meta.copies !== undefined) {
    if (meta.distribution.length > 0) rule(d.thinRule);
    const text = fill(d.copiesFormat, { copies: meta.copies });
    row(setLines([{ text, style }], { width: width - 2 * inset, align: 'right' }, ctx));
  }
  rule(d.thickRule);
  return { items, height: y, lines, labelWidths };
}
