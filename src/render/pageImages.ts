// The Layout as page images, one file a page: SVG documents (with their text
// selectable), or PNG images rasterised from the same SVG.
import os from 'node:os';
import type { Layout } from '../typeset/layout.js';
import { svgToPng } from './png.js';
import { renderSvg } from './svg/renderSvg.js';

export type PageImageFormat = 'png' | 'svg';

/** Each page's file, in page order. */
export async function renderPageImages(layout: Layout, format: PageImageFormat, dpi: number): Promise<Uint8Array[]> {
  if (format === 'svg') return (await renderSvg(layout, { textLayer: true })).map((s) => Buffer.from(s, 'utf8'));
  const svgs = await renderSvg(layout);
  // A few pages at a time: a page at 600 dpi holds 140 MB of pixels while it is drawn.
  const out: Uint8Array[] = [];
  const batch = Math.max(1, os.availableParallelism());
  for (let i = 0; i < svgs.length; i += batch) out.push(...(await Promise.all(svgs.slice(i, i + batch).map((svg) => svgToPng(svg, dpi)))));
  return out;
}
