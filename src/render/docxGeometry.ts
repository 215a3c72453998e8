// The page in Word's units. Word counts in twips (1/20 pt); every vertical
// size of the DOCX is a whole number of twips derived here, so that the
// paragraphs of a page add up to exactly what the PDF puts on it and Word and
// LibreOffice break pages where the typesetter did.
import { BorderStyle, type IBorderOptions } from 'docx';
import type { Template } from '../template/loadTemplate.js';

export const twips = (pt: number): number => Math.round(pt * 20);
const halfPoints = (pt: number): number => Math.round(pt * 2);
/** Border widths are in eighths of a point. */
const eighths = (pt: number): number => Math.round(pt * 8);

/** A single rule `pt` thick in `color` (hex without '#'), as a table or paragraph border. */
export const ruleBorder = (pt: number, color: string): IBorderOptions => ({ style: BorderStyle.SINGLE, size: eighths(pt), color });

/** No border. */
export const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * Twips a border adds to the height of what it is drawn on: Word and
 * LibreOffice put a paragraph's or a table's rules outside its lines.
 */
export const borderTwips = (border: IBorderOptions): number => ((border.size ?? 0) * 20) / 8;

/** Run size in half-points, for East Asian and complex-script text alike. */
export const sizeProps = (pt: number): { size: number; sizeComplexScript: number } => ({ size: halfPoints(pt), sizeComplexScript: halfPoints(pt) });

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
  return { pageWidth, pageHeight, pitch, top, bottom, left, right: pageWidth - left - textWidth, footer, textWidth };
}
