// One page of the Layout as an SVG document. Draws exactly what the PDF
// draws, in the same order — text runs glyph by glyph, rules, images, the
// watermark, page numbers — and decides nothing: every glyph stands where the
// typesetter put it, at an explicit x (run x + the advances and spacing of
// the glyphs before it), so no browser or rasteriser re-spaces the text.
//
// Glyphs are drawn as their outlines from the build's font subsets, the ones
// the PDF embeds (svgGlyphs.ts; README: “SVG and PNG pages” says why, with
// the measurements), each outline once per page in <defs>. Over them an invisible copy of the text can be laid (textLayer),
// so that a browser selects, copies and finds it; artifacts (the watermark,
// page numbers) stay out of it, as out of the PDF's tags.
import type { SourcePos } from '../../model.js';
import { unitMap } from '../imageOrientation.js';
import type { ImageItem, Layout, LayoutPage, Rule, TextRun } from '../../typeset/layout.js';
import { svgFaceFor, type SvgFace, type SvgFaces } from './svgGlyphs.js';

/** Stroke width of the outline that makes a face without a bold cut look bold, in em (as the PDF). */
export const FAKE_BOLD_STROKE = 0.03;

export interface SvgPageOptions {
  /** An invisible, selectable copy of the text over the glyphs (for browsers; rasterising needs none). */
  textLayer?: boolean;
  /** Where a run was written, as put on its text layer element (`data-source`); none when not given. */
  sourceLabel?: (pos: SourcePos) => string;
  /** Prefix of the element ids: pages shown in one document need their own. */
  idPrefix?: string;
  /** The address of an image; default a data: URI of its bytes. */
  imageHref?: (item: ImageItem) => string;
  /**
   * Glyph outlines kept outside the page: the id of the element elsewhere in
   * the same document that draws `glyph` of `face`, undefined for a glyph
   * without ink. The page then has no <defs> of its own (the preview holds
   * each outline once for all pages).
   */
  glyphRef?: (face: SvgFace, glyph: number) => string | undefined;
}

export function svgPage(layout: Layout, page: LayoutPage, faces: SvgFaces, options: SvgPageOptions = {}): string {
  const prefix = options.idPrefix ?? '';
  const faceIndex = new Map(Object.keys(layout.faces).map((key, i) => [key, i]));
  const defs = new Map<string, string>();
  const body: string[] = [];
  const textLayer: string[] = [];
  for (const item of page.items) {
    switch (item.kind) {
      case 'text': {
        const face = svgFaceFor(faces, item.face);
        const glyphs = placeGlyphs(item, face);
        const idBase = `${prefix}g${faceIndex.get(face.face)}-`;
        const ref = options.glyphRef ? (glyph: number) => options.glyphRef!(face, glyph) : (glyph: number) => define(defs, `${idBase}${glyph}`, face.outline(glyph));
        body.push(drawRun(item, glyphs, face, ref));
        if (options.textLayer && 'node' in item.owner) textLayer.push(textOf(item, glyphs, options.sourceLabel));
        break;
      }
      case 'rule':
        body.push(drawRule(item));
        break;
      case 'image':
        body.push(drawImage(item, options.imageHref));
        break;
    }
  }
  const w = num(layout.width);
  const h = num(layout.height);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}pt" height="${h}pt" viewBox="0 0 ${w} ${h}">`,
    `<rect width="${w}" height="${h}" fill="#fff"/>`,
  ];
  if (defs.size > 0) out.push(`<defs>${[...defs.values()].join('')}</defs>`);
  out.push(...body);
  if (textLayer.length > 0) out.push(`<g class="text" fill="transparent" font-family="serif" xml:space="preserve">${textLayer.join('')}</g>`);
  out.push('</svg>\n');
  return out.join('\n');
}

interface PlacedGlyph {
  glyph: number;
  /** x of its origin from the run's x, in points. */
  dx: number;
}

/** Each glyph of the run and its x: the advances (size) and spacing of the glyphs before it. */
function placeGlyphs(run: TextRun, face: SvgFace): PlacedGlyph[] {
  const scale = run.size / face.unitsPerEm;
  const out: PlacedGlyph[] = [];
  let dx = 0;
  for (const ch of run.text) {
    // A run with actualText is a character no face has: the glyph drawn is .notdef.
    const glyph = run.actualText !== undefined ? 0 : face.glyphId(ch.codePointAt(0)!);
    out.push({ glyph, dx });
    dx += face.advance(glyph) * scale + run.charSpacing;
  }
  return out;
}

