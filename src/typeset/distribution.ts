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
  const color = ctx.color('black');
  const items: LayoutItem[] = [];
  const lines: PlacedLine[] = [];
  const labelWidths: number[] = [];
  let y = 0;

  const rule = (thickness: number): void => {
    items.push({ kind: 'rule', x1: 0, y1: y, x2: width, y2: y, thickness, color });
  };
  /** Set lines in a row under the current rule; x is each line's left edge. */
  const row = (rowLines: Array<{ line: SetLine; x: number }>): void => {
    y += d.padding;
    rowLines.forEach(({ line, x }, i) => {
      const baseline = ctx.baselineIn(y + i * d.linePitch, d.linePitch, style.size, style.face);
      items.push(...glyphsToRuns(line.glyphs, x + line.x, baseline, ctx));
      lines.push({ role: 'distribution', slot: -1, slots: 0, text: line.text, justified: line.justified });
    });
    y += rowLines.length * d.linePitch + d.padding;
  };

  rule(d.thickRule);
  meta.distribution.forEach((entry, i) => {
    if (i > 0) rule(d.thinRule);
    const label = { text: `${entry.label}${d.separator}`, style, pos: entry.pos };
    // Later lines align under the first character after the label.
    const hang = textWidth([label], ctx);
    labelWidths.push(hang);
    const measure = (first: boolean) => ({ width: width - 2 * inset, firstIndent: first ? 0 : hang, restIndent: hang, align: 'justify' as const });
    const piece = (text: string) => ({ text, style, pos: entry.pos });
    const body: SetLine[] =
      entry.kind === 'list'
        ? entry.recipients.flatMap((r, k) => setLines(k === 0 ? [label, piece(r)] : [piece(r)], measure(k === 0), ctx))
        : setLines([label, piece(entry.text)], measure(true), ctx);
    row(body.map((line) => ({ line, x: inset })));
  });
  if (meta.copies !== undefined) {
    if (meta.distribution.length > 0) rule(d.thinRule);
    const text = fill(d.copiesFormat, { copies: meta.copies });
    const line = setLines([{ text, style }], { width: width - 2 * inset, align: 'right' }, ctx)[0]!;
    row([{ line, x: inset }]);
  }
  rule(d.thickRule);
  return { items, height: y, lines, labelWidths };
}
