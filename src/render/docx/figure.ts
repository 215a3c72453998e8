// A figure: each image inline, at the size it was typeset, in a paragraph
// whose exact height is the grid lines the typesetter gave it; its caption
// under it. The image is outside a 编者按's box, as in the PDF; the caption
// is inside. The paragraphs of a figure the typesetter keeps whole keep
// with each other.
import { STYLE_ROLES } from '../../template/styleRoles.js';
import type { SetFigure, SetImage, SetText } from '../../typeset/layout.js';
import { emus } from './geometry.js';
import { paragraph, type WriteContext } from './paragraphs.js';
import { placement } from './placement.js';
import { element } from './xml.js';

/** A figure's paragraphs; `caption` writes a caption as the text node it is. */
export function figure(node: SetFigure, ctx: WriteContext, caption: (c: SetText) => string): string {
  return node.panels
    .map(({ image, caption: c }, i) => {
      const lastParagraph = !c && i === node.panels.length - 1;
      const p = paragraph(
        {
          style: STYLE_ROLES.caption.word.id,
          keepNext: lastParagraph ? node.keeps.keepWithNext : node.keeps.keepLinesTogether,
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

const DRAWING_MAIN = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const PICTURE = 'http://schemas.openxmlformats.org/drawingml/2006/picture';

/** An inline picture (ECMA-376 Part 1, §20.4.2.8) of the image's bytes, stored as they are. */
function drawing(image: SetImage, ctx: WriteContext): string {
  const { id, number } = ctx.media.add(image.model.data, image.model.format);
  const cx = emus(image.width);
  const cy = emus(image.height);
  const name = `Picture ${number}`;
  const extent = { cx, cy };
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
      element('a:xfrm', {}, element('a:off', { x: 0, y: 0 }) + element('a:ext', extent)) + '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>',
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
