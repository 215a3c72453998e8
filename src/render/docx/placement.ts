// Where a paragraph sits across the page: the measure the typesetter set it
// in, as indents from the text block's edges, and inside a 编者按 the box's
// rules at the edges of the measure the quote sits in, as the PDF draws
// them, with the line height that pays for its top and bottom rules.
import type { Measure, SetBox } from '../../typeset/layout.js';
import { borderSpace, boxedLineHeight, eighthPoints, twips } from './geometry.js';
import type { WriteContext } from './paragraphs.js';
import type { Border, Indent, ParagraphProperties } from './properties.js';
import { hexColor } from './runs.js';

/** Twips in from the text block's left and right edges to a measure's. */
export function measureIndents(measure: Measure, ctx: WriteContext): { left: number; right: number } {
  return { left: twips(measure.x), right: ctx.page.textWidth - twips(measure.x + measure.width) };
}

/**
 * A paragraph's indents and box. `indent` is from the measure's left edge
 * (left, hanging, firstLine); left and right indents the measure adds are
 * written only when there are any. Word and LibreOffice draw a paragraph's
 * side rules `space` points outside its text (a list item's first line
 * hangs out past its later ones, and the box is set out by that much more).
 */
export function placement(
  measure: Measure,
  box: SetBox | undefined,
  shortestPiece: number,
  indent: Indent,
  ctx: WriteContext,
): Pick<ParagraphProperties, 'indent' | 'borders' | 'spacing'> {
  const frame = measureIndents(measure, ctx);
  const left = frame.left + (indent.left ?? 0);
  const ind: Indent = { ...indent, ...(left !== 0 || indent.left !== undefined ? { left } : {}), ...(frame.right !== 0 ? { right: frame.right } : {}) };
  const out = Object.keys(ind).length > 0 ? { indent: ind } : {};
  if (!box) return out;
  const rule: Border = { style: 'single', size: eighthPoints(box.thickness), color: hexColor(box.color) };
  const edges = measureIndents(box.measure, ctx);
  return {
    ...out,
    borders: {
      top: { ...rule, space: 0 },
      left: { ...rule, space: borderSpace(left - (indent.hanging ?? 0) - edges.left) },
      bottom: { ...rule, space: 0 },
      right: { ...rule, space: borderSpace(frame.right - edges.right) },
    },
    spacing: { line: boxedLineHeight(ctx.page.pitch, rule.size, shortestPiece), lineRule: 'exact' },
  };
}
