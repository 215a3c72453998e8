// A JPEG whose EXIF orientation turns or mirrors it (all eight, 1–8) is laid
// out as it is seen and drawn so in every output. The picture is four flat
// quadrants of four colours (tests/helpers/jpegEncoder.ts), stored 320 × 160
// pixels; each output is rasterised — the PDF by poppler, the PNG pages by
// resvg, the DOCX by LibreOffice and then poppler — and in each the image is
// found (the coloured pixels around its box's centre), its size measured and
// the colour at each quadrant's centre read. The OFD is checked by its CTM,
// and drawn by ofd.js in Chromium (tests/helpers/ofdViewer.ts) when there is one.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIssue } from '../../src/build.js';
import { pageFileName } from '../../src/pageFiles.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadProject } from '../../src/project/config.js';
import { inspectImage } from '../../src/read/imageFile.js';
import type { ImageItem, Layout } from '../../src/typeset/layout.js';
import { displayedCorners, QUADRANTS, quadrantJpeg, type Corner, type Rgb } from '../helpers/jpegEncoder.js';
import { docxToPdf, fontconfigFor } from '../helpers/libreoffice.js';
import { readOfdFile, type ImageObject } from '../helpers/ofdReader.js';
import { CHROMIUM, renderOfdPages } from '../helpers/ofdViewer.js';
import { decodePng, type Pixels } from '../helpers/pngPixels.js';
import { MINIMAL, tempDir, writeProject } from '../helpers/project.js';
import { typesetFiles, type Typeset } from '../helpers/typeset.js';

const ORIENTATIONS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const STORED = { width: 320, height: 160 };
const DPI = 100;
const CORNERS: Corner[] = ['topLeft', 'topRight', 'bottomLeft', 'bottomRight'];

function files(): Record<string, string | Uint8Array> {
  const out: Record<string, string | Uint8Array> = { ...MINIMAL };
  // Both byte orders of the Exif data: odd orientations little-endian, even big-endian.
  for (const o of ORIENTATIONS) out[`issues/2024-09/images/o${o}.jpg`] = quadrantJpeg(STORED.width, STORED.height, { orientation: o, byteOrder: o % 2 ? 'II' : 'MM' });
  out['issues/2024-09/01-a.md'] = `---\ntitle: 测试文章\n---\n\n${ORIENTATIONS.map((o) => `第${o}图之前。\n\n![](images/o${o}.jpg)\n\n`).join('')}正文最后一段。\n`;
  return out;
}

/** Each image item of the layout with its page (1-based) and orientation, by the file it names. */
function imagesOf(layout: Layout): Map<number, { page: number; item: ImageItem }> {
  const out = new Map<number, { page: number; item: ImageItem }>();
  for (const page of layout.pages) {
    for (const item of page.items) if (item.kind === 'image') out.set(Number(/o(\d)\.jpg$/.exec(item.source.src)![1]), { page: page.number, item });
  }
  return out;
}

const coloured = (p: Pixels, x: number, y: number): boolean => {
  const i = (y * p.width + x) * 3;
  const r = p.rgb[i]!;
  const g = p.rgb[i + 1]!;
  const b = p.rgb[i + 2]!;
  return Math.max(r, g, b) - Math.min(r, g, b) > 100;
};

/** The box of the coloured pixels connected to (x, y), in pixels. */
function colouredBox(p: Pixels, x0: number, y0: number): { left: number; top: number; right: number; bottom: number } {
  if (!coloured(p, x0, y0)) throw new Error(`no image at (${x0}, ${y0})`);
  const seen = new Uint8Array(p.width * p.height);
  const stack = [[x0, y0]];
  const box = { left: x0, top: y0, right: x0, bottom: y0 };
  seen[y0 * p.width + x0] = 1;
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    box.left = Math.min(box.left, x!);
    box.right = Math.max(box.right, x!);
    box.top = Math.min(box.top, y!);
    box.bottom = Math.max(box.bottom, y!);
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
      const nx = x! + dx;
      const ny = y! + dy;
      if (nx < 0 || ny < 0 || nx >= p.width || ny >= p.height || seen[ny * p.width + nx]) continue;
      seen[ny * p.width + nx] = 1;
      if (coloured(p, nx, ny)) stack.push([nx, ny]);
    }
  }
  return box;
}

