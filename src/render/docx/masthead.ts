// The 报头: its marks at the top corners (内部资料, 注意保存, a 密级, the copy
// number: each row one paragraph, left text, right text at a right tab on
// the text block's edge), then real red paragraphs in a one-cell table whose exact height ends
// on the red rule (the cell's bottom border), then an empty paragraph down
// to the grid line where the typesetter starts the body. The table fixes
// the masthead's height in Word and LibreOffice alike, whatever their line
// metrics, so the body starts on the same grid line as in the PDF.
import { STYLE_ROLES } from '../../template/styleRoles.js';
import type { SetMasthead, SetMastheadLine, SetMastheadMark } from '../../typeset/layout.js';
import { eighthPoints, mastheadGap, twips } from './geometry.js';
import { paragraph, spacer, type WriteContext } from './paragraphs.js';
import { tableCellProperties, tableProperties, tableRowProperties, type Border } from './properties.js';
import { hexColor, run, runContent, runOf, textRunProperties } from './runs.js';
import { styleOfRole } from './styles.js';

const NONE: Border = { style: 'none', size: 0, color: 'FFFFFF' };

export function masthead(m: SetMasthead, ctx: WriteContext): string {
  const width = ctx.page.textWidth;
  /** A line's box, the space above its em box included, as one exact line; at the size it was set. */
  const line = (node: SetMastheadLine, runs: (props: ReturnType<typeof textRunProperties>) => string, tabs?: number) => {
    const style = styleOfRole(ctx.t, node.role);
    const props = textRunProperties(ctx.t, { ...style, size: node.size }, style);
    return paragraph(
      {
        style: STYLE_ROLES[node.role].word.id,
        ...(tabs !== undefined ? { tabs: [{ align: 'right' as const, position: tabs }] } : {}),
        spacing: { after: 0, before: 0, line: twips(node.height), lineRule: 'exact' },
      },
      runs(props),
    );
  };
  const centred = (node: SetMastheadLine) => line(node, (props) => run(node.text, props));
  const editor = m.editorLine;
  // The editor flush left, the date at a right tab on the text block's edge.
  const editorLine = line(editor, (props) => runOf(props, `${runContent(editor.text)}<w:tab/>${runContent(editor.dateText)}`), width);
  const cell = [...markRows(m.marks, m.organization.top, ctx), centred(m.organization), centred(m.title), ...(m.number ? [centred(m.number)] : []), editorLine].join('');

  const rule: Border = { style: 'single', size: eighthPoints(m.rule.thickness), color: hexColor(m.rule.color) };
  const height = twips(m.rule.y);
  const table =
    '<w:tbl>' +
    tableProperties({
      width,
      justification: 'center',
      borders: { top: NONE, left: NONE, bottom: rule, right: NONE, insideH: NONE, insideV: NONE },
      cellMargins: { top: 0, left: 0, bottom: 0, right: 0 },
    }) +
    `<w:tblGrid><w:gridCol w:w="${width}"/></w:tblGrid>` +
    `<w:tr>${tableRowProperties({ height: { value: height, rule: 'exact' } })}<w:tc>${tableCellProperties({ width })}${cell}</w:tc></w:tr>` +
    '</w:tbl>';
  return table + spacer(mastheadGap(ctx.page.pitch, m.firstGridLine, height, rule.size));
}

/**
 * The marks as the typesetter placed them, a paragraph a row (marks of one
 * row share their top): each row exactly as high as its marks' em box, the
 * space to the next row (or to the organisation's line, at `below`) after it.
 */
function markRows(marks: readonly SetMastheadMark[], below: number, ctx: WriteContext): string[] {
  const tops = [...new Set(marks.map((mark) => mark.top))].sort((a, b) => a - b);
  const style = styleOfRole(ctx.t, 'mastheadMarks');
  return tops.map((top, i) => {
    const row = marks.filter((mark) => mark.top === top);
    const height = Math.max(...row.map((mark) => mark.height));
    const next = tops[i + 1] ?? below;
    const side = (s: 'left' | 'right') => row.find((mark) => mark.side === s);
    const text = (mark: SetMastheadMark | undefined) =>
      mark ? runOf(textRunProperties(ctx.t, { ...style, size: mark.size }, style), runContent(mark.text)) : '';
    const right = side('right');
    return paragraph(
      {
        style: STYLE_ROLES.mastheadMarks.word.id,
        ...(right ? { tabs: [{ align: 'right' as const, position: ctx.page.textWidth }] } : {}),
        spacing: { after: twips(next - top - height), before: 0, line: twips(height), lineRule: 'exact' },
      },
      text(side('left')) + (right ? `<w:r><w:tab/></w:r>${text(right)}` : ''),
    );
  });
}
