// The 报头 on the first page: organisation and bulletin name in red, 期号,
// editor and date, and the red rule under them (LAYOUT.md §3).
import type { IssueMeta, SourcePos } from '../model.js';
import { fill, formatDate } from '../template/format.js';
import type { Template } from '../template/loadTemplate.js';
import type { TextStyle } from '../template/styles.js';
import type { TypesetContext } from './context.js';
import type { LayoutItem, PlacedLine } from './layout.js';
import { glyphsToRuns } from './runs.js';
import { fitSize, oneLine } from './setLines.js';

type MastheadLine = Template['masthead']['organization'];

export interface Masthead {
  /** Items relative to the text block's top-left corner. */
  items: LayoutItem[];
  /** The rule's y, from the text block's top. */
  ruleY: number;
  lines: PlacedLine[];
  /** Sizes after shrinking to fit, by line. */
  sizes: { organization: number; title: number; number: number; editor: number };
}

export function typesetMasthead(meta: IssueMeta, ctx: TypesetContext): Masthead {
  const m = ctx.template.masthead;
  const width = ctx.geometry.width;
  const items: LayoutItem[] = [];
  const lines: PlacedLine[] = [];
  let cursor = 0;

  /**
   * The line's style at the size at which `naturalWidth` (at the style's
   * size) fits `available`: too wide, smaller (never wrapped), but not below
   * the line's minSize; below that, an error at `pos`.
   */
  const fitted = (line: MastheadLine, text: string, naturalWidth: number, available: number, pos: SourcePos | undefined): TextStyle => {
    const style = ctx.style(line.style);
    const fit = fitSize(naturalWidth, available, style.size, line.minSize, m.sizeStep);
    if (!fit.fits) ctx.diags.error('masthead.tooLong', pos, { text, size: line.minSize });
    return fit.size === style.size ? style : { ...style, size: fit.size };
  };

  /** Set `text` centred on one line, as small as it takes to fit. */
  const place = (text: string, line: MastheadLine, pos: SourcePos | undefined): number => {
    const style = fitted(line, text, oneLine(text, ctx.style(line.style), ctx, pos).width, width, pos);
    const set = oneLine(text, style, ctx, pos);
    const top = cursor + line.spaceBefore;
    const baseline = ctx.baselineIn(top, style.size, style.size, style.face);
    items.push(...glyphsToRuns(set.glyphs, (width - set.width) / 2, baseline, ctx));
    lines.push({ text });
    cursor = top + style.size;
    return style.size;
  };

  const sizes = {
    organization: place(meta.organization, m.organization, meta.where.organization),
    title: place(meta.title, m.title, meta.where.title),
    number: ctx.style(m.number.style).size,
    editor: ctx.style(m.editorLine.style).size,
  };
  const numberText = issueNumberText(meta, ctx);
  if (numberText !== undefined) sizes.number = place(numberText, m.number, meta.where.number);

  // Editor flush left, date flush right, on one line, at least minGap apart:
  // a line too long for that is set smaller, never overlapped.
  const e = m.editorLine;
  const dateText = formatDate(e.dateFormat, meta.date);
  const natural = ctx.style(e.style);
  const needed = oneLine(meta.editor, natural, ctx, meta.where.editor).width + e.minGap * natural.size + oneLine(dateText, natural, ctx).width;
  const style = fitted(e, meta.editor, needed, width, meta.where.editor);
  const editor = oneLine(meta.editor, style, ctx, meta.where.editor);
  const date = oneLine(dateText, style, ctx);
  sizes.editor = style.size;
  const top = cursor + e.spaceBefore;
  const baseline = ctx.baselineIn(top, style.size, style.size, style.face);
  items.push(...glyphsToRuns(editor.glyphs, 0, baseline, ctx));
  items.push(...glyphsToRuns(date.glyphs, width - date.width, baseline, ctx));
  lines.push({ text: `${meta.editor} ${dateText}` });
  cursor = top + style.size;

  const ruleY = cursor + m.rule.spaceBefore;
  items.push({ kind: 'rule', x1: 0, y1: ruleY, x2: width, y2: ruleY, thickness: m.rule.thickness, color: ctx.color(m.rule.color) });
  return { items, ruleY, lines, sizes };
}

/** 第 N 期（总第 M 期）, or the string given, or undefined without a number. */
export function issueNumberText(meta: IssueMeta, ctx: TypesetContext): string | undefined {
  const m = ctx.template.masthead;
  if (meta.number === undefined) return undefined;
  let text = typeof meta.number === 'number' ? fill(m.number.format, { number: meta.number }) : meta.number;
  if (meta.totalNumber !== undefined) text += fill(m.number.totalFormat, { totalNumber: meta.totalNumber });
  return text;
}