/** Which stored quadrant a colour is (the nearest of the four), or undefined when it is none of them. */
function quadrantOf(rgb: Rgb): Corner | undefined {
  let best: { corner: Corner; d: number } | undefined;
  for (const corner of CORNERS) {
    const c = QUADRANTS[corner];
    const d = Math.hypot(rgb[0] - c[0], rgb[1] - c[1], rgb[2] - c[2]);
    if (!best || d < best.d) best = { corner, d };
  }
  return best && best.d < 90 ? best.corner : undefined;
}

interface Seen {
  /** The image's size on the page, in points. */
  width: number;
  height: number;
  /** The stored quadrant seen at each corner of the box. */
  at: Record<Corner, Corner | undefined>;
}

/** The image drawn around `item`'s box on a page rendered at `px` pixels a point. */
function seenOn(p: Pixels, item: ImageItem, px = DPI / 72): Seen {
  const box = colouredBox(p, Math.round((item.x + item.width / 2) * px), Math.round((item.y + item.height / 2) * px));
  const w = box.right - box.left + 1;
  const h = box.bottom - box.top + 1;
  const sample = (u: number, v: number): Corner | undefined => {
    const i = (Math.round(box.top + v * h) * p.width + Math.round(box.left + u * w)) * 3;
    return quadrantOf([p.rgb[i]!, p.rgb[i + 1]!, p.rgb[i + 2]!]);
  };
  return {
    width: w / px,
    height: h / px,
    at: { topLeft: sample(0.25, 0.25), topRight: sample(0.75, 0.25), bottomLeft: sample(0.25, 0.75), bottomRight: sample(0.75, 0.75) },
  };
}

/** What an image of orientation `o` must look like: each displayed corner shows the stored quadrant the EXIF table puts there. */
function expected(o: number): Record<Corner, Corner> {
  const shown = displayedCorners(o);
  const at = {} as Record<Corner, Corner>;
  for (const stored of CORNERS) at[shown[stored]] = stored;
  return at;
}

