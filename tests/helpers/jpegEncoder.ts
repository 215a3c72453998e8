// JPEGs made on the fly for tests: a baseline JPEG of flat colour quadrants,
// coded with DC coefficients only (every quadrant a whole number of 8 × 8
// blocks, so each block is one colour and decodes exactly), with an APP1
// Exif segment naming an orientation. Four different colours make the
// picture asymmetric: where each lands in a rendering tells how a writer
// turned or mirrored it.

export type Rgb = readonly [number, number, number];

/** The stored picture: top-left, top-right, bottom-left, bottom-right. */
export interface Quadrants {
  topLeft: Rgb;
  topRight: Rgb;
  bottomLeft: Rgb;
  bottomRight: Rgb;
}

export const QUADRANTS: Quadrants = {
  topLeft: [255, 0, 0], // red
  topRight: [0, 170, 0], // green
  bottomLeft: [0, 0, 255], // blue
  bottomRight: [255, 230, 0], // yellow
};

export interface JpegOptions {
  /** EXIF orientation 1–8; no Exif segment when absent. */
  orientation?: number;
  /** Byte order of the Exif (TIFF) data: 'MM' big-endian (default), 'II' little-endian. */
  byteOrder?: 'MM' | 'II';
  colors?: Quadrants;
}

function segment(marker: number, body: Uint8Array): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** An APP1 Exif segment whose IFD0 holds only the Orientation tag. */
export function exifSegment(orientation: number, byteOrder: 'MM' | 'II' = 'MM'): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  const le = byteOrder === 'II';
  const u16 = (v: number, at: number) => (le ? tiff.writeUInt16LE(v, at) : tiff.writeUInt16BE(v, at));
  const u32 = (v: number, at: number) => (le ? tiff.writeUInt32LE(v, at) : tiff.writeUInt32BE(v, at));
  tiff.write(byteOrder, 0, 'latin1');
  u16(42, 2);
  u32(8, 4);
  u16(1, 8); // one entry
  u16(0x0112, 10); // Orientation
  u16(3, 12); // SHORT
  u32(1, 14); // count
  u16(orientation, 18);
  u32(0, 22); // no next IFD
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
}

/** A baseline YCbCr 4:4:4 JPEG of `width` × `height` pixels (multiples of 16) in four flat quadrants. */
export function quadrantJpeg(width: number, height: number, options: JpegOptions = {}): Buffer {
  if (width % 16 !== 0 || height % 16 !== 0) throw new Error('quadrants must be whole 8 × 8 blocks');
  const colors = options.colors ?? QUADRANTS;
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  if (options.orientation !== undefined) parts.push(exifSegment(options.orientation, options.byteOrder));
  // One quantisation table of ones: a DC coefficient is 8 × (level − 128).
  parts.push(segment(0xdb, Buffer.from([0x00, ...new Array<number>(64).fill(1)])));
  const sof = Buffer.from([8, 0, 0, 0, 0, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]);
  sof.writeUInt16BE(height, 1);
  sof.writeUInt16BE(width, 3);
  parts.push(segment(0xc0, sof));
  // DC table 0: categories 0–11, each a 4-bit code equal to the category. AC table 0: only EOB, code 0.
  const dcBits = new Array<number>(16).fill(0);
  dcBits[3] = 12;
  const acBits = new Array<number>(16).fill(0);
  acBits[0] = 1;
  parts.push(segment(0xc4, Buffer.from([0x00, ...dcBits, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x10, ...acBits, 0x00])));
  parts.push(segment(0xda, Buffer.from([3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0])));

  const bytes: number[] = [];
  let acc = 0;
  let n = 0;
  const put = (value: number, bits: number) => {
    for (let k = bits - 1; k >= 0; k--) {
      acc = (acc << 1) | ((value >> k) & 1);
      if (++n === 8) {
        bytes.push(acc);
        if (acc === 0xff) bytes.push(0x00);
        acc = 0;
        n = 0;
      }
    }
  };
  const ycc = ([r, g, b]: Rgb): [number, number, number] => [
    0.299 * r + 0.587 * g + 0.114 * b,
    -0.168736 * r - 0.331264 * g + 0.5 * b + 128,
    0.5 * r - 0.418688 * g - 0.081312 * b + 128,
  ];
  const pred = [0, 0, 0];
  for (let by = 0; by < height / 8; by++) {
    for (let bx = 0; bx < width / 8; bx++) {
      const top = by < height / 16;
      const left = bx < width / 16;
      const color = top ? (left ? colors.topLeft : colors.topRight) : left ? colors.bottomLeft : colors.bottomRight;
      const levels = ycc(color);
      for (let c = 0; c < 3; c++) {
        const dc = Math.max(-1024, Math.min(1016, Math.round(8 * (levels[c]! - 128))));
        const diff = dc - pred[c]!;
        pred[c] = dc;
        const magnitude = Math.abs(diff);
        const category = magnitude === 0 ? 0 : Math.floor(Math.log2(magnitude)) + 1;
        put(category, 4);
        if (category > 0) put(diff > 0 ? diff : diff + (1 << category) - 1, category);
        put(0, 1); // EOB
      }
    }
  }
  if (n > 0) put(0x7f, 8 - n); // pad with ones
  parts.push(Buffer.from(bytes), Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

/**
 * Where each stored quadrant is seen once an image of EXIF orientation `o`
 * is shown upright (CIPA DC-008, Orientation): the displayed position of the
 * stored top-left, top-right, bottom-left and bottom-right corners.
 */
export type Corner = 'topLeft' | 'topRight' | 'bottomLeft' | 'bottomRight';

export function displayedCorners(o: number): Record<Corner, Corner> {
  // Stored (s, t) in the unit square, t down → displayed (u, v).
  const map: Record<number, (s: number, t: number) => [number, number]> = {
    1: (s, t) => [s, t],
    2: (s, t) => [1 - s, t],
    3: (s, t) => [1 - s, 1 - t],
    4: (s, t) => [s, 1 - t],
    5: (s, t) => [t, s],
    6: (s, t) => [1 - t, s],
    7: (s, t) => [1 - t, 1 - s],
    8: (s, t) => [t, 1 - s],
  };
  const name = ([u, v]: [number, number]): Corner => (v < 0.5 ? (u < 0.5 ? 'topLeft' : 'topRight') : u < 0.5 ? 'bottomLeft' : 'bottomRight');
  const at = (s: number, t: number) => name(map[o]!(s, t));
  return { topLeft: at(0.25, 0.25), topRight: at(0.75, 0.25), bottomLeft: at(0.25, 0.75), bottomRight: at(0.75, 0.75) };
}
