// The 报头 on the first page: the marks at its top corners (内部资料 /
// 注意保存, a 密级, the copy number), organisation and bulletin name in red,
// 期号, editor and date, and the red rule under them (docs/format.md §3).
import type { IssueMeta, SourcePos } from '../model.js';
import { fill, formatDate } from '../template/format.js';
import type { Template } from '../template/loadTemplate.js';
import type { StyleRole } from '../template/styleRoles.js';
import type { TextStyle } from '../template/styles.js';
import type { TypesetContext } from './context.js';
import type { LayoutItem, PageLine, SetMasthead, SetMastheadLine, SetMastheadMark } from './layout.js';
import { glyphsToRuns } from './runs.js';
import { fitSize, oneLine } from './setLines.js';

type MastheadLineRules = Template['masthead']['organization'];

export interface Masthead {
  node: Omit<SetMasthead, 'firstGridLine'>;
  /** Items relative to the text block's top-left corner. */
  items: LayoutItem[];
  lines: PageLine[];
}

export function typesetMasthead(meta: IssueMeta, ctx: TypesetContext): Masthead {
  const rules = ctx.template.masthead;
  const width = ctx.geometry.width;
  const id = ctx.newId();
  const items: LayoutItem[] = [];
  const lines: PageLine[] = [];
  let cursor = 0;

  const marks = typesetMarks(meta, ctx, items, lines);
  if (marks.length > 0) cursor = Math.max(...marks.map((m) => m.top + m.height)) + rules.marks.spaceAfter;

  /**
   * The line's style at the size at which `naturalWidth` (at the style's
   * size) fits `available`: too wide, smaller (never wrapped), but not below
   * the line's minSize; below that, an error at `pos`.
   */
  const fitted = (line: MastheadLineRules, text: string, naturalWidth: number, available: number, pos: SourcePos | undefined): TextStyle => {
    const style = ctx.style(line.style);
    const fit = fitSize(naturalWidth, available, style.size, line.minSize, rules.sizeStep);
    if (!fit.fits) ctx.diags.error('masthead.tooLong', pos, { text, size: line.minSize });
    return fit.size === style.size ? style : { ...style, size: fit.size };
  };

  /** The line's box: from the cursor, its space above and its em box. */
  const box = (role: StyleRole, text: string, line: MastheadLineRules, size: number, pos: SourcePos | undefined): SetMastheadLine => {
    const node = { id: ctx.newId(), role, text, size, top: cursor, height: line.spaceBefore + size, pos };
    cursor += node.height;
    return node;
  };

  /** Set `text` centred on one line, as small as it takes to fit. */
  const centred = (role: StyleRole, text: string, line: MastheadLineRules, pos: SourcePos | undefined): SetMastheadLine => {
    const style = fitted(line, text, oneLine(text, ctx.style(line.style), ctx, pos).width, width, pos);
    const set = oneLine(text, style, ctx, pos);
    const node = box(role, text, line, style.size, pos);
    const baseline = ctx.baselineIn(node.top + line.spaceBefore, style.size, style.size, style.face);
    items.push(...glyphsToRuns(set.glyphs, (width - set.width) / 2, baseline, ctx, { node: node.id }));
    lines.push({ text });
    return node;
  };

  const organization = centred('mastheadOrganization', meta.organization, rules.organization, meta.where.organization);
  const title = centred('mastheadTitle', meta.title, rules.title, meta.where.title);
  const numberText = issueNumberText(meta, ctx.template);
  const number = numberText !== undefined ? centred('mastheadNumber', numberText, rules.number, meta.where.number) : undefined;

  // Editor flush left, date flush right, on one line, at least minGap apart:
  // a line too long for that is set smaller, never overlapped.
  const e = rules.editorLine;
  const dateText = formatDate(e.dateFormat, meta.date);
  const natural = ctx.style(e.style);
  const needed = oneLine(meta.editor, natural, ctx, meta.where.editor).width + e.minGap * natural.size + oneLine(dateText, natural, ctx).width;
  const style = fitted(e, meta.editor, needed, width, meta.where.editor);
  const editor = oneLine(meta.editor, style, ctx, meta.where.editor);
  const date = oneLine(dateText, style, ctx);
  const editorLine = { ...box('mastheadEditor', meta.editor, e, style.size, meta.where.editor), dateText };
  const baseline = ctx.baselineIn(editorLine.top + e.spaceBefore, style.size, style.size, style.face);
  items.push(...glyphsToRuns(editor.glyphs, 0, baseline, ctx, { node: editorLine.id }));
  items.push(...glyphsToRuns(date.glyphs, width - date.width, baseline, ctx, { node: editorLine.id }));
  lines.push({ text: `${meta.editor} ${dateText}` });

  const rule = { y: cursor + rules.rule.spaceBefore, thickness: rules.rule.thickness, color: ctx.color(rules.rule.color) };
  items.push({ kind: 'rule', x1: 0, y1: rule.y, x2: width, y2: rule.y, thickness: rule.thickness, color: rule.color, owner: { artifact: 'layout' } });
  return { node: { kind: 'masthead', id, marks, organization, title, ...(number ? { number } : {}), editorLine, rule }, items, lines };
}