function pdfPages(pdf: string, dir: string): Pixels[] {
  execFileSync('pdftoppm', ['-png', '-r', String(DPI), pdf, path.join(dir, 'p')]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const name = (k: number) => path.join(dir, `p-${String(k).padStart(String(pages).length, '0')}.png`);
  return Array.from({ length: pages }, (_, k) => decodePng(readFileSync(name(k + 1))));
}

describe('EXIF orientations 1–8 in every output', () => {
  let set: Typeset;
  let images: Map<number, { page: number; item: ImageItem }>;
  let out: string;
  beforeAll(async () => {
    set = typesetFiles(files());
    images = imagesOf(set.layout);
    const root = writeProject(files());
    await buildIssue(loadProject(root, new Diagnostics()), '2024-09', { formats: ['pdf', 'docx', 'ofd', 'png'], dpi: DPI });
    out = path.join(root, 'out');
  }, 300_000);

  it('lays each image out as it is seen: 5–8 swap its width and height', () => {
    expect([...images.keys()].sort()).toEqual([...ORIENTATIONS]);
    const upright = images.get(1)!.item;
    // 320 × 160 pixels at the template's 150 dpi.
    expect(upright.width).toBeCloseTo((320 / 150) * 72, 3);
    expect(upright.height).toBeCloseTo((160 / 150) * 72, 3);
    for (const o of ORIENTATIONS) {
      const { item } = images.get(o)!;
      expect(item.orientation).toBe(o);
      const [w, h] = o >= 5 ? [upright.height, upright.width] : [upright.width, upright.height];
      expect([item.width, item.height]).toEqual([w, h]);
    }
  });

  it('embeds the bytes with the EXIF orientation set to 1, so no viewer turns the image a second time', () => {
    for (const o of ORIENTATIONS) {
      const { item } = images.get(o)!;
      expect(inspectImage(item.data)?.orientation).toBeUndefined();
      expect(inspectImage(item.data)).toMatchObject({ widthPx: 320, heightPx: 160 });
      const original = quadrantJpeg(STORED.width, STORED.height, { orientation: o, byteOrder: o % 2 ? 'II' : 'MM' });
      expect(item.data.length).toBe(original.length);
      // Only the orientation's value differs.
      const differing = [...original].filter((b, i) => b !== item.data[i]).length;
      expect(differing).toBe(o === 1 ? 0 : 1);
    }
  });

  /** `slack`: points the drawn size may differ from the box (LibreOffice cuts a few off the top of an unturned inline picture in a line of exact height). */
  const check = (what: string, pages: () => Pixels[] | Promise<Pixels[]>, slack = 2, px = DPI / 72) => {
    it.each(ORIENTATIONS)(`${what}: orientation %i shows the picture upright, in its box`, async (o) => {
      const { page, item } = images.get(o)!;
      const seen = seenOn((await pages())[page - 1]!, item, px);
      console.log(`${what} ${o}: ${seen.width.toFixed(1)} × ${seen.height.toFixed(1)} pt (box ${item.width.toFixed(1)} × ${item.height.toFixed(1)}), ${JSON.stringify(seen.at)}`);
      expect(Math.abs(seen.width - item.width)).toBeLessThan(slack);
      expect(Math.abs(seen.height - item.height)).toBeLessThan(slack);
      expect(seen.at).toEqual(expected(o));
    });
  };

  let pdf: Pixels[] | undefined;
  check('PDF (poppler)', () => (pdf ??= pdfPages(path.join(out, '2024-09.pdf'), tempDir('bulletin-exif-pdf-'))));

  let png: Pixels[] | undefined;
  check('PNG pages (resvg)', () => {
    png ??= set.layout.pages.map((p) => decodePng(readFileSync(path.join(out, '2024-09', pageFileName('2024-09', p.number, set.layout.pages.length, 'png')))));
    return png;
  });

  let docx: Pixels[] | undefined;
  check('DOCX (LibreOffice)', () => {
    docx ??= pdfPages(docxToPdf(path.join(out, '2024-09.docx'), fontconfigFor(set.ctx.template)), tempDir('bulletin-exif-docx-'));
    return docx;
  }, 6);

  // ofd.js draws an image's CTM right only at its own scale, 96 px an inch (an A4 page 794 px across).
  let ofdjs: Pixels[] | undefined;
  if (existsSync(CHROMIUM) || process.env.CI) {
    check(
      'OFD (ofd.js)',
      async () => {
        const file = path.join(out, '2024-09.ofd');
        ofdjs ??= (await renderOfdPages(file, readOfdFile(file), set.layout.pages.map((p) => p.number - 1), 794)).map((r) => decodePng(r.png));
        return ofdjs;
      },
      // ofd.js draws a page 2–3 % smaller than 96 dpi.
      5,
      96 / 72,
    );
  }

  it.each(ORIENTATIONS)('OFD: the CTM of orientation %i maps each stored quadrant to its corner of the box', (o) => {
    const { page, item } = images.get(o)!;
    const doc = readOfdFile(path.join(out, '2024-09.ofd'));
    const objects = doc.pages[page - 1]!.content.filter((u): u is ImageObject => u.kind === 'image');
    const index = [...images.values()].filter((i) => i.page === page).sort((a, b) => a.item.y - b.item.y).indexOf(images.get(o)!);
    const obj = objects[index]!;
    const [x, y, w, h] = obj.boundary;
    expect(w).toBeCloseTo(item.width * (25.4 / 72), 1);
    expect(h).toBeCloseTo(item.height * (25.4 / 72), 1);
    const [a, b, c, d, e, f] = obj.ctm as [number, number, number, number, number, number];
    console.log(`OFD ${o}: Boundary ${obj.boundary.join(' ')}, CTM ${obj.ctm.join(' ')}`);
    // Image space is the unit square, its top row at y = 0; a stored quadrant's centre goes to (X, Y) in the Boundary.
    const at = {} as Record<Corner, Corner>;
    for (const [stored, s, t] of [['topLeft', 0.25, 0.25], ['topRight', 0.75, 0.25], ['bottomLeft', 0.25, 0.75], ['bottomRight', 0.75, 0.75]] as const) {
      const X = a * s + c * t + e;
      const Y = b * s + d * t + f;
      expect(X).toBeGreaterThan(0);
      expect(Y).toBeGreaterThan(0);
      expect(X).toBeLessThan(w);
      expect(Y).toBeLessThan(h);
      at[(Y < h / 2 ? (X < w / 2 ? 'topLeft' : 'topRight') : X < w / 2 ? 'bottomLeft' : 'bottomRight') as Corner] = stored;
    }
    expect(at).toEqual(expected(o));
    expect(x).toBeGreaterThan(0);
    expect(y).toBeGreaterThan(0);
  });
});
