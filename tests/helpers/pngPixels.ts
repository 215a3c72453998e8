// Pixels of a PNG as RGB, for comparing page renderings: 8-bit RGB or RGBA,
// not interlaced (what pdftoppm and Chromium write). RGBA is put on white.
import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** RGB, 3 bytes a pixel, row by row. */
  rgb: Uint8Array;
}

export function decodePng(png: Uint8Array): Pixels {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (b.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (at < b.length) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    const data = b.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colorType, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (colorType !== 2 && colorType !== 6)) throw new Error(`PNG of depth ${depth}, colour type ${colorType}, interlace ${interlace}`);
      channels = colorType === 2 ? 3 : 4;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = out.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? out.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? row[i - channels]! : 0;
      const up = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      let v = line[i]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += up;
      else if (filter === 3) v += (a + up) >> 1;
      else if (filter === 4) {
        const p = a + up - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      } else if (filter !== 0) throw new Error(`PNG filter ${filter}`);
      row[i] = v & 0xff;
    }
  }
  if (channels === 3) return { width, height, rgb: out };
  const rgb = new Uint8Array(width * height * 3);
  for (let p = 0; p < width * height; p++) {
    const alpha = out[p * 4 + 3]! / 255;
    for (let k = 0; k < 3; k++) rgb[p * 3 + k] = Math.round(out[p * 4 + k]! * alpha + 255 * (1 - alpha));
  }
  return { width, height, rgb };
}

/**
 * The share of pixels that differ between two images of one size. A pixel
 * differs when no pixel of the other image within `reach` pixels of it has
 * every channel within `threshold` of its own — looked at from both images.
 * So one renderer's edge falling on the next pixel over from the other's
 * (anti-aliasing, rounding to the pixel grid) is no difference, while a
 * glyph missing, in another face or out of place, or a colour off, is.
 */
export function differingShare(a: Pixels, b: Pixels, threshold = 64, reach = 1): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`images of ${a.width}×${a.height} and ${b.width}×${b.height}`);
  const { width, height } = a;
  const near = (from: Pixels, to: Pixels, x: number, y: number): boolean => {
    const i = (y * width + x) * 3;
    for (let dy = -reach; dy <= reach; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= height) continue;
      for (let dx = -reach; dx <= reach; dx++) {
        const xx = x + dx;
        if (xx < 0 || xx >= width) continue;
        const j = (yy * width + xx) * 3;
        if (Math.abs(from.rgb[i]! - to.rgb[j]!) <= threshold && Math.abs(from.rgb[i + 1]! - to.rgb[j + 1]!) <= threshold && Math.abs(from.rgb[i + 2]! - to.rgb[j + 2]!) <= threshold) return true;
      }
    }
    return false;
  };
  let differ = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!near(a, b, x, y) || !near(b, a, x, y)) differ++;
    }
  }
  return differ / (width * height);
}

/** The share of pixels that are not white-ish (ink), to see that a page is not blank. */
export function inkShare(a: Pixels, threshold = 128): number {
  let ink = 0;
  for (let p = 0; p < a.width * a.height; p++) if (a.rgb[p * 3]! < threshold || a.rgb[p * 3 + 1]! < threshold || a.rgb[p * 3 + 2]! < threshold) ink++;
  return ink / (a.width * a.height);
}
