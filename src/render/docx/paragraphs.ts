// What every writer module needs: the template and the page in twips, the
// images the document holds, alignments, a paragraph element, the typesetter's keeps in
// the words of paragraph properties, and an empty paragraph of a given
// height (the space the PDF leaves above the body and above the 报尾).
import type { Template } from '../../template/loadTemplate.js';
import { STYLE_ROLES } from '../../template/styleRoles.js';
import type { Align, Keeps, NodeId, SetFigure } from '../../typeset/layout.js';
import { spacerLine, type WordPage } from './geometry.js';
import type { Media } from './package.js';
import { paragraphProperties, type Justification, type ParagraphProperties } from './properties.js';

export interface WriteContext {
  t: Template;
  page: WordPage;
  media: Media;
  /**
   * Figures that went to the top of the next page, by the text node whose
   * lines filled the page before them (SetFigure.float.after): written
   * after those lines, in page order, not where they stand in the tree.
   */
  floats: Map<NodeId, SetFigure[]>;
}

/** The typesetter's alignments in Word's words. */
export const JUSTIFICATION: Record<Align, Justification> = { justify: 'both', left: 'left', center: 'center', right: 'right' };

/** A w:p with its properties and its runs (XML already written). */
export function paragraph(properties: ParagraphProperties, runs = ''): string {
  return `<w:p>${paragraphProperties(properties)}${runs}</w:p>`;
}

/**
 * The keeps the typesetter resolved for a block (Keeps.keepWithNext,
 * keepLinesTogether, widowControl), as they are. Widow control is written
 * on and off, so no application's default decides it.
 */
export function keepProperties(keeps: Keeps): Pick<ParagraphProperties, 'keepNext' | 'keepLines' | 'widowControl'> {
  return { keepNext: keeps.keepWithNext, keepLines: keeps.keepLinesTogether, widowControl: keeps.widowControl };
}

/** An empty body paragraph `height` twips high, optionally starting a page or kept with what follows it. */
export function spacer(height: number, pageBreakBefore = false, keepNext = false): string {
  return paragraph({ style: STYLE_ROLES.body.word.id, ...(keepNext ? { keepNext } : {}), pageBreakBefore, spacing: { after: 0, before: 0, line: spacerLine(height), lineRule: 'exact' } });
}
