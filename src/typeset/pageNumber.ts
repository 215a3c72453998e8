// Page numbers: — N —, odd pages flush right and even pages flush left, one
// character in, below the text block (docs/format.md §5).
import { fill } from '../template/format.js';
import type { TypesetContext } from './context.js';
import type { SetPageNumber, TextRun } from './layout.js';
import { glyphsToRuns } from './runs.js';
import { oneLine } from './setLines.js';

export function typesetPageNumber(pageNumber: number, ctx: TypesetContext): { runs: TextRun[]; text: string } {
  const rules = ctx.template.pageNumber;
  const geometry = ctx.geometry;
  const style = ctx.style(rules.style);
  const text = fill(rules.format, { n: pageNumber });
  const line = oneLine(text, style, ctx);
  const left = ctx.textBlockX(pageNumber);
  const inset = rules.indent * style.size;
  const x = ctx.isOddPage(pageNumber) ? left + geometry.width - inset - line.width : left + inset;
  const top = geometry.top + geometry.height + rules.offset;
  const baseline = ctx.baselineIn(top, style.size, style.size, style.face);
  return { runs: glyphsToRuns(line.glyphs, x, baseline, ctx, { artifact: 'pagination' }), text };
}

/** The page number as the set tree records it: the text around the number, its style, its inset. */
export function pageNumberSetting(ctx: TypesetContext): SetPageNumber {
  const rules = ctx.template.pageNumber;
  const style = ctx.roleStyle('pageNumber');
  const [before = '', after = ''] = rules.format.split('{n}');
  return { before, after, style, inset: rules.indent * style.size };
}
