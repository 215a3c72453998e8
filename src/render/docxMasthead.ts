// The 报头 in the DOCX: real red paragraphs in a one-cell table whose exact
// height ends on the red rule (the cell's bottom border), then a spacer up to
// the grid line where the typesetter starts the body. The table fixes the
// masthead's height in Word and LibreOffice alike, whatever their line
// metrics, so the body starts on the same grid line as in the PDF.
import { AlignmentType, HeightRule, LineRuleType, Paragraph, Table, TableCell, TableRow, TabStopType, TextRun, WidthType } from 'docx';
import type { Template } from '../template/loadTemplate.js';
import { STYLE_ROLES } from '../template/styleRoles.js';
import type { SetMasthead, SetMastheadLine } from '../typeset/layout.js';
import { borderTwips, NO_BORDER, ruleBorder, twips, type DocxGeometry } from './docxGeometry.js';
import { sizedRun, spacer } from './docxStyles.js';

export function mastheadBlock(masthead: SetMasthead, t: Template, geo: DocxGeometry): Array<Table | Paragraph> {
  // Each line's box: the space above its em box, then the em box.
  const exact = (line: SetMastheadLine) => ({ before: 0, after: 0, line: twips(line.height), lineRule: LineRuleType.EXACT });
  const line = (node: SetMastheadLine): Paragraph =>
    new Paragraph({
      style: STYLE_ROLES[node.role].word.id,
      spacing: exact(node),
      children: [new TextRun({ text: node.text, ...sizedRun(t, node.size) })],
    });
  const paragraphs = [line(masthead.organization), line(masthead.title)];
  if (masthead.number) paragraphs.push(line(masthead.number));
  const editor = masthead.editorLine;
  paragraphs.push(
    new Paragraph({
      style: STYLE_ROLES[editor.role].word.id,
      tabStops: [{ type: TabStopType.RIGHT, position: geo.textWidth }],
      spacing: exact(editor),
      children: [new TextRun({ text: `${editor.text}\t${editor.dateText}`, ...sizedRun(t, editor.size) })],
    }),
  );
  const rule = ruleBorder(masthead.rule.thickness, masthead.rule.color.rgb.slice(1).toUpperCase());
  const height = twips(masthead.rule.y);
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
  return [table, spacer(masthead.firstGridLine * geo.pitch - height - borderTwips(rule))];
}
