// The 报尾 in the DOCX: a table with thick rules above and below and thin
// ones between entries, placed where the typesetter placed it: a spacer
// paragraph fills the last page down to it (derived from the layout), or it
// starts a page of its own.
import { AlignmentType, BorderStyle, HeightRule, LineRuleType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IBorderOptions } from 'docx';
import type { IssueMeta } from '../model.js';
import { fill } from '../template/format.js';
import type { Template } from '../template/loadTemplate.js';
import type { Layout } from '../typeset/layout.js';
import { eighths, twips, type DocxGeometry } from './docxGeometry.js';
import { STYLE, styleOf } from './docxStyles.js';

/** Room left for rule widths and rounding, so the table never spills onto a new page. */
const SLACK_PT = 3;

export function distributionBlock(meta: IssueMeta, t: Template, layout: Layout, geo: DocxGeometry): Array<Paragraph | Table> {
  const place = layout.distribution;
  if (!place) return [];
  const d = t.distribution;
  const s = styleOf(t, 'distribution');
  const inset = d.indent * s.size;
  const rule = (pt: number): IBorderOptions => ({ style: BorderStyle.SINGLE, size: eighths(pt), color: '000000' });
  const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
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
    const labelWidth = place.labelWidths[i] ?? [...label].length * s.size;
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
    borders: { top: rule(d.thickRule), bottom: rule(d.thickRule), left: none, right: none, insideHorizontal: rule(d.thinRule), insideVertical: none },
    rows,
  });
  // Down to the 报尾's top, as in the PDF.
  const space = twips(place.top - place.contentBottom - SLACK_PT);
  const spacer = new Paragraph({
    style: STYLE.body.id,
    pageBreakBefore: place.newPage,
    spacing: { before: 0, after: 0, line: Math.max(20, space), lineRule: LineRuleType.EXACT },
    children: [],
  });
  return [spacer, table];
}
