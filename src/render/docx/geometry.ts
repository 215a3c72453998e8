// The typesetter's points in Word's units, and the few sizes Word needs that
// the PDF does not: Word and LibreOffice add rules to the height of what
// they are drawn on, where the PDF draws them on the grid lines, so lines
// give that height back. Every vertical size of the DOCX is a whole number
// of twips derived here, so that a page's paragraphs add up to exactly what
// the PDF puts on it and Word and LibreOffice break pages where it does.
import type { Template } from '../../template/loadTemplate.js';

/** Twentieths of a point: Word's unit of length. */
export const twips = (pt: number): number => Math.round(pt * 20);
/** Run sizes are in half-points. */
export const halfPoints = (pt: number): number => Math.round(pt * 2);
/** Rule widths are in eighths of a point. */
export const eighthPoints = (pt: number): number => Math.round(pt * 8);
/** Drawings are in EMUs (12,700 a point), rounded down so an image is never larger than typeset. */
export const emus = (pt: number): number => Math.floor(pt * 12700);

/** Twips a rule of `size` eighths of a point adds to the height of what it is drawn on. */
export const ruleTwips = (size: number): number => (size * 20) / 8;

export interface WordPage {
  width: number;
  height: number;
  /** The line pitch, rounded down so that linesPerPage lines always fit the text block. */
  pitch: number;
  /** Never narrower than the text block: N characters must fit a line. */
  textWidth: number;
  margins: { top: number; right: number; bottom: number; left: number; header: number; footer: number; gutter: number };
}

/** The page of the template in twips; the page number's em box starts pageNumber.offset below the text block. */
export function wordPage(t: Template, pageNumberSize: number): WordPage {
  const width = twips(t.page.width);
  const height = twips(t.page.height);
  const pitch = Math.floor(t.grid.linePitch * 20);
  const top = twips(t.textBlock.top);
  // Never shorter than the text block either: L lines must fit a page.
  const body = Math.max(Math.ceil(t.textBlock.height * 20), t.grid.linesPerPage * pitch);
  const textWidth = Math.ceil(t.textBlock.width * 20);
  const left = Math.floor(t.textBlock.inner * 20);
  const bottom = height - top - body;
  // Word measures the footer from the page's bottom edge to the footer's bottom.
  const footer = Math.max(0, bottom - twips(t.pageNumber.offset + pageNumberSize));
  return { width, height, pitch, textWidth, margins: { top, right: width - left - textWidth, bottom, left, header: Math.round(top / 2), footer, gutter: 0 } };
}

/**
 * Character spacing in twentieths of a point that tracks text of `size` by
 * `trackingEm` of its size, as the typesetter does (gbt9704 puts 16 pt body
 * text on its 15.79 pt pitch), rounded down so that a line never overflows;
 * undefined when there is none (jianbao).
 */
export function characterSpacing(trackingEm: number, size: number): number | undefined {
  const spacing = Math.floor(trackingEm * size * 20 + 1e-9);
  return spacing === 0 ? undefined : spacing;
}

/**
 * A title on whole grid lines: the space above it (none at the top of a
 * page), its lines centred in the grid lines they take, the space below;
 * before + lines + after add up to exactly that many grid lines.
 */
export function titleSpacing(pitch: number, grid: { above: number; lines: number; below: number }, lineCount: number, lineHeight: number): { before: number; after: number; line: number } {
  const line = twips(lineHeight);
  const total = (grid.above + grid.lines + grid.below) * pitch;
  const before = grid.above * pitch + Math.floor((grid.lines * pitch - lineCount * line) / 2);
  return { before, after: total - before - lineCount * line, line };
}

/**
 * The line height of a paragraph in a 编者按's box. Word and LibreOffice add
 * the box's top and bottom rules to the flow, where the PDF draws them on the
 * grid lines; every piece of a box on a page has both, so each line gives
 * back enough of the pitch that the shortest piece allowed on a page pays for
 * both rules.
 */
export function boxedLineHeight(pitch: number, ruleSize: number, shortestPiece: number): number {
  return pitch - Math.ceil((2 * ruleTwips(ruleSize)) / Math.max(1, shortestPiece));
}

/** A box's side rule lies `inside` twips out from the paragraph's text; Word takes that gap in whole points, 0 to 31. */
export function borderSpace(inside: number): number {
  return Math.min(31, Math.max(0, Math.round(inside / 20)));
}

/**
 * A table row's height, rules not counted: Word and LibreOffice add each
 * row's rule below it, and the first row's rule above it too, to the height
 * asked for (measured in LibreOffice 7.4: a one-line first row of 580 twips
 * and half-point rules takes 600, a two-line row after it of 1190 takes
 * 1200). Each row so takes its grid lines exactly, as in the PDF.
 */
export function tableRowHeight(pitch: number, ruleSize: number, gridLines: number, first: boolean): number {
  return gridLines * pitch - (first ? 2 : 1) * ruleTwips(ruleSize);
}

/** The line height inside a row: the row's height shared out in whole twips (the rest, under a twip a line, stays at the row's foot). */
export function tableLineHeight(pitch: number, ruleSize: number, gridLines: number, first: boolean): number {
  return Math.floor(tableRowHeight(pitch, ruleSize, gridLines, first) / Math.max(1, gridLines));
}

/** Column widths in points as twips that add up to exactly `width`. */
export function columnTwips(columns: readonly number[], width: number): number[] {
  const total = columns.reduce((a, b) => a + b, 0);
  let sum = 0;
  const edges = [0, ...columns.map((w) => Math.round(((sum += w) / total) * width))];
  return columns.map((_, c) => edges[c + 1]! - edges[c]!);
}

/** An empty paragraph's exact line height: `height` twips, but at least a point. */
export const spacerLine = (height: number): number => Math.max(20, height);

/**
 * From the masthead's red rule (its table's bottom border, which Word and
 * LibreOffice add below the row) down to the grid line the body starts on.
 */
export function mastheadGap(pitch: number, firstGridLine: number, tableHeight: number, ruleSize: number): number {
  return firstGridLine * pitch - tableHeight - ruleTwips(ruleSize);
}

/**
 * From the end of the content to the 报尾's top, less the rules Word and
 * LibreOffice add to its table's height (two thick ones and a thin one
 * between rows); rounded down, so the table never spills onto a new page.
 */
export function distributionGap(top: number, contentBottom: number, rows: number, thickSize: number, thinSize: number): number {
  return Math.floor((top - contentBottom) * 20 - 2 * ruleTwips(thickSize) - (rows - 1) * ruleTwips(thinSize));
}
