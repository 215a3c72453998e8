// word/styles.xml: a Word paragraph style for each style role that has
// paragraphs of its own (template/styleRoles.ts names them), with the text
// style the template gives the role — East Asian font by its Windows name,
// Latin font, size with its tracking, bold, colour — and how its paragraphs
// look: alignment, the body's first-line indent, exact line height. An
// editor restyles the document through these. Keeps are no part of a style:
// they are the typesetter's decisions about each block, and every
// paragraph states its own.
import { charPitch } from '../../template/gridMetrics.js';
import type { Template } from '../../template/loadTemplate.js';
import { ALL_STYLE_ROLES, roleStyleName, STYLE_ROLES, type StyleRole } from '../../template/styleRoles.js';
import { resolveStyle, type TextStyle } from '../../template/styles.js';
import { twips, type WordPage } from './geometry.js';
import { paragraphProperties, runProperties, type Indent, type Justification, type ParagraphProperties } from './properties.js';
import { textRunProperties } from './runs.js';
import { element, xmlPart } from './xml.js';

export const STYLES_NAMESPACES = { 'xmlns:w': 'http://schemas.openxmlformats.org/wordprocessingml/2006/main' };

/** How a role's paragraphs look, beyond their text. */
interface ParagraphLook {
  justification: Justification;
  /** The body's first-line indent (paragraph.firstLineIndent characters), or none. */
  firstLineIndent: boolean;
  /** An exact line height in points, where it is not the grid's pitch. */
  lineHeight?: (t: Template) => number;
}

const BODY: ParagraphLook = { justification: 'both', firstLineIndent: true };
const plain = (justification: Justification, lineHeight?: (t: Template) => number): ParagraphLook => ({ justification, firstLineIndent: false, ...(lineHeight ? { lineHeight } : {}) });

/**
 * Every role's look; `inline` for the roles whose text is set inside other
 * roles' paragraphs (the 编者按 label, a table's header row) or is no
 * paragraph at all (the watermark): their runs carry their text style.
 */
const LOOKS: Record<StyleRole, ParagraphLook | 'inline'> = {
  body: BODY,
  mastheadOrganization: plain('center'),
  mastheadTitle: plain('center'),
  mastheadNumber: plain('center'),
  mastheadEditor: plain('left'),
  section: plain('left'),
  articleTitle: plain('center', (t) => styleOfRole(t, 'articleTitle').size * t.article.titleLineHeight),
  heading1: BODY,
  heading2: BODY,
  heading3: BODY,
  caption: plain('center'),
  quote: BODY,
  quoteLabel: 'inline',
  source: plain('right'),
  table: plain('left'),
  tableHeader: 'inline',
  distribution: plain('both', (t) => t.distribution.linePitch),
  pageNumber: plain('right', (t) => styleOfRole(t, 'pageNumber').size),
  watermark: 'inline',
  mastheadMarks: plain('left'),
  signature: plain('right'),
  tocTitle: plain('center'),
  tocSection: plain('left'),
  tocEntry: plain('left'),
  listBullet: 'inline',
};

/** The text style the template gives a role. */
export function styleOfRole(t: Template, role: StyleRole): TextStyle {
  return resolveStyle(t, roleStyleName(t, role));
}

/** What a paragraph in a role's style gets from the style: its alignment, and its indent in twips. */
export function styleParagraph(t: Template, role: StyleRole): { justification: Justification; firstLine: number } {
  const look = LOOKS[role];
  if (look === 'inline') throw new Error(`the ${role} role has no paragraph style`);
  return { justification: look.justification, firstLine: look.firstLineIndent ? firstLineTwips(t) : 0 };
}

const firstLineTwips = (t: Template): number => twips(t.paragraph.firstLineIndent * charPitch(t));

/**
 * Word's Normal (shown as 正文 in Chinese Word) states everything; the other
 * styles are based on it and state what differs. Chinese line breaking
 * (kinsoku, with the lists of settings.xml) is on; space between Chinese
 * and Latin or digits only when the template has it. w:overflowPunct is
 * left out: absent, Word lets a closing mark hang where the PDF squeezes it
 * in (push-in), and LibreOffice does too (its DOCX import reads the element
 * inverted).
 */
function paragraphLook(t: Template, role: StyleRole, look: ParagraphLook, page: WordPage): ParagraphProperties {
  const exact = (line: number) => ({ line, lineRule: 'exact' as const });
  if (role === 'body') {
    const autoSpace = t.lineBreaking.latinSpace > 0;
    return {
      kinsoku: true,
      wordWrap: true,
      topLinePunct: false,
      autoSpaceDE: autoSpace,
      autoSpaceDN: autoSpace,
      spacing: { after: 0, before: 0, ...exact(page.pitch) },
      indent: { firstLine: firstLineTwips(t), firstLineChars: Math.round(t.paragraph.firstLineIndent * 100) },
      justification: look.justification,
    };
  }
  const indent: Indent | undefined = look.firstLineIndent === BODY.firstLineIndent ? undefined : { firstLine: 0, firstLineChars: 0 };
  return {
    ...(look.lineHeight ? { spacing: exact(twips(look.lineHeight(t))) } : {}),
    ...(indent ? { indent } : {}),
    ...(look.justification !== BODY.justification ? { justification: look.justification } : {}),
  };
}

function styleXml(t: Template, role: StyleRole, look: ParagraphLook, page: WordPage): string {
  const word = STYLE_ROLES[role].word;
  const normal = role === 'body';
  // §17.7.4.17: name, basedOn, next, qFormat, pPr, rPr.
  return element(
    'w:style',
    { 'w:type': 'paragraph', 'w:default': normal ? '1' : undefined, 'w:styleId': word.id },
    element('w:name', { 'w:val': word.name }) +
      (normal ? '' : element('w:basedOn', { 'w:val': STYLE_ROLES.body.word.id }) + element('w:next', { 'w:val': STYLE_ROLES.body.word.id })) +
      '<w:qFormat/>' +
      paragraphProperties(paragraphLook(t, role, look, page)) +
      runProperties(textRunProperties(t, styleOfRole(t, role))),
  );
}

/** Word's own default table style, for tables an editor adds. */
const TABLE_NORMAL =
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
  '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>';

/**
 * word/styles.xml. The document defaults give East Asian text its language,
 * which selects the kinsoku lists and Chinese layout rules.
 */
export function stylesXml(t: Template, page: WordPage, language: string): string {
  const defaults = `<w:docDefaults><w:rPrDefault>${runProperties({ language: { latin: 'en-US', eastAsia: language, bidi: 'ar-SA' } })}</w:rPrDefault></w:docDefaults>`;
  const styles = ALL_STYLE_ROLES.map((role) => {
    const look = LOOKS[role];
    return look === 'inline' ? '' : styleXml(t, role, look, page);
  });
  return xmlPart(element('w:styles', STYLES_NAMESPACES, defaults + styles.join('') + TABLE_NORMAL));
}