/**
 * The marks at the 报头's top corners, flush with the text block's edges:
 * on the left the copy number, then the left mark under it (GB/T 9704-2012
 * §7.2: 份号 on the first line, 密级 on the second); on the right the right
 * mark. Lines of one corner lie spaceAfter apart.
 */
function typesetMarks(meta: IssueMeta, ctx: TypesetContext, items: LayoutItem[], lines: PageLine[]): SetMastheadMark[] {
  const rules = ctx.template.masthead;
  const style = ctx.roleStyle('mastheadMarks');
  const left: Array<{ kind: SetMastheadMark['kind']; text: string; pos: SourcePos | undefined }> = [];
  const right: typeof left = [];
  if (meta.copyNumber !== undefined) {
    const n = typeof meta.copyNumber === 'number' ? String(meta.copyNumber).padStart(rules.copyNumber.digits, '0') : meta.copyNumber;
    left.push({ kind: 'copyNumber', text: fill(rules.copyNumber.format, { n }), pos: meta.where.copyNumber });
  }
  if (meta.marks?.left !== undefined) left.push({ kind: 'mark', text: meta.marks.left, pos: meta.where.marks });
  if (meta.marks?.right !== undefined) right.push({ kind: 'mark', text: meta.marks.right, pos: meta.where.marks });
  const out: SetMastheadMark[] = [];
  const rows = Math.max(left.length, right.length);
  for (let row = 0; row < rows; row++) {
    const texts: string[] = [];
    for (const [side, column] of [['left', left], ['right', right]] as const) {
      const mark = column[row];
      if (!mark) continue;
      const set = oneLine(mark.text, style, ctx);
      const top = row * (style.size + rules.marks.spaceAfter);
      const node: SetMastheadMark = { id: ctx.newId(), kind: mark.kind, role: 'mastheadMarks', text: mark.text, side, size: style.size, top, height: style.size, pos: mark.pos };
      const x = side === 'left' ? 0 : ctx.geometry.width - set.width;
      items.push(...glyphsToRuns(set.glyphs, x, ctx.baselineIn(top, style.size, style.size, style.face), ctx, { node: node.id }));
      out.push(node);
      texts.push(mark.text);
    }
    lines.push({ text: texts.join(' ') });
  }
  return out;
}

/** 第 N 期（总第 M 期）, or the string given, or undefined without a number. */
export function issueNumberText(meta: IssueMeta, t: Template): string | undefined {
  const rules = t.masthead.number;
  if (meta.number === undefined) return undefined;
  let text = typeof meta.number === 'number' ? fill(rules.format, { number: meta.number }) : meta.number;
  if (meta.totalNumber !== undefined) text += fill(rules.totalFormat, { totalNumber: meta.totalNumber });
  return text;
}
