// The 报尾 in the DOCX: a table with thick rules above and below and thin
// ones between entries, placed where the typesetter placed it: a spacer
// paragraph fills the last page down to it (derived from the layout), or it
// starts a page of its own.
import { AlignmentType, HeightRule, LineRuleType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { IssueMeta } from '../model.js';
import { fill } from '../template/format.js';
import type { Template } from '../template/loadTemplate.js';
import type { Layout } from '../typeset/layout.js';
import { borderTwips, NO_BORDER, ruleBorder, twips, type DocxGeometry } from './docxGeometry.js';
import { spacer, STYLE, styleOf, wordColor } from './docxStyles.js';

export function distributionBlock(meta: IssueMeta, t: Template, layout: Layout, geo: DocxGeometry): Array<Paragraph | Table> {
  const place = layout.distribution;
  if (!place) return [];
  const d = t.distribution;
  const s = styleOf(t, 'distribution');
  const inset = d.indent * s.size;
  const thick = ruleBorder(d.thickRule, wordColor(t, d.ruleColor));
  const thin = ruleBorder(d.thinRule, wordColor(t, d.ruleColor));
  const pad = twips(d.padding);
  const lineTwips = twips(d.linePitch);
  const para = (text: string, first: boolean, last: boolean, indent: { left: number; hanging?: number; right: number }, right = false) =>
    new Paragraph({
      style: STYLE.distribution.id,
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

  const rows = meta.distribution.map((entry, i) => {
    const label = `${entry.label}${d.separator}`;
    // Later lines align under the first character after the label, as the typesetter measured it.
    const labelWidth = place.labelWidths[i];
    if (labelWidth === undefined) throw new Error(`The layout has no label width for the 报尾 entry ${label}`);
    const hanging = { left: twips(inset + labelWidth), hanging: twips(labelWidth), right: twips(inset) };
    const under = { left: twips(inset + labelWidth), right: twips(inset) };
    if (entry.kind === 'text') return row([para(`${label}${entry.text}`, true, true, hanging)]);
    return row(entry.recipients.map((r, i) => para(i === 0 ? `${label}${r}` : r, i === 0, i === entry.recipients.length - 1, i === 0 ? hanging : under)));
  });
  if (meta.copies !== undefined) {
    rows.push(row([para(fill(d.copiesFormat, { copies: meta.copies }), true, true, { left: twips(inset), right: twips(inset) }, true)]));
  }
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
