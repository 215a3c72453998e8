// One page's content: every item of the Layout in its order, text runs as
// glyph ids of the subset at their baselines with their spacing, fake bold as
// fill and stroke, the watermark rotated about its centre, rules, images; each
// run of items of one owner a marked-content sequence — an MCID of the
// structure element of its node, or an Artifact.
import { drawingSubset, type FaceSubset } from '../../fonts/subsets.js';
import { unitMap } from '../imageOrientation.js';
import type { ArtifactKind, Color, ImageItem, LayoutItem, LayoutPage, Owner, TextRun } from '../../typeset/layout.js';
import { ContentStream, type DeviceColor } from './content.js';
import { CmykNotAllowed, type ImageStore } from './images.js';
import { name, textString, type PdfDict } from './objects.js';
import type { StructElem } from './structure.js';

/** Stroke width of the outline that makes a face without a bold cut look bold, in em (what the earlier writer drew). */
export const FAKE_BOLD_STROKE = 0.03;

/** An image whose header read well but whose data does not decode. */
export class ImageDecodeError extends Error {
  constructor(
    readonly source: ImageItem['source'],
    readonly detail: string,
  ) {
    super(`${source.src}: ${detail}`);
  }
}

/** A CMYK image in a file that may not draw DeviceCMYK (PDF/A with its sRGB output intent). */
export class CmykImageError extends Error {
  constructor(readonly source: ImageItem['source']) {
    super(`${source.src}: CMYK`);
  }
}

/** A glyph that PDF/A-2 cannot show: no face has it, so it would be .notdef. */
export class NotdefGlyphError extends Error {
  constructor(readonly run: TextRun) {
    super(`no glyph for ${run.actualText ?? run.text}`);
  }
}

export interface PageContext {
  height: number;
  fonts: Map<string, { resource: string; subset: FaceSubset }>;
  images: ImageStore;
  leaves: Map<number, StructElem>;
  /** Draw CMYK colours in DeviceCMYK (else their RGB). */
  deviceCmyk: boolean;
  /** Refuse .notdef glyphs. */
  noNotdef: boolean;
}

export interface PageContent {
  content: Buffer;
  fonts: Set<string>;
  images: Map<string, import('./objects.js').PdfRef>;
  /** The structure element of each MCID, in order. */
  marked: StructElem[];
}

const ARTIFACTS: Record<ArtifactKind, PdfDict> = {
  pagination: { Type: name('Pagination'), Subtype: name('Footer') },
  watermark: { Type: name('Pagination'), Subtype: name('Watermark') },
  layout: { Type: name('Layout') },
};

function deviceColor(c: Color, cmyk: boolean): DeviceColor {
  if (cmyk && c.cmyk) {
    const [cc, m, y, k] = c.cmyk;
    return { space: 'cmyk', c: cc / 100, m: m / 100, y: y / 100, k: k / 100 };
  }
  const hex = c.rgb.replace('#', '');
  const v = (i: number) => parseInt(hex.slice(i, i + 2), 16) / 255;
  return { space: 'rgb', r: v(0), g: v(2), b: v(4) };
}

const sameOwner = (a: Owner, b: Owner) => ('node' in a && 'node' in b ? a.node === b.node : 'artifact' in a && 'artifact' in b && a.artifact === b.artifact);

