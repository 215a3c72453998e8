// A single-face sfnt (OpenType) file held in memory, as its tables: read the
// table directory, and write tables back into a file with the directory,
// checksums and head's checkSumAdjustment the OpenType spec asks for ("Font
// file", "head"). Font files on disk are read table by table by fontFile.ts,
// which writes its rebuilt faces' headers with writeSfntHeader.

export type SfntTables = Map<string, Buffer>;

/** The tables of a single-face sfnt in memory (hb-subset's output, a subset written here), by tag; views, not copies. */
export function readSfnt(data: Uint8Array): { version: number; tables: SfntTables } {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (b.length < 12) throw new Error('not an sfnt: too short');
  const version = b.readUInt32BE(0);
  const count = b.readUInt16BE(4);
  if (12 + 16 * count > b.length) throw new Error('not an sfnt: the table directory is cut off');
  const tables: SfntTables = new Map();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = b.toString('latin1', at, at + 4);
    const offset = b.readUInt32BE(at + 8);
    const length = b.readUInt32BE(at + 12);
    if (offset + length > b.length) throw new Error(`sfnt table ${tag} runs past the end`);
    tables.set(tag, b.subarray(offset, offset + length));
  }
  return { version, tables };
}

export const pad4 = (n: number): number => (n + 3) & ~3;

function checksum(b: Buffer): number {
  let sum = 0;
  const padded = b.length % 4 === 0 ? b : Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** The 12-byte sfnt header for `count` tables: `flavor` (0x00010000 for TrueType outlines, 'OTTO' for CFF) and the binary-search fields. */
export function writeSfntHeader(out: Buffer, flavor: number, count: number): void {
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= count) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(count * 16 - searchRange, 10);
}

/** An sfnt of `tables` (sorted by tag), `version` 0x00010000 for TrueType outlines, 'OTTO' for CFF. */
export function writeSfnt(version: number, tables: SfntTables): Buffer {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  const header = Buffer.alloc(12 + 16 * count);
  writeSfntHeader(header, version, count);
  const head = tables.get('head');
  if (head) {
    head.writeUInt32BE(0, 8); // checkSumAdjustment is computed over the file with it set to 0
  }
  const bodies: Buffer[] = [];
  let offset = header.length;
  tags.forEach((tag, i) => {
    const body = tables.get(tag)!;
    const at = 12 + 16 * i;
    header.write(tag, at, 'latin1');
    header.writeUInt32BE(checksum(body), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(body.length, at + 12);
    const padded = body.length % 4 === 0 ? body : Buffer.concat([body, Buffer.alloc(4 - (body.length % 4))]);
    bodies.push(padded);
    offset += padded.length;
  });
  const file = Buffer.concat([header, ...bodies]);
  if (head) {
    const headAt = header.readUInt32BE(12 + 16 * tags.indexOf('head') + 8);
    file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headAt + 8);
  }
  return file;
}
