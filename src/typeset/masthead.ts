// The 报头 on the first page: organisation and bulletin name in red, 期号,
// editor and date, and the red rule under them (LAYOUT.md §3).
import type { IssueMeta, SourcePos } from '../model.js';
import { fill, formatDate } from '../template/format.js';
import type { TextStyle } from '../template/styles.js';
import type { TypesetContext } from './context.js';
import type { LayoutItem, PlacedLine } from './layout.js';
import { glyphsToRuns } from './runs.js';
import { setLines, type SetLine } from './setLines.js';

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

  /** Set `text` centred on one line; too wide, smaller (never wrapped), but not below `minSize`. */
  const place = (text: string, styleName: string, spaceBefore: number, minSize: number, pos: SourcePos | undefined): number => {
    let style = ctx.style(styleName);
    let set = oneLine(text, style, ctx);
    if (set.width > width) {
      const size = Math.floor(((style.size * width) / set.width) * 2) / 2;
      if (size < minSize && pos) ctx.diags.error('masthead.tooLong', pos, { text, size: minSize });
      style = { ...style, size: Math.max(size, Math.min(minSize, style.size)) };
      set = oneLine(text, style, ctx);
    }
    const top = cursor + spaceBefore;
    const baseline = ctx.baselineIn(top, style.size, style.size, style.face);
    items.push(...glyphsToRuns(set.glyphs, (width - set.width) / 2, baseline, ctx));
    lines.push({ role: 'masthead', slot: -1, slots: 0, text, justified: false });
    cursor = top + style.size;
    return style.size;
  };

  const sizes = {
    organization: place(meta.organization, m.organization.style, m.organization.spaceBefore, m.organization.minSize, meta.where.organization),
    title: place(meta.title, m.title.style, m.title.spaceBefore, m.title.minSize, meta.where.title),
    number: ctx.style(m.number.style).size,
    editor: ctx.style(m.editorLine.style).size,
  };
  const numberText = issueNumberText(meta, ctx);
  if (numberText !== undefined) sizes.number = place(numberText, m.number.style, m.number.spaceBefore, m.number.minSize, undefined);

  // Editor flush left, date flush right, on one line, at least a character
  // apart: a line too long for that is set smaller, never overlapped.
  let style = ctx.style(m.editorLine.style);
  const dateText = formatDate(m.editorLine.dateFormat, meta.date);
  let editor = oneLine(meta.editor, style, ctx);
  let date = oneLine(dateText, style, ctx);
  const needed = editor.width + style.size + date.width;
  if (needed > width) {
    const size = Math.floor(((style.size * width) / needed) * 2) / 2;
    if (size < m.editorLine.minSize) ctx.diags.error('masthead.tooLong', meta.where.editor, { text: meta.editor, size: m.editorLine.minSize });
    style = { ...style, size: Math.max(size, Math.min(m.editorLine.minSize, style.size)) };
    editor = oneLine(meta.editor, style, ctx);
    date = oneLine(dateText, style, ctx);
  }
  sizes.editor = style.size;
  const top = cursor + m.editorLine.spaceBefore;
  const baseline = ctx.baselineIn(top, style.size, style.size, style.face);
  items.push(...glyphsToRuns(editor.glyphs, 0, baseline, ctx));
  items.push(...glyphsToRuns(date.glyphs, width - date.width, baseline, ctx));
  lines.push({ role: 'masthead', slot: -1, slots: 0, text: `${meta.editor} ${dateText}`, justified: false });
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

function oneLine(text: string, style: TextStyle, ctx: TypesetContext): SetLine {
  return setLines([{ text, style }], { width: 1e9, align: 'left' }, ctx)[0] ?? { glyphs: [], x: 0, width: 0, text: '', justified: false };
}
