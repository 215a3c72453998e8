// Images made on the fly for tests: valid PNGs of a given size, and ways to
// damage them.
import { deflateSync } from 'node:zlib';

function crc32(buf: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of buf) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function rgbHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, not interlaced
  return ihdr;
}

/** A valid grey RGB PNG of w × h pixels. */
export function png(width: number, height: number): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width * 3 + 1)] = 0; // filter type 0
  return Buffer.concat([SIGNATURE, pngChunk('IHDR', rgbHeader(width, height)), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A valid RGB PNG of noise, stored without compression so its size is ~3·w·h bytes. */
export function noisePng(width: number, height: number): Buffer {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  let seed = 12345;
  for (let i = 0; i < raw.length; i++) {
    if (i % stride === 0) continue; // filter type 0
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    raw[i] = seed >>> 24;
  }
  return Buffer.concat([SIGNATURE, pngChunk('IHDR', rgbHeader(width, height)), pngChunk('IDAT', deflateSync(raw, { level: 0 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A PNG whose header is sound but whose IDAT chunk holds `idat` (with a correct checksum). */
export function pngWithData(width: number, height: number, idat: Buffer): Buffer {
  return Buffer.concat([SIGNATURE, pngChunk('IHDR', rgbHeader(width, height)), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}
