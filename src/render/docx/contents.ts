// 本期要目: the contents box as the typesetter set it — its title, the
// section headings, each entry's title in the lines the typesetter divided
// it into, then a right tab with a leader at the box's inner edge and the
// page number as plain text (the typesetter's number, no PAGEREF field that
// Word would work out again). The box is a one-cell table whose borders are
// its rules and whose cell margins are its inset: paragraph borders would
// break the box wherever the indent changes (a section heading, an entry).
import { STYLE_ROLES } from '../../template/styleRoles.js';
import type { SetText, SetToc, SetTocEntry } from '../../typeset/layout.js';
import { boxedLineHeight, eighthPoints, twips } from './geometry.js';
import { keepProperties, paragraph, type WriteContext } from './paragraphs.js';
import { tableCellProperties, tableProperties, type Border, type Indent, type ParagraphProperties, type TabLeader } from './properties.js';
import { hexColor, pieceRuns, run, runContent, runOf, textRunProperties } from './runs.js';
import { styleOfRole } from './styles.js';

/** Word's leader nearest the character the typesetter repeats. */
const LEADERS: Record<string, TabLeader> = { '·': 'middleDot', '・': 'middleDot', '•': 'middleDot', '.': 'dot', '…': 'dot', '-': 'hyphen', _: 'underscore' };

export function contents(toc: SetToc, ctx: WriteContext): string {
  const rule: Border = { style: 'single', size: eighthPoints(toc.box.thickness), color: hexColor(toc.box.color) };
  // The box lies on one page: its lines together give back the height of its two rules.
  const boxLines = toc.title.lines.length + toc.items.reduce((n, item) => n + item.lines.length, 0);
  const line = boxedLineHeight(ctx.page.pitch, rule.size, boxLines);
  const inner = toc.title.measure;
  const width = twips(toc.box.measure.width);
  const left = twips(inner.x - toc.box.measure.x);
  const right = width - left - twips(inner.width);
  const paragraphs = [heading(toc.title, line, ctx)];
  for (const item of toc.items) paragraphs.push(item.kind === 'tocEntry' ? entry(item, line, ctx) : heading(item, line, ctx));
  return (
    '<w:tbl>' +
    tableProperties({
      width,
      ...(toc.box.measure.x !== 0 ? { indent: twips(toc.box.measure.x) } : {}),
      borders: { top: rule, left: rule, bottom: rule, right: rule, insideH: rule, insideV: rule },
      fixedLayout: true,
      cellMargins: { top: 0, left, bottom: 0, right },
    }) +
    `<w:tblGrid><w:gridCol w:w="${width}"/></w:tblGrid>` +
    `<w:tr><w:tc>${tableCellProperties({ width })}${paragraphs.join('')}</w:tc></w:tr>` +
    '</w:tbl>'
  );
}

/** Indents from the measure's left edge in Word's words. */
function indentOf(node: { indent: { first: number; rest: number } }): Indent {
  const first = twips(node.indent.first);
  const rest = twips(node.indent.rest);
  return first >= rest ? { left: rest, firstLine: first - rest, firstLineChars: 0 } : { left: rest, hanging: rest - first, firstLineChars: 0 };
}

/**
 * What every paragraph of the box has: its indents inside the cell, lines
 * of the box's height, and no keep with the next paragraph — inside the
 * box's one cell it can only keep the whole box with what follows, which
 * LibreOffice then moves to the next page with the article after it.
 */
function inBox(node: SetText | SetTocEntry, line: number): ParagraphProperties {
  return { style: STYLE_ROLES[node.role].word.id, ...keepProperties(node.keeps), keepNext: false, spacing: { before: 0, after: 0, line, lineRule: 'exact' }, indent: indentOf(node) };
}

function heading(node: SetText, line: number, ctx: WriteContext): string {
  return paragraph(inBox(node, line), pieceRuns(ctx.t, node.content, styleOfRole(ctx.t, node.role)));
}

/**
 * An entry: its lines as the typesetter broke them (hard breaks, which
 * doNotExpandShiftReturn keeps from stretching), the last one followed by
 * the leader tab and the number.
 */
function entry(node: SetTocEntry, line: number, ctx: WriteContext): string {
  const base = styleOfRole(ctx.t, node.role);
  const props = textRunProperties(ctx.t, node.content[0] && 'style' in node.content[0] ? node.content[0].style : base, base);
  const last = node.lines.length - 1;
  // The lines hold the number after the last one's title text; the title's own text is every line but that.
  const lines = node.lines.map((text, i) => (i === last ? text.slice(0, text.length - node.pageText.length).trimEnd() : text));
  // At the cell's inner edge: the measure's width from the cell's text.
  const tab = { align: 'right' as const, position: twips(node.measure.width), leader: LEADERS[node.leader] ?? 'dot' };
  return paragraph(
    { ...inBox(node, line), tabs: [tab] },
    lines.map((text) => run(text, props)).join('<w:r><w:br/></w:r>') + runOf(props, `<w:tab/>${runContent(node.pageText)}`),
  );
}
