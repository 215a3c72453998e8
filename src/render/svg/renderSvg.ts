// Layout → one SVG document a page (the third writer beside the PDF and the
// DOCX; src/render/svg/svgPage.ts draws a page).
import type { Layout } from '../../typeset/layout.js';
import { svgFacesOf } from './svgGlyphs.js';
import { svgPage, type SvgPageOptions } from './svgPage.js';

/** Every page of the Layout as an SVG document, in page order. */
export async function renderSvg(layout: Layout, options: SvgPageOptions = {}): Promise<string[]> {
  const faces = await svgFacesOf(layout);
  return layout.pages.map((page) => svgPage(layout, page, faces, options));
}
