// Word paragraph styles by role, from the template: East Asian font by its
// Windows name, Latin font, size, exact line spacing on the grid, first-line
// indent in characters. An editor restyles the document through these.
import { AlignmentType, LineRuleType, Paragraph, type IParagraphStyleOptions } from 'docx';
import { charPitch, trackingEm } from '../template/gridMetrics.js';
import type { Template } from '../template/loadTemplate.js';
import { roleStyleName, STYLE_ROLES, type StyleRole } from '../template/styleRoles.js';
import { resolveStyle, type TextStyle } from '../template/styles.js';
import { sizeProps, twips, type DocxGeometry } from './docxGeometry.js';

/** The Word font names of a face: East Asian and Latin. */
export function wordFonts(t: Template, face: string): { eastAsia: string; ascii: string; hAnsi: string; cs: string } {
  const spec = t.faces[face]!;
  const latin = spec.wordLatinName ?? spec.wordName;
  return { eastAsia: spec.wordName, ascii: latin, hAnsi: latin, cs: latin };
}

/** A colour of the template as Word writes it: hex digits, upper case, no '#'. */
export function wordColor(t: Template, name: string): string {
  return t.colors[name]!.rgb.slice(1).toUpperCase();
}

/**
 * Character spacing in twentieths of a point that tracks text of `size` as
 * the typesetter does (trackingEm of its size: gbt9704 puts 16 pt body text
 * on its 15.79 pt pitch), rounded down so that a line never overflows.
 * Nothing where the grid needs no tracking (jianbao).
 */
function tracking(t: Template, size: number): { characterSpacing?: number } {
  const spacing = Math.floor(trackingEm(t) * size * 20 + 1e-9);
  return spacing === 0 ? {} : { characterSpacing: spacing };
}

/** A size in Word's run properties, with the tracking that goes with it (styles, and runs set at another size than their style's). */
export function sizedRun(t: Template, size: number): { size: number; sizeComplexScript: number; characterSpacing?: number } {
  return { ...sizeProps(size), ...tracking(t, size) };
}

/** An empty Normal paragraph of exactly `height` twips (at least one twip's line), optionally starting a page. */
export function spacer(height: number, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    style: STYLE_ROLES.body.word.id,
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
    spacing: { before: 0, after: 0, line: Math.max(20, height), lineRule: LineRuleType.EXACT },
    children: [],
  });
}

function runOf(t: Template, s: TextStyle): IParagraphStyleOptions['run'] {
  return {
    font: wordFonts(t, s.face),
    ...sizedRun(t, s.size),
    bold: s.bold,
    color: wordColor(t, s.color),
  };
}

/** The style a role is set in. */
export function styleOf(t: Template, role: StyleRole): TextStyle {
  return resolveStyle(t, roleStyleName(t, role));
}

export function paragraphStyles(t: Template, geo: DocxGeometry): IParagraphStyleOptions[] {
  const indentChars = t.paragraph.firstLineIndent;
  const exact = (pt: number) => ({ line: twips(pt), lineRule: LineRuleType.EXACT });
  const onGrid = { line: geo.pitch, lineRule: LineRuleType.EXACT };
  const style = (role: StyleRole, paragraph: IParagraphStyleOptions['paragraph']): IParagraphStyleOptions => ({
    id: STYLE_ROLES[role].word.id,
    name: STYLE_ROLES[role].word.name,
    ...(role === 'body' ? {} : { basedOn: 'Normal', next: 'Normal' }),
    quickFormat: true,
    // Each style tracked for its own size, as the typesetter tracks it.
    run: runOf(t, styleOf(t, role)),
    paragraph,
  });
  const titleStyle = styleOf(t, 'articleTitle');
  return [
    style('body', {
      alignment: AlignmentType.BOTH,
      spacing: { ...onGrid, before: 0, after: 0 },
      indent: { firstLine: twips(indentChars * charPitch(t)), firstLineChars: Math.round(indentChars * 100) },
    }),
    style('mastheadOrganization', { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 } }),
    style('mastheadTitle', { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 } }),
    style('mastheadNumber', { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 } }),
    style('mastheadEditor', { alignment: AlignmentType.LEFT, indent: { firstLine: 0, firstLineChars: 0 } }),
    style('section', { alignment: AlignmentType.LEFT, keepNext: t.article.sectionKeepLines > 0, indent: { firstLine: 0, firstLineChars: 0 } }),
    style('articleTitle', {
      alignment: AlignmentType.CENTER,
      keepNext: true,
      keepLines: true,
      spacing: exact(titleStyle.size * t.article.titleLineHeight),
      indent: { firstLine: 0, firstLineChars: 0 },
    }),
    style('heading1', { keepNext: t.article.headingKeepLines > 0 }),
    style('heading2', { keepNext: t.article.headingKeepLines > 0 }),
    style('heading3', { keepNext: t.article.headingKeepLines > 0 }),
    style('caption', { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 } }),
    style('quote', {}),
    style('source', { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, firstLineChars: 0 } }),
    style('table', { alignment: AlignmentType.LEFT, indent: { firstLine: 0, firstLineChars: 0 } }),
    style('distribution', {
      alignment: AlignmentType.BOTH,
      spacing: exact(t.distribution.linePitch),
      indent: { firstLine: 0, firstLineChars: 0 },
    }),
    style('pageNumber', {
      alignment: AlignmentType.RIGHT,
      spacing: exact(styleOf(t, 'pageNumber').size),
      indent: { firstLine: 0, firstLineChars: 0 },
    }),
  ];
}
