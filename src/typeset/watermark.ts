// 草稿 across the page, light grey, rotated about the page's centre; drawn
// first on every page of a draft, under the text (docs/format.md §4).
import type { TypesetContext } from './context.js';
import type { LayoutItem, SetWatermark } from './layout.js';
import { glyphsToRuns } from './runs.js';
import { oneLine } from './setLines.js';

export interface Watermark {
  node: SetWatermark;
  /** The runs of one page (every page has the same). */
  items: LayoutItem[];
}

export function typesetWatermark(ctx: TypesetContext): Watermark {
  const rules = ctx.template.draft;
  const style = ctx.roleStyle('watermark');
  const line = oneLine(rules.text, style, ctx);
  const geometry = ctx.geometry;
  const cx = geometry.pageWidth / 2;
  const cy = geometry.pageHeight / 2;
  // The em box centred on the page centre, with the face's own ascent.
  const baseline = ctx.baselineIn(cy - style.size / 2, style.size, style.size, style.face);
  const items = glyphsToRuns(line.glyphs, cx - line.width / 2, baseline, ctx, { artifact: 'watermark' }).map((run) => ({
    ...run,
    rotation: { angle: rules.angle, cx, cy },
  }));
  return { node: { text: rules.text, style, angle: rules.angle, width: line.width }, items };
}
