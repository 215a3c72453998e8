// The 报头 in the DOCX: real red paragraphs in a one-cell table whose exact
// height ends on the red rule (the cell's bottom border), then a spacer up to
// the grid line where the typesetter starts the body. The table fixes the
// masthead's height in Word and LibreOffice alike, whatever their line
// metrics, so the body starts on the same grid line as in the PDF.
import { AlignmentType, HeightRule, LineRuleType, Paragraph, Table, TableCell, TableRow, TabStopType, TextRun, WidthType } from 'docx';
import type { IssueMeta } from '../model.js';
import { formatDate } from '../template/format.js';
import type { Template } from '../template/loadTemplate.js';
import type { MastheadSizes } from '../typeset/layout.js';
import { borderTwips, NO_BORDER, ruleBorder, twips, type DocxGeometry } from './docxGeometry.js';
import { sizedRun, spacer, STYLE, wordColor, type StyleRole } from './docxStyles.js';

export function mastheadBlock(meta: IssueMeta, t: Template, sizes: MastheadSizes, geo: DocxGeometry): Array<Table | Paragraph> {
  const m = t.masthead;
  const line = (role: StyleRole, text: string, size: number, spaceBefore: number): Paragraph =>
    new Paragraph({
      style: STYLE[role].id,
      // Each line's box: the space above its em box, then the em box.
      spacing: { before: 0, after: 0, line: twips(spaceBefore + size), lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text, ...sizedRun(t, size) })],
    });
  const paragraphs = [
    line('mastheadOrganization', meta.organization, sizes.organization, m.organization.spaceBefore),
    line('mastheadTitle', meta.title, sizes.title, m.title.spaceBefore),
  ];
  if (sizes.numberText !== undefined) paragraphs.push(line('mastheadNumber', sizes.numberText, sizes.number, m.number.spaceBefore));
  paragraphs.push(
    new Paragraph({
      style: STYLE.mastheadEditor.id,
      tabStops: [{ type: TabStopType.RIGHT, position: geo.textWidth }],
      spacing: { before: 0, after: 0, line: twips(m.editorLine.spaceBefore + sizes.editor), lineRule: LineRuleType.EXACT },
      children: [
        new TextRun({ text: `${meta.editor}\t${formatDate(m.editorLine.dateFormat, meta.date)}`, ...sizedRun(t, sizes.editor) }),
      ],
    }),
  );
  const rule = ruleBorder(m.rule.thickness, wordColor(t, m.rule.color));
  const height = twips(sizes.ruleY);
  const table = new Table({
    width: { size: geo.textWidth, type: WidthType.DXA },
    columnWidths: [geo.textWidth],
    alignment: AlignmentType.CENTER,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    borders: { top: NO_BORDER, left: NO_BORDER, right: NO_BORDER, bottom: rule, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
    rows: [
      new TableRow({
        height: { value: height, rule: HeightRule.EXACT },
        children: [new TableCell({ children: paragraphs, width: { size: geo.textWidth, type: WidthType.DXA } })],
      }),
    ],
  });
  // From the rule (whose width Word and LibreOffice add below the row) to the
  // grid line the body starts on.
  return [table, spacer(sizes.firstSlot * geo.pitch - height - borderTwips(rule))];
}
