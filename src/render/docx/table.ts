// A table as the typesetter set it: its column widths fixed (w:tblGrid and
// each cell's w:tcW, never fitted to the content by Word), its rules, rows
// that never split across pages, header rows marked as repeated when the
// typesetter repeats them on every page the table continues on, and the
// table's keeps on its rows' paragraphs (Word keeps a row with the next
// when its paragraphs keep with the next).
import { STYLE_ROLES } from '../../template/styleRoles.js';
import type { SetTable } from '../../typeset/layout.js';
import { columnTwips, eighthPoints, tableLineHeight, tableRowHeight, twips } from './geometry.js';
import { JUSTIFICATION, paragraph, type WriteContext } from './paragraphs.js';
import { measureIndents } from './placement.js';
import { tableCellProperties, tableProperties, tableRowProperties, type Border } from './properties.js';
import { hexColor, pieceRuns } from './runs.js';
import { styleOfRole, styleParagraph } from './styles.js';

export function table(node: SetTable, ctx: WriteContext, pageBreakBefore = false): string {
  const frame = measureIndents(node.measure, ctx);
  const width = ctx.page.textWidth - frame.left - frame.right;
  const columns = columnTwips(node.columns, width);
  const rule: Border = { style: 'single', size: eighthPoints(node.rule.thickness), color: hexColor(node.rule.color) };
  const base = styleOfRole(ctx.t, 'table');
  const style = styleParagraph(ctx.t, 'table');
  const padding = twips(node.cellPadding);
  const last = node.rows.length - 1;
  const rows = node.rows.map((row, r) => {
    // No page break inside the table when it is kept whole; after it, when it keeps with the next block.
    // A row the typesetter keeps with the next (the header and first row, the row before the last) keeps with it here too.
    const keepNext = r < last ? node.keeps.keepLinesTogether || row.keepWithNext : node.keeps.keepWithNext;
    const line = tableLineHeight(ctx.page.pitch, rule.size, row.gridLines, r === 0);
    const cells = row.cells.map((cell, c) => {
      const justification = JUSTIFICATION[cell.align];
      const p = paragraph(
        {
          style: STYLE_ROLES.table.word.id,
          keepNext,
          ...(pageBreakBefore && r === 0 ? { pageBreakBefore } : {}),
          spacing: { line, lineRule: 'exact' },
          ...(justification !== style.justification ? { justification } : {}),
        },
        pieceRuns(ctx.t, cell.content, base),
      );
      return `<w:tc>${tableCellProperties({ width: columns[c] ?? 0 })}${p}</w:tc>`;
    });
    // The typesetter never splits a row across pages.
    return `<w:tr>${tableRowProperties({ cantSplit: true, height: { value: tableRowHeight(ctx.page.pitch, rule.size, row.gridLines, r === 0), rule: 'atLeast' }, header: node.repeatsHeader && row.header })}${cells.join('')}</w:tr>`;
  });
  return (
    '<w:tbl>' +
    tableProperties({
      width,
      ...(frame.left !== 0 ? { indent: frame.left } : {}),
      borders: { top: rule, left: rule, bottom: rule, right: rule, insideH: rule, insideV: rule },
      fixedLayout: true,
      cellMargins: { top: 0, left: padding, bottom: 0, right: padding },
    }) +
    `<w:tblGrid>${columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    rows.join('') +
    '</w:tbl>'
  );
}
