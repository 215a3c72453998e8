// Decoding a PNG (ISO/IEC 15948) to 8-bit samples: every colour type (grey,
// RGB, palette, grey + alpha, RGBA), every bit depth (1–16), Adam7
// interlacing, and tRNS transparency, as colour samples plus an alpha
// channel when the image has any transparency.
import { inflateSync } from 'node:zlib';
import { pngPasses } from '../../pngInterlace.js';

export interface DecodedPng {
  width: number;
  height: number;
  /** 1 (grey) or 3 (RGB) samples a pixel, 8 bits each. */
  channels: 1 | 3;
  pixels: Uint8Array;
  /** One byte a pixel; absent when every pixel is opaque. */
  alpha?: Uint8Array;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undo the scanline filters of one (sub-)image in place; returns its rows. */
function unfilter(data: Uint8Array, at: number, rows: number, stride: number, bpp: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let prev: Uint8Array = new Uint8Array(stride);
  for (let y = 0; y < rows; y++) {
    const filter = data[at]!;
    const row = data.subarray(at + 1, at + 1 + stride);
    if (row.length < stride) throw new Error('PNG data ends early');
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? row[i - bpp]! : 0;
      const b = prev[i]!;
      const c = i >= bpp ? prev[i - bpp]! : 0;
      let v = row[i]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) v += paeth(a, b, c);
      else if (filter !== 0) throw new Error(`PNG filter type ${filter}`);
      row[i] = v & 0xff;
    }
    out.push(row);
    prev = row;
    at += stride + 1;
  }
  return out;
}

export function decodePng(png: Uint8Array): DecodedPng {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let pos = 8;
  let width = 0;
  let height = 0;
  let depth = 8;
  let colorType = 2;
  let interlaced = false;
  let palette: Uint8Array | undefined;
  let trns: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  while (pos + 8 <= png.length) {
    const length = view.getUint32(pos);
    const type = String.fromCharCode(png[pos + 4]!, png[pos + 5]!, png[pos + 6]!, png[pos + 7]!);
    const body = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(pos + 8);
      height = view.getUint32(pos + 12);
      depth = body[8]!;
      colorType = body[9]!;
      interlaced = body[12] === 1;
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') trns = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    pos += 12 + length;
  }
  const samples = CHANNELS[colorType];
  if (!samples || width === 0 || height === 0) throw new Error('not a PNG image this writer knows');
  if (colorType === 3 && !palette) throw new Error('PNG palette missing');
  const data = inflateSync(Buffer.concat(idat));
  const bpp = Math.max(1, (samples * depth) >> 3);
  const maxValue = (1 << Math.min(depth, 16)) - 1;

  const grey = colorType === 0 || colorType === 4;
  const channels: 1 | 3 = grey ? 1 : 3;
  const pixels = new Uint8Array(width * height * channels);
  const hasAlpha = colorType === 4 || colorType === 6 || trns !== undefined;
  const alpha = hasAlpha ? new Uint8Array(width * height).fill(255) : undefined;
  // tRNS of a grey or RGB image: the one sample value (at full depth) that is transparent.
  const key = trns && (colorType === 0 || colorType === 2) ? Array.from({ length: colorType === 0 ? 1 : 3 }, (_, i) => (trns![i * 2]! << 8) | trns![i * 2 + 1]!) : undefined;

  const raw = new Array<number>(samples);
  const place = (rows: Uint8Array[], pw: number, x0: number, y0: number, dx: number, dy: number) => {
    for (let y = 0; y < rows.length; y++) {
      const row = rows[y]!;
      for (let x = 0; x < pw; x++) {
        for (let s = 0; s < samples; s++) {
          const index = x * samples + s;
          if (depth === 16) raw[s] = (row[index * 2]! << 8) | row[index * 2 + 1]!;
          else if (depth === 8) raw[s] = row[index]!;
          else {
            const bit = index * depth;
            raw[s] = (row[bit >> 3]! >> (8 - depth - (bit & 7))) & maxValue;
          }
        }
        const p = (y0 + y * dy) * width + (x0 + x * dx);
        const to8 = (v: number) => (depth === 16 ? v >> 8 : Math.round((v * 255) / maxValue));
        if (colorType === 3) {
          const i = raw[0]!;
          pixels[p * 3] = palette![i * 3] ?? 0;
          pixels[p * 3 + 1] = palette![i * 3 + 1] ?? 0;
          pixels[p * 3 + 2] = palette![i * 3 + 2] ?? 0;
          if (alpha && trns) alpha[p] = i < trns.length ? trns[i]! : 255;
          continue;
        }
        for (let c = 0; c < channels; c++) pixels[p * channels + c] = to8(raw[c]!);
        if (colorType === 4 || colorType === 6) alpha![p] = to8(raw[channels]!);
        else if (key && raw.slice(0, channels).every((v, c) => v === key[c])) alpha![p] = 0;
      }
    }
  };

  let at = 0;
  for (const { x0, y0, dx, dy, width: pw, height: ph } of pngPasses(width, height, interlaced)) {
    if (pw <= 0 || ph <= 0) continue;
    const stride = Math.ceil((pw * samples * depth) / 8);
    place(unfilter(data, at, ph, stride, bpp), pw, x0, y0, dx, dy);
    at += ph * (stride + 1);
  }
  return { width, height, channels, pixels, ...(alpha && alpha.some((a) => a !== 255) ? { alpha } : {}) };
}
