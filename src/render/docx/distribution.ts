// The 报尾: a table with thick rules above and below and thin ones between
// its rows (an entry each — 报：, 送： — and 共印 N 份), placed where the
// typesetter placed it: an empty paragraph fills the last page down to it,
// or starts a page of its own when it took one.
import { STYLE_ROLES } from '../../template/styleRoles.js';
import type { Align, SetDistribution } from '../../typeset/layout.js';
import { distributionGap, eighthPoints, twips } from './geometry.js';
import { JUSTIFICATION, paragraph, spacer, type WriteContext } from './paragraphs.js';
import { tableCellProperties, tableProperties, tableRowProperties, type Border, type Indent } from './properties.js';
import { hexColor, run } from './runs.js';
import { styleParagraph } from './styles.js';

const NONE: Border = { style: 'none', size: 0, color: 'FFFFFF' };

export function distribution(d: SetDistribution, ctx: WriteContext): string {
  const width = ctx.page.textWidth;
  const color = hexColor(d.ruleColor);
  const thick: Border = { style: 'single', size: eighthPoints(d.thickRule), color };
  const thin: Border = { style: 'single', size: eighthPoints(d.thinRule), color };
  const pad = twips(d.padding);
  const line = twips(d.linePitch);
  const inset = twips(d.inset);
  /** A paragraph of a row: the row's padding above its first and below its last. */
  const style = styleParagraph(ctx.t, 'distribution');
  const para = (runs: string, first: boolean, last: boolean, indent: Indent, align?: Align) => {
    const justification = align ? JUSTIFICATION[align] : style.justification;
    return paragraph(
      {
        style: STYLE_ROLES.distribution.word.id,
        spacing: { after: last ? pad : 0, before: first ? pad : 0, line, lineRule: 'exact' },
        indent,
        ...(justification !== style.justification ? { justification } : {}),
      },
      runs,
    );
  };
  const row = (paragraphs: string) =>
    `<w:tr>${tableRowProperties({ height: { value: 2 * pad + line, rule: 'atLeast' } })}<w:tc>${tableCellProperties({ width })}${paragraphs}</w:tc></w:tr>`;

  const rows = d.entries.map((entry) => {
    // The label before the first recipient; every line of text starts after its width, as the typesetter measured it.
    const left = twips(d.inset + entry.labelWidth);
    const n = entry.paragraphs.length;
    return row(
      entry.paragraphs
        .map((text, i) =>
          i === 0
            ? para(run(entry.label) + run(text), true, n === 1, { left, right: inset, hanging: twips(entry.labelWidth) })
            : para(run(text), false, i === n - 1, { left, right: inset }),
        )
        .join(''),
    );
  });
  if (d.copies) rows.push(row(para(run(d.copies.text), true, true, { left: inset, right: inset }, d.copies.align)));
  const table =
    '<w:tbl>' +
    tableProperties({
      width,
      borders: { top: thick, left: NONE, bottom: thick, right: NONE, insideH: thin, insideV: NONE },
      cellMargins: { top: 0, left: 0, bottom: 0, right: 0 },
    }) +
    `<w:tblGrid><w:gridCol w:w="${width}"/></w:tblGrid>` +
    rows.join('') +
    '</w:tbl>';
  return spacer(distributionGap(d.top, d.contentBottom, rows.length, thick.size, thin.size), d.newPage) + table;
}
