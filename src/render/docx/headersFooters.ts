// What repeats on every page: the page number in the footers (odd and even
// pages apart in a two-sided template), as a PAGE field Word and
// LibreOffice fill in, and with --drafts the 草稿 watermark in the headers,
// as Word's own watermark (a WordArt shape Word's Design > Watermark
// command recognises and can remove).
import { STYLE_ROLES } from '../../template/styleRoles.js';
import type { SetPageNumber, SetWatermark } from '../../typeset/layout.js';
import { wordFonts } from './fonts.js';
import { twips } from './geometry.js';
import type { HeaderFooterPart } from './package.js';
import { paragraph, type WriteContext } from './paragraphs.js';
import type { Justification } from './properties.js';
import { run, wordColor } from './runs.js';
import { styleParagraph } from './styles.js';
import { element, xmlPart } from './xml.js';

const NAMESPACES = {
  'xmlns:w': 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'xmlns:r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'xmlns:v': 'urn:schemas-microsoft-com:vml',
  'xmlns:o': 'urn:schemas-microsoft-com:office:office',
};

/** The field that shows the number of the page it is on. */
const PAGE_FIELD =
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">PAGE</w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

/** The footers: odd pages flush right, even pages flush left, the page number's inset in from the text block's edge. */
export function footers(pn: SetPageNumber, ctx: WriteContext): HeaderFooterPart[] {
  const footer = (side: 'odd' | 'even'): string => {
    const justification: Justification = side === 'odd' ? 'right' : 'left';
    const inset = twips(pn.inset);
    const own = justification === styleParagraph(ctx.t, 'pageNumber').justification ? {} : { justification };
    const p = paragraph(
      { style: STYLE_ROLES.pageNumber.word.id, indent: side === 'odd' ? { right: inset } : { left: inset }, ...own },
      run(pn.before) + PAGE_FIELD + run(pn.after),
    );
    return xmlPart(element('w:ftr', NAMESPACES, p));
  };
  const parts: HeaderFooterPart[] = [{ kind: 'footer', pages: 'default', id: 'rIdFooterOdd', part: 'footer1.xml', xml: footer('odd') }];
  if (ctx.t.page.twoSided) parts.push({ kind: 'footer', pages: 'even', id: 'rIdFooterEven', part: 'footer2.xml', xml: footer('even') });
  return parts;
}

/**
 * The headers holding the watermark: 草稿 in the template's watermark style,
 * solid, turned by its angle, behind the text, in a shape the size the
 * typesetter set the text (so Word does not stretch it) centred on the page.
 */
export function watermarkHeaders(mark: SetWatermark, ctx: WriteContext): HeaderFooterPart[] {
  const header = (n: number): string => xmlPart(element('w:hdr', NAMESPACES, `<w:p><w:r><w:pict>${WORDART_SHAPE_TYPE}${shape(mark, n, ctx)}</w:pict></w:r></w:p>`));
  const parts: HeaderFooterPart[] = [{ kind: 'header', pages: 'default', id: 'rIdHeaderOdd', part: 'header1.xml', xml: header(1) }];
  if (ctx.t.page.twoSided) parts.push({ kind: 'header', pages: 'even', id: 'rIdHeaderEven', part: 'header2.xml', xml: header(2) });
  return parts;
}

/** Word's shape type 136, plain text along a path: what its watermarks are made of. */
const WORDART_SHAPE_TYPE =
  '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>' +
  ['sum #0 0 10800', 'prod #0 2 1', 'sum 21600 0 @1', 'sum 0 0 @2', 'sum 21600 0 @3', 'if @0 @3 0', 'if @0 21600 @1', 'if @0 0 @2', 'if @0 @4 21600', 'mid @5 @6', 'mid @8 @5', 'mid @7 @8', 'mid @6 @7', 'sum @6 0 @5']
    .map((eqn) => `<v:f eqn="${eqn}"/>`)
    .join('') +
  '</v:formulas><v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>' +
  '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>';

function shape(mark: SetWatermark, n: number, ctx: WriteContext): string {
  const s = mark.style;
  const style = [
    'position:absolute',
    'margin-left:0',
    'margin-top:0',
    `width:${mark.width}pt`,
    `height:${s.size}pt`,
    `rotation:${mark.angle}`,
    // Word's own value: behind the text.
    'z-index:-251657216',
    'mso-position-horizontal:center',
    'mso-position-horizontal-relative:page',
    'mso-position-vertical:center',
    'mso-position-vertical-relative:page',
  ].join(';');
  const font = [`font-family:"${wordFonts(ctx.t, s.face).eastAsia}"`, `font-size:${s.size}pt`, ...(s.bold ? ['font-weight:bold'] : [])].join(';');
  // Word's Remove Watermark finds watermarks by this id prefix.
  return element(
    'v:shape',
    { id: `PowerPlusWaterMarkObject${n}`, type: '#_x0000_t136', style, 'o:allowincell': 'f', fillcolor: `#${wordColor(ctx.t, s.color)}`, stroked: 'f' },
    '<v:fill opacity="1"/>' + element('v:textpath', { style: font, string: mark.text }),
  );
}
