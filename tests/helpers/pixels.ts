// Page images in tests: a PDF page rasterised by poppler (pdftoppm), an SVG
// page by resvg, both as grey pixels, and how many pixels two images differ in.
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';

export interface Gray {
  width: number;
  height: number;
  /** One byte a pixel, row by row; 0 is black. */
  data: Uint8Array;
}

/** Page `page` of a PDF at `dpi`, by pdftoppm. */
export function pdfPageGray(pdfFile: string, page: number, dpi: number): Gray {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), pdfFile], { maxBuffer: 256 << 20 });
  return parsePgm(pgm);
}

/** A binary PGM (P5, 8 bit). */
export function parsePgm(buf: Buffer): Gray {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('not an 8-bit binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, data: new Uint8Array(buf.subarray(header[0].length, header[0].length + width * height)) };
}

/** RGBA pixels (on white) as grey, with the weights poppler uses. */
export function rgbaToGray(rgba: Uint8Array, width: number, height: number): Gray {
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) {
    const a = rgba[i * 4 + 3]! / 255;
    const [r, g, b] = [0, 1, 2].map((k) => rgba[i * 4 + k]! * a + 255 * (1 - a)) as [number, number, number];
    data[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  return { width, height, data };
}

/** An SVG page (sized in points: 96 px to 72 pt) rasterised by resvg at `dpi`, as grey. */
export async function svgGray(svg: string, dpi: number): Promise<Gray> {
  const { Resvg } = await import('@resvg/resvg-js');
  const img = new Resvg(svg, { fitTo: { mode: 'zoom', value: dpi / 96 }, background: '#ffffff', font: { loadSystemFonts: false }, logLevel: 'off' }).render();
  return rgbaToGray(img.pixels, img.width, img.height);
}

/**
 * The share of pixels that differ between `a` and `b` by more than
 * `tolerance` levels from every pixel of the other image within `radius`
 * pixels of the same place: two rasterisers place the edges of a glyph a
 * fraction of a pixel apart and shade them differently, which this forgives;
 * a glyph missing, another glyph, or one moved by more than `radius` it
 * does not.
 */
export function differingShareNear(a: Gray, b: Gray, tolerance: number, radius = 1): number {
  if (Math.abs(a.width - b.width) > 1 || Math.abs(a.height - b.height) > 1) throw new Error(`sizes differ: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  const w = Math.min(a.width, b.width);
  const h = Math.min(a.height, b.height);
  const unmatched = (p: Gray, q: Gray, x: number, y: number): boolean => {
    const v = p.data[y * p.width + x]!;
    for (let dy = -radius; dy <= radius; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= h) continue;
      for (let dx = -radius; dx <= radius; dx++) {
        const xx = x + dx;
        if (xx < 0 || xx >= w) continue;
        if (Math.abs(q.data[yy * q.width + xx]! - v) <= tolerance) return false;
      }
    }
    return true;
  };
  let differ = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (Math.abs(a.data[y * a.width + x]! - b.data[y * b.width + x]!) <= tolerance) continue;
      if (unmatched(a, b, x, y) || unmatched(b, a, x, y)) differ++;
    }
  }
  return differ / (w * h);
}

/**
 * The image seen through a 3 × 3 box blur: what two rasterisers shade
 * differently along a glyph's edge evens out; a glyph, a rule or a light
 * grey watermark that one of them lacks does not.
 */
export function boxBlur(img: Gray): Gray {
  const { width: w, height: h } = img;
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      let n = 0;
      for (let yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
        for (let xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
          sum += img.data[yy * w + xx]!;
          n++;
        }
      }
      data[y * w + x] = Math.round(sum / n);
    }
  }
  return { width: w, height: h, data };
}

/** A PNG of 8-bit greyscale, RGB or RGBA (not interlaced) decoded as grey: any of the five filters. */
export function pngGray(file: Buffer): Gray {
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < file.length; ) {
    const len = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('not an 8-bit, non-interlaced PNG');
      channels = ({ 0: 1, 2: 3, 6: 4 } as Record<number, number>)[data[9]!] ?? 0;
      if (!channels) throw new Error(`PNG colour type ${data[9]} not read here`);
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? rows[y * stride + i - channels]! : 0;
      const b = y > 0 ? rows[(y - 1) * stride + i]! : 0;
      const c = y > 0 && i >= channels ? rows[(y - 1) * stride + i - channels]! : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      if (predictor === undefined) throw new Error(`PNG filter ${filter} in row ${y}`);
      rows[y * stride + i] = (line[i]! + predictor) & 0xff;
    }
  }
  if (channels === 1) return { width, height, data: rows };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set(rows.subarray(i * channels, i * channels + 3), i * 4);
    rgba[i * 4 + 3] = channels === 4 ? rows[i * channels + 3]! : 255;
  }
  return rgbaToGray(rgba, width, height);
}
