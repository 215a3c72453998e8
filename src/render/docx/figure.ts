// A figure: each image inline, at the size it was typeset, in a paragraph
// whose exact height is the grid lines the typesetter gave it; its caption
// under it. The image is outside a 编者按's box, as in the PDF; the caption
// is inside. The paragraphs of a figure the typesetter keeps whole keep
// with each other. Images side by side are a borderless table of one row
// that cannot split: a cell a panel, from half the gap before it to half
// the gap after it, the image where the typesetter put it and its caption
// under it in the lines the typesetter divided it into. A figure that went
// to the top of the next page (SetFigure.float) starts that page.
import { STYLE_ROLES } from '../../template/styleRoles.js';
import type { SetFigure, SetImage, SetText } from '../../typeset/layout.js';
import { pictureTurn, turnsQuarter } from '../imageOrientation.js';
import { emus, twips } from './geometry.js';
import { paragraph, type WriteContext } from './paragraphs.js';
import { measureIndents, placement } from './placement.js';
import { tableCellProperties, tableProperties, tableRowProperties, type Border } from './properties.js';
import { run, textRunProperties } from './runs.js';
import { styleOfRole } from './styles.js';
import { element } from './xml.js';

/** A floated figure that the typesetter put first on its page (a second one follows the first). */
const startsPage = (node: SetFigure): boolean => node.float !== undefined && node.placements[0]?.gridLine === 0;

const NONE: Border = { style: 'none', size: 0, color: 'FFFFFF' };

/** A figure's paragraphs; `caption` writes a caption as the text node it is. */
export function figure(node: SetFigure, ctx: WriteContext, caption: (c: SetText) => string): string {
  if (node.panels.length > 1) return sideBySide(node, ctx);
  return node.panels
    .map(({ image, caption: c }, i) => {
      const lastParagraph = !c && i === node.panels.length - 1;
      const p = paragraph(
        {
          style: STYLE_ROLES.caption.word.id,
          keepNext: lastParagraph ? node.keeps.keepWithNext : node.keeps.keepLinesTogether,
          pageBreakBefore: i === 0 && startsPage(node),
          keepLines: node.keeps.keepLinesTogether,
          widowControl: node.keeps.widowControl,
          ...placement(node.measure, undefined, node.keeps.shortestPiece, {}, ctx),
          spacing: { line: node.gridLines * ctx.page.pitch, lineRule: 'exact' },
        },
        `<w:r>${drawing(image, ctx)}</w:r>`,
      );
      return p + (c ? caption(c) : '');
    })
    .join('');
}

