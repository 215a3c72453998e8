// Writing WOFF2 (W3C WOFF File Format 2.0) from a single-face sfnt, for the
// bundled fonts (scripts/subset-fonts.mjs). No table is transformed (glyf and
// loca, if any, take the null transform), and the tables go into the Brotli
// stream in the order given: the small ones the typesetter reads first, the
// outlines last, so that reading a face's cmap and metrics decompresses only
// the start of the stream (fontFile.ts). WOFF2 allows any order: its table
// directory gives the order of the stream (§5.2), the decoder sorts.
import zlib from 'node:zlib';
import { WOFF2_KNOWN_TAGS } from './fontFile.js';
import { pad4, readSfnt } from './sfntDirectory.js';

/** Tables read when a face is measured, in the order they go into the stream. */
export const FIRST_TABLES = ['head', 'hhea', 'maxp', 'OS/2', 'name', 'cmap', 'hmtx', 'post'];

function base128(n: number): number[] {
  const out = [n & 0x7f];
  for (n = Math.floor(n / 128); n > 0; n = Math.floor(n / 128)) out.unshift(0x80 | (n & 0x7f));
  return out;
}

/** The WOFF2 file of `sfnt`: tables in FIRST_TABLES order, then the rest by tag, outlines last. */
export function encodeWoff2(sfnt: Uint8Array): Buffer {
  const { tables } = readSfnt(sfnt);
  const view = Buffer.from(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const flavor = view.readUInt32BE(0);
  const outlines = ['CFF ', 'CFF2', 'glyf', 'loca'];
  const rest = [...tables.keys()].filter((t) => !FIRST_TABLES.includes(t) && !outlines.includes(t)).sort();
  const order = [...FIRST_TABLES, ...rest, ...outlines].filter((t) => tables.has(t));
  const dir: number[] = [];
  for (const tag of order) {
    const known = WOFF2_KNOWN_TAGS.indexOf(tag);
    // glyf and loca: transform version 3 is the null transform; for other tables it is 0.
    const version = tag === 'glyf' || tag === 'loca' ? 3 : 0;
    dir.push((known >= 0 ? known : 0x3f) | (version << 6));
    if (known < 0) for (let i = 0; i < 4; i++) dir.push(tag.charCodeAt(i));
    dir.push(...base128(tables.get(tag)!.length));
  }
  const stream = Buffer.concat(order.map((t) => tables.get(t)!));
  const compressed = zlib.brotliCompressSync(stream, {
    params: {
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_FONT,
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: stream.length,
    },
  });
  const sfntSize = 12 + 16 * order.length + order.reduce((n, t) => n + pad4(tables.get(t)!.length), 0);
  const headerLength = 48 + dir.length;
  const length = pad4(headerLength + compressed.length);
  const out = Buffer.alloc(length);
  out.write('wOF2', 0, 'latin1');
  out.writeUInt32BE(flavor, 4);
  out.writeUInt32BE(length, 8);
  out.writeUInt16BE(order.length, 12);
  out.writeUInt32BE(sfntSize, 16);
  out.writeUInt32BE(compressed.length, 20);
  // majorVersion, minorVersion: the font's revision, as head says it.
  const head = tables.get('head');
  if (head && head.length >= 8) {
    const h = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
    out.writeUInt16BE(h.readUInt16BE(4), 24);
    out.writeUInt16BE(h.readUInt16BE(6), 26);
  }
  Buffer.from(dir).copy(out, 48);
  compressed.copy(out, headerLength);
  return out;
}
