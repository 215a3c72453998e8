// Layout → one SVG document a page (the third writer beside the PDF and the
// DOCX; src/render/svg/svgPage.ts draws a page).
import type { Layout } from '../../typeset/layout.js';
import { faceOutlines } from './glyphOutlines.js';
import { svgPage, type SvgFaces, type SvgPageOptions } from './svgPage.js';

/** The outlines of every face the Layout names, loaded once per process. */
export async function svgFacesOf(layout: Layout): Promise<SvgFaces> {
  const entries = await Promise.all(Object.entries(layout.faces).map(async ([key, info]) => [key, await faceOutlines(info.file)] as const));
  return Object.fromEntries(entries);
}

/** Every page of the Layout as an SVG document, in page order. */
export async function renderSvg(layout: Layout, options: SvgPageOptions = {}): Promise<string[]> {
  const faces = await svgFacesOf(layout);
  return layout.pages.map((page) => svgPage(layout, page, faces, options));
}