export function drawPage(page: LayoutPage, pageIndex: number, ctx: PageContext): PageContent {
  const out = new ContentStream();
  const fonts = new Set<string>();
  const images = new Map<string, import('./objects.js').PdfRef>();
  const marked: StructElem[] = [];
  const H = ctx.height;

  const text = (run: TextRun) => {
    // A face that draws nothing but missing characters has no subset: the first one's .notdef stands in (drawingSubset).
    const font = run.actualText !== undefined ? drawingSubset(ctx.fonts, run.face) : ctx.fonts.get(run.face);
    if (!font) throw new Error(`no font for face ${run.face}`);
    fonts.add(font.resource);
    let hex = '';
    let faithful = true;
    for (const ch of run.text) {
      const cp = ch.codePointAt(0)!;
      const gid = font.subset.glyphOf.get(cp) ?? 0;
      if (gid === 0 && ctx.noNotdef) throw new NotdefGlyphError(run);
      if (font.subset.codePointOf.get(gid) !== cp) faithful = false;
      hex += gid.toString(16).toUpperCase().padStart(4, '0');
    }
    // A glyph that cannot say what it stands for (.notdef, or one glyph for two characters), or an address's pieces: the marked content does.
    const actual = run.actualText ?? run.copyText ?? (faithful ? undefined : run.text);
    if (actual !== undefined) out.beginMarked('Span', { ActualText: textString(actual) });
    const color = deviceColor(run.color, ctx.deviceCmyk);
    const draw = {
      font: font.resource,
      size: run.size,
      x: run.x,
      y: H - run.y,
      hex,
      charSpacing: run.charSpacing,
      color,
      ...(run.bold ? { boldStroke: run.size * FAKE_BOLD_STROKE } : {}),
    };
    if (run.rotation) {
      // Clockwise on the page by `angle` about (cx, cy): in PDF's y-up space, [cos −sin sin cos] about (cx, H − cy).
      const t = (run.rotation.angle * Math.PI) / 180;
      const [cos, sin] = [Math.cos(t), Math.sin(t)];
      const cx = run.rotation.cx;
      const cy = H - run.rotation.cy;
      out.save();
      out.transform(cos, -sin, sin, cos, cx - cos * cx - sin * cy, cy + sin * cx - cos * cy);
      out.text(draw);
      out.restore();
    } else {
      out.text(draw);
    }
    if (actual !== undefined) out.endMarked();
  };

  const image = (item: ImageItem) => {
    let xobject;
    try {
      xobject = ctx.images.get(item.format, item.data);
    } catch (err) {
      if (err instanceof CmykNotAllowed) throw new CmykImageError(item.source);
      throw new ImageDecodeError(item.source, (err as Error).message);
    }
    images.set(xobject.resource, xobject.ref);
    out.image(xobject.resource, imageMatrix(item, H));
  };

  const draw = (item: LayoutItem) => {
    if (item.kind === 'text') text(item);
    else if (item.kind === 'rule') out.line(item.x1, H - item.y1, item.x2, H - item.y2, item.thickness, deviceColor(item.color, ctx.deviceCmyk));
    else image(item);
  };

  const items = page.items;
  let i = 0;
  while (i < items.length) {
    const owner = items[i]!.owner;
    let j = i;
    while (j + 1 < items.length && sameOwner(items[j + 1]!.owner, owner)) j++;
    if ('artifact' in owner) {
      out.beginMarked('Artifact', ARTIFACTS[owner.artifact]);
    } else {
      const elem = ctx.leaves.get(owner.node);
      if (!elem) throw new Error(`item owned by node ${owner.node}, which is not in the set tree`);
      const mcid = marked.length;
      marked.push(elem);
      elem.kids.push({ page: pageIndex, mcid });
      out.beginMarked(elem.type, { MCID: mcid });
    }
    for (let k = i; k <= j; k++) draw(items[k]!);
    out.endMarked();
    i = j + 1;
  }
  return { content: out.bytes(), fonts, images, marked };
}

/**
 * Where an image's unit square goes: its box, in y-up space, turned by its
 * orientation (src/render/imageOrientation.ts; the typesetter has already
 * swapped width and height for 5–8). In image space the stored picture's
 * top row is at j = 1, so a stored point (s, t) is (i, 1 − j).
 */
export function imageMatrix(item: ImageItem, pageHeight: number): [number, number, number, number, number, number] {
  const [a, b, c, d, e, f] = unitMap(item.orientation);
  const { x, y, width: w, height: h } = item;
  return [w * a, -h * b, -w * c, h * d, x + w * (c + e), pageHeight - y - h * (d + f)].map((n) => n || 0) as [number, number, number, number, number, number];
}
