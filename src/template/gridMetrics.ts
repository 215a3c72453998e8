// Measures derived from a template's grid, shared by the typesetter and the
// DOCX writer so that both compute them one way.
import type { Template } from './loadTemplate.js';
import { resolveStyle } from './styles.js';

/** The grid's character pitch: the text width over the characters per line. */
export function charPitch(t: Template): number {
  return t.textBlock.width / t.grid.charsPerLine;
}

/**
 * Tracking in em of the size (negative: condensed) that puts body
 * characters on the character pitch; every style is tracked by the same
 * fraction of its size, as the typesetter measures (gbt9704: 15.79 pt pitch
 * for 16 pt body text).
 */
export function trackingEm(t: Template): number {
  return charPitch(t) / resolveStyle(t, 'body').size - 1;
}
