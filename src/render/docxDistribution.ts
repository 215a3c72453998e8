// The 报尾 in the DOCX: a table with thick rules above and below and thin
// ones between entries, placed where the typesetter placed it: a spacer
// paragraph fills the last page down to it, or it starts a page of its own.
import { AlignmentType, HeightRule, LineRuleType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Template } from '../template/loadTemplate.js';
import { STYLE_ROLES } from '../template/styleRoles.js';
import type { SetDistribution } from '../typeset/layout.js';
import { borderTwips, NO_BORDER, ruleBorder, twips, type DocxGeometry } from './docxGeometry.js';
import { spacer } from './docxStyles.js';

export function distributionBlock(place: SetDistribution, _t: Template, geo: DocxGeometry): Array<Paragraph | Table> {
  const color = place.ruleColor.rgb.slice(1).toUpperCase();
  const thick = ruleBorder(place.thickRule, color);
  const thin = ruleBorder(place.thinRule, color);
  const pad = twips(place.padding);
  const lineTwips = twips(place.linePitch);
  const inset = twips(place.inset);
  const para = (text: string, first: boolean, last: boolean, indent: { left: number; hanging?: number; right: number }, right = false) =>
    new Paragraph({
      style: STYLE_ROLES.distribution.word.id,
      indent,
      ...(right ? { alignment: AlignmentType.RIGHT } : {}),
      spacing: { before: first ? pad : 0, after: last ? pad : 0, line: lineTwips, lineRule: LineRuleType.EXACT },
      children: [new TextRun(text)],
    });
  const row = (children: Paragraph[]) =>
    new TableRow({
      height: { value: 2 * pad + lineTwips, rule: HeightRule.ATLEAST },
      children: [new TableCell({ children, margins: { top: 0, bottom: 0, left: 0, right: 0 } })],
    });

  const rows = place.entries.map((entry) => {
    // Later lines align under the first character after the label, as the typesetter measured it.
    const hanging = { left: twips(place.inset + entry.labelWidth), hanging: twips(entry.labelWidth), right: inset };
    const under = { left: twips(place.inset + entry.labelWidth), right: inset };
    const n = entry.paragraphs.length;
    return row(entry.paragraphs.map((p, i) => para(i === 0 ? `${entry.label}${p}` : p, i === 0, i === n - 1, i === 0 ? hanging : under)));
  });
  if (place.copies) rows.push(row([para(place.copies.text, true, true, { left: inset, right: inset }, true)]));
  const table = new Table({
    width: { size: geo.textWidth, type: WidthType.DXA },
    columnWidths: [geo.textWidth],
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    borders: { top: thick, bottom: thick, left: NO_BORDER, right: NO_BORDER, insideHorizontal: thin, insideVertical: NO_BORDER },
    rows,
  });
  // Down to the 报尾's top, as in the PDF, less the rules that Word and
  // LibreOffice add to the table's height: two thick ones and a thin one
  // between rows. Rounded down, so the table never spills onto a new page.
  const rules = 2 * borderTwips(thick) + (rows.length - 1) * borderTwips(thin);
  return [spacer(Math.floor((place.top - place.contentBottom) * 20 - rules), place.newPage), table];
}
