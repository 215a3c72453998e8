// The page in Word's units. Word counts in twips (1/20 pt); every vertical
// size of the DOCX is a whole number of twips derived here, so that the
// paragraphs of a page add up to exactly what the PDF puts on it and Word and
// LibreOffice break pages where the typesetter did.
import type { Template } from '../template/loadTemplate.js';

export const twips = (pt: number): number => Math.round(pt * 20);
export const halfPoints = (pt: number): number => Math.round(pt * 2);
/** Border widths are in eighths of a point. */
export const eighths = (pt: number): number => Math.round(pt * 8);

export interface DocxGeometry {
  pageWidth: number;
  pageHeight: number;
  /** The line pitch, rounded down so that linesPerPage lines always fit the text block. */
  pitch: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  footer: number;
  textWidth: number;
  /** Run character spacing that puts body characters on the grid's character pitch (gbt9704: 15.79 pt). */
  tracking: number;
}

export function docxGeometry(t: Template, pageNumberSize: number): DocxGeometry {
  const pageWidth = twips(t.page.width);
  const pageHeight = twips(t.page.height);
  const pitch = Math.floor(t.grid.linePitch * 20);
  const top = twips(t.textBlock.top);
  // Never narrower or shorter than the text block: N characters and L lines must fit.
  const body = Math.max(Math.ceil(t.textBlock.height * 20), t.grid.linesPerPage * pitch);
  const textWidth = Math.ceil(t.textBlock.width * 20);
  const left = Math.floor(t.textBlock.inner * 20);
  const bottom = pageHeight - top - body;
  // The page number's em box starts `offset` below the text block; Word
  // measures the footer from the page's bottom edge to the footer's bottom.
  const footer = Math.max(0, bottom - twips(t.pageNumber.offset + pageNumberSize));
  const bodySize = t.styles.body?.size ?? 16;
  const charPitch = t.textBlock.width / t.grid.charsPerLine;
  // Twentieths of a point, rounded down: N characters must not overflow the line.
  const tracking = Math.floor((charPitch - bodySize) * 20);
  return { pageWidth, pageHeight, pitch, top, bottom, left, right: pageWidth - left - textWidth, footer, textWidth, tracking };
}