/** Images side by side with their captions, as a one-row table (see the top of this file). */
function sideBySide(node: SetFigure, ctx: WriteContext): string {
  const pitch = ctx.page.pitch;
  const frame = measureIndents(node.measure, ctx);
  const width = ctx.page.textWidth - frame.left - frame.right;
  const last = node.panels.length - 1;
  // Each panel's cell: from half the gap before its image to half the gap after it; the edges outside the first and last images are cells of their own.
  const edges = node.panels.map((p, i) => {
    const gapBefore = i === 0 ? 0 : (p.x - (node.panels[i - 1]!.x + node.panels[i - 1]!.width)) / 2;
    const gapAfter = i === last ? 0 : (node.panels[i + 1]!.x - (p.x + p.width)) / 2;
    return { from: twips(p.x - gapBefore), to: twips(p.x + p.width + gapAfter), imageAt: twips(gapBefore) };
  });
  const bounds = [0, ...edges.flatMap((e) => [e.from, e.to]), width];
  // Cells: the room left of the first image, a panel each, the room right of the last (none where there is no room).
  const spans = bounds.slice(1).map((b, i) => ({ w: b - bounds[i]!, panel: i % 2 === 1 ? (i - 1) / 2 : undefined })).filter((s) => s.panel !== undefined || s.w > 0);
  const columns = spans.map((s) => s.w);
  const captionStyle = styleOfRole(ctx.t, 'caption');
  const keepNext = node.keeps.keepWithNext;
  const empty = paragraph({ style: STYLE_ROLES.caption.word.id, keepNext, spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' } });
  const cells = spans.map(({ w, panel: k }) => {
    const panel = k === undefined ? undefined : node.panels[k];
    if (!panel) return `<w:tc>${tableCellProperties({ width: w })}${empty}</w:tc>`;
    const e = edges[k!]!;
    const image = paragraph(
      {
        style: STYLE_ROLES.caption.word.id,
        keepNext,
        pageBreakBefore: k === 0 && startsPage(node),
        spacing: { before: 0, after: 0, line: node.gridLines * pitch, lineRule: 'exact' },
        indent: { left: e.imageAt, firstLine: 0, firstLineChars: 0 },
        justification: 'left',
      },
      `<w:r>${drawing(panel.image, ctx)}</w:r>`,
    );
    const c2 = panel.caption;
    const captionText = c2
      ? paragraph(
          { style: STYLE_ROLES.caption.word.id, keepNext, spacing: { before: 0, after: 0, line: pitch, lineRule: 'exact' } },
          c2.lines.map((line) => run(line, textRunProperties(ctx.t, captionStyle, captionStyle))).join('<w:r><w:br/></w:r>'),
        )
      : '';
    return `<w:tc>${tableCellProperties({ width: w })}${image}${captionText}</w:tc>`;
  });
  const height = (node.gridLines + node.captionLines) * pitch;
  return (
    '<w:tbl>' +
    tableProperties({
      width,
      ...(frame.left !== 0 ? { indent: frame.left } : {}),
      borders: { top: NONE, left: NONE, bottom: NONE, right: NONE, insideH: NONE, insideV: NONE },
      fixedLayout: true,
      cellMargins: { top: 0, left: 0, bottom: 0, right: 0 },
    }) +
    `<w:tblGrid>${columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    `<w:tr>${tableRowProperties({ cantSplit: true, height: { value: height, rule: 'exact' } })}${cells.join('')}</w:tr>` +
    '</w:tbl>'
  );
}

const DRAWING_MAIN = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const PICTURE = 'http://schemas.openxmlformats.org/drawingml/2006/picture';

/**
 * An inline picture (ECMA-376 Part 1, §20.4.2.8) of the image's bytes, stored
 * as they are. A turned image (src/render/imageOrientation.ts) is a picture
 * of the stored shape, mirrored and turned about its centre (a:xfrm flipH,
 * rot) into the box the typesetter gave it, which has the same centre.
 * wp:extent is the picture's own (unturned) frame and wp:effectExtent is
 * nought, as LibreOffice writes a turned picture and reads it back: given
 * the difference the quarter turn makes as an effect extent, LibreOffice
 * draws the picture that much higher, over the text before it.
 */
function drawing(image: SetImage, ctx: WriteContext): string {
  const { id, number } = ctx.media.add(image.model.data, image.model.format);
  const turn = pictureTurn(image.orientation);
  const quarter = turnsQuarter(image.orientation);
  // The picture's own frame: the stored shape (the box's height across when it turns a quarter).
  const cx = emus(quarter ? image.height : image.width);
  const cy = emus(quarter ? image.width : image.height);
  const name = `Picture ${number}`;
  const extent = { cx, cy };
  const xfrm = { ...(turn.rotation ? { rot: turn.rotation * 60000 } : {}), ...(turn.flipH ? { flipH: 1 } : {}) };
  const pic =
    element(
      'pic:nvPicPr',
      {},
      element('pic:cNvPr', { id: 0, name }) + element('pic:cNvPicPr', {}, element('a:picLocks', { noChangeAspect: 1, noChangeArrowheads: 1 })),
    ) +
    element('pic:blipFill', {}, element('a:blip', { 'r:embed': id }) + '<a:srcRect/><a:stretch><a:fillRect/></a:stretch>') +
    element(
      'pic:spPr',
      { bwMode: 'auto' },
      element('a:xfrm', xfrm, element('a:off', { x: 0, y: 0 }) + element('a:ext', extent)) + '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>',
    );
  return element(
    'w:drawing',
    {},
    element(
      'wp:inline',
      { distT: 0, distB: 0, distL: 0, distR: 0 },
      element('wp:extent', extent) +
        element('wp:effectExtent', { l: 0, t: 0, r: 0, b: 0 }) +
        element('wp:docPr', { id: number, name }) +
        element('wp:cNvGraphicFramePr', {}, element('a:graphicFrameLocks', { 'xmlns:a': DRAWING_MAIN, noChangeAspect: 1 })) +
        element(
          'a:graphic',
          { 'xmlns:a': DRAWING_MAIN },
          element('a:graphicData', { uri: PICTURE }, element('pic:pic', { 'xmlns:pic': PICTURE }, pic)),
        ),
    ),
  );
}
