// SVG pages → PNG page images, rasterised by resvg (@resvg/resvg-js, loaded
// only when PNG output is asked for). The SVG draws every glyph as an
// outline, so resvg is given no fonts at all and never looks at the
// system's: the image shows what the PDF shows, on any machine.
//
// A page is drawn in horizontal bands of at most BAND_BYTES of pixels and
// each band is compressed as soon as it is drawn, so a page at 600 dpi
// (35 megapixels) never holds its 140 MB of pixels at once. Each band maps
// points to pixels at exactly dpi / 72, as a PDF viewer does at that
// resolution (resvg's own zoom would stretch the page to whole pixels).
import { createDeflate } from 'node:zlib';
import { crc32 } from '../crc32.js';

/** The most RGBA pixel bytes one band holds while it is drawn. */
const BAND_BYTES = 32 << 20;
/** zlib's level for the image data: the smallest files for little more time than the faster levels. */
const DEFLATE_LEVEL = 6;

type ResvgModule = typeof import('@resvg/resvg-js');
let resvg: Promise<ResvgModule> | undefined;

/** One page's SVG (its root sized in points, as src/render/svg writes it) as a PNG at `dpi`, which the PNG records (pHYs). */
export async function svgToPng(svg: string, dpi: number): Promise<Buffer> {
  resvg ??= import('@resvg/resvg-js');
  const { renderAsync } = await resvg;
  const page = pageRoot(svg);
  const width = Math.round((page.widthPt / 72) * dpi);
  const height = Math.round((page.heightPt / 72) * dpi);
  const ptPerPixel = 72 / dpi;
  const rowsPerBand = Math.max(1, Math.floor(BAND_BYTES / (width * 4)));
  const body = svg.slice(page.tag.length);

  const deflate = createDeflate({ level: DEFLATE_LEVEL });
  const compressed: Buffer[] = [];
  deflate.on('data', (d: Buffer) => compressed.push(d));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  // One band is compressed while the next is drawn.
  let written: Promise<void> = Promise.resolve();
  for (let top = 0; top < height; top += rowsPerBand) {
    const rows = Math.min(rowsPerBand, height - top);
    const root = page.tag
      .replace(/ width="[^"]*"/, ` width="${width}"`)
      .replace(/ height="[^"]*"/, ` height="${rows}"`)
      .replace(/ viewBox="[^"]*"/, ` viewBox="0 ${top * ptPerPixel} ${width * ptPerPixel} ${rows * ptPerPixel}" preserveAspectRatio="none"`);
    const band = await renderAsync(root + body, {
      fitTo: { mode: 'original' },
      background: '#ffffff',
      font: { loadSystemFonts: false },
      logLevel: 'off',
    });
    if (band.width !== width || band.height !== rows) throw new Error(`resvg drew ${band.width}×${band.height} pixels for a band of ${width}×${rows}`);
    const scanlines = rgbScanlines(band.pixels, width, rows);
    await written;
    written = deflate.write(scanlines) ? Promise.resolve() : new Promise((resolve) => deflate.once('drain', resolve));
  }
  await written;
  deflate.end();
  await ended;
  return png(width, height, dpi, Buffer.concat(compressed));
}

/** The root element of one of our page SVGs and its size in points. */
function pageRoot(svg: string): { tag: string; widthPt: number; heightPt: number } {
  const tag = /^<svg\b[^>]*>/.exec(svg)?.[0];
  const widthPt = Number(tag && / width="([\d.]+)pt"/.exec(tag)?.[1]);
  const heightPt = Number(tag && / height="([\d.]+)pt"/.exec(tag)?.[1]);
  if (!tag || !/ viewBox="/.test(tag) || !(widthPt > 0) || !(heightPt > 0)) throw new Error('a page SVG without its size in points');
  return { tag, widthPt, heightPt };
}

/** RGBA pixels (on an opaque background) as PNG scanlines of RGB, each after its filter byte (0: none). */
function rgbScanlines(rgba: Buffer, width: number, rows: number): Buffer {
  const stride = width * 3 + 1;
  const out = Buffer.alloc(rows * stride);
  for (let y = 0, i = 0; y < rows; y++) {
    let o = y * stride + 1;
    for (let x = 0; x < width; x++, i += 4) {
      out[o++] = rgba[i]!;
      out[o++] = rgba[i + 1]!;
      out[o++] = rgba[i + 2]!;
    }
  }
  return out;
}

/** A PNG file: 8-bit RGB, the image data given compressed, and a pHYs chunk saying `dpi` so it prints at its size. */
function png(width: number, height: number, dpi: number, imageData: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, adaptive filters, no interlace
  const perMetre = Math.round(dpi / 0.0254);
  const phys = Buffer.alloc(9);
  phys.writeUInt32BE(perMetre, 0);
  phys.writeUInt32BE(perMetre, 4);
  phys[8] = 1; // the unit is the metre
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('pHYs', phys), chunk('IDAT', imageData), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}