/** The id of `d` among the page's <defs>, added when it is new; undefined for a glyph without ink. */
function define(defs: Map<string, string>, id: string, d: string): string | undefined {
  if (d === '') return undefined;
  if (!defs.has(id)) defs.set(id, `<path id="${id}" d="${d}"/>`);
  return id;
}

/** `ref`: the id of the element that draws a glyph, undefined for one without ink. */
function drawRun(run: TextRun, glyphs: PlacedGlyph[], face: SvgFace, ref: (glyph: number) => string | undefined): string {
  const scale = run.size / face.unitsPerEm;
  const uses: string[] = [];
  for (const { glyph, dx } of glyphs) {
    const id = ref(glyph);
    // A glyph without ink (a space) draws nothing.
    if (id === undefined) continue;
    uses.push(`<use xlink:href="#${id}"${dx === 0 ? '' : ` x="${num(dx / scale, 1)}"`}/>`);
  }
  if (uses.length === 0) return '';
  const color = run.color.rgb;
  const paint = run.bold
    ? `fill="${color}" stroke="${color}" stroke-width="${num(FAKE_BOLD_STROKE * face.unitsPerEm, 2)}" stroke-miterlimit="10"`
    : `fill="${color}"`;
  const group = `<g ${paint} transform="matrix(${num(scale, 6)} 0 0 ${num(-scale, 6)} ${num(run.x)} ${num(run.y)})">${uses.join('')}</g>`;
  return run.rotation ? `<g transform="${rotate(run)}">${group}</g>` : group;
}

/** The run's text, invisible, each character at its glyph's x. */
function textOf(run: TextRun, glyphs: PlacedGlyph[], sourceLabel: SvgPageOptions['sourceLabel']): string {
  const text = run.actualText ?? run.text;
  const chars = [...text];
  const source = sourceLabel && run.source ? ` data-source="${escapeXml(sourceLabel(run.source))}"` : '';
  const transform = run.rotation ? ` transform="${rotate(run)}"` : '';
  const attrs = `y="${num(run.y)}" font-size="${num(run.size)}"${source}${transform}`;
  const xs = chars.map((_, i) => num(run.x + (glyphs[i]?.dx ?? glyphs.at(-1)?.dx ?? 0)));
  // SVG 1.1 counts the characters an x list positions in UTF-16 units, SVG 2
  // in code points: text beyond the BMP gets one element per character.
  if (chars.some((c) => c.length > 1)) return chars.map((c, i) => `<text x="${xs[i]}" ${attrs}>${escapeXml(c)}</text>`).join('');
  return `<text x="${xs.join(' ')}" ${attrs}>${escapeXml(text)}</text>`;
}

function drawRule(rule: Rule): string {
  return `<line x1="${num(rule.x1)}" y1="${num(rule.y1)}" x2="${num(rule.x2)}" y2="${num(rule.y2)}" stroke="${rule.color.rgb}" stroke-width="${num(rule.thickness)}"/>`;
}

function drawImage(image: ImageItem, href: SvgPageOptions['imageHref']): string {
  const url = href ? href(image) : `data:image/${image.format};base64,${Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength).toString('base64')}`;
  if (image.orientation === 1) {
    return `<image x="${num(image.x)}" y="${num(image.y)}" width="${num(image.width)}" height="${num(image.height)}" preserveAspectRatio="none" xlink:href="${escapeXml(url)}"/>`;
  }
  // Turned: the stored picture drawn in the unit square, mapped onto its box (src/render/imageOrientation.ts).
  const [a, b, c, d, e, f] = unitMap(image.orientation);
  const { x, y, width: w, height: h } = image;
  const matrix = [w * a, h * b, w * c, h * d, x + w * e, y + h * f].map((n) => num(n, 4)).join(' ');
  return `<image width="1" height="1" preserveAspectRatio="none" transform="matrix(${matrix})" xlink:href="${escapeXml(url)}"/>`;
}

function rotate(run: TextRun): string {
  const r = run.rotation!;
  return `rotate(${num(r.angle)} ${num(r.cx)} ${num(r.cy)})`;
}

/** A number with at most `digits` decimals, without trailing zeros. */
function num(n: number, digits = 2): string {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return String(Object.is(r, -0) ? 0 : r);
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
