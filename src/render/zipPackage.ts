// The zip container of the DOCX (OPC) and OFD packages, shared by both
// writers: the same layout fflate's zipSync writes (local headers with
// sizes and CRC, no data descriptors, then the central directory), but the
// parts are deflated by Node's own zlib. fflate's JavaScript deflate cost a
// cold build about 30 ms for the DOCX's XML — cold code in a one-shot
// process — against about 2 ms for zlib; fflate's streaming Zip, which does
// take another compressor, writes data descriptors, which zipSync's packages
// never had. The bytes depend on the entries only: in the order given, at
// one fixed time (1980-01-01), each deflated at level 6 or stored. A package
// of stored entries is byte for byte what zipSync writes
// (tests/render/zipPackage.test.ts).
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Deflated (text, XML) or stored (images and fonts that are compressed already). */
  compress: boolean;
}

/** DOS date and time of 1980-01-01 00:00:00: date 0x0021 (day 1, month 1, year 0), time 0. */
const DOS_EPOCH = 0x00210000;
const DEFLATE = 8;
const STORE = 0;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;
const VERSION = 20;

/** The zip of `entries`, in their order; two entries of one name are refused. */
export function zipPackage(entries: readonly ZipEntry[]): Uint8Array {
  const seen = new Set<string>();
  const parts = entries.map((e) => {
    if (seen.has(e.name)) throw new Error(`two package entries named ${e.name}`);
    seen.add(e.name);
    const name = Buffer.from(e.name, 'utf8');
    if (name.length > 0xffff) throw new Error(`a package entry name of ${name.length} bytes`);
    const data = e.compress ? zlib.deflateRawSync(e.data, { level: 6 }) : e.data;
    if (e.data.length > 0xfffffffe || data.length > 0xfffffffe) throw new Error(`a package entry of ${e.data.length} bytes (no ZIP64)`);
    return { name, data, method: e.compress ? DEFLATE : STORE, crc: crc32(e.data), size: e.data.length, flag: name.length !== e.name.length ? UTF8_NAME : 0 };
  });
  if (parts.length > 0xffff) throw new Error(`${parts.length} package entries (no ZIP64)`);
  const localSize = parts.reduce((n, p) => n + 30 + p.name.length + p.data.length, 0);
  const centralSize = parts.reduce((n, p) => n + 46 + p.name.length, 0);
  const out = Buffer.alloc(localSize + centralSize + 22);
  /** The fields local and central headers share, in the same order (version needed … name length). */
  const shared = (p: (typeof parts)[number], at: number) => {
    out.writeUInt16LE(VERSION, at);
    out.writeUInt16LE(p.flag, at + 2);
    out.writeUInt16LE(p.method, at + 4);
    out.writeUInt32LE(DOS_EPOCH, at + 6);
    out.writeUInt32LE(p.crc, at + 10);
    out.writeUInt32LE(p.data.length, at + 14);
    out.writeUInt32LE(p.size, at + 18);
    out.writeUInt16LE(p.name.length, at + 22);
  };
  let at = 0;
  const offsets: number[] = [];
  for (const p of parts) {
    offsets.push(at);
    out.writeUInt32LE(0x04034b50, at);
    shared(p, at + 4);
    // Extra field length 0 at +28.
    out.set(p.name, at + 30);
    out.set(p.data, at + 30 + p.name.length);
    at += 30 + p.name.length + p.data.length;
  }
  parts.forEach((p, i) => {
    out.writeUInt32LE(0x02014b50, at);
    out.writeUInt16LE(VERSION, at + 4); // made by: version 2.0, MS-DOS attributes
    shared(p, at + 6);
    // Extra field, comment, disk number, internal and external attributes: none (+30 … +41).
    out.writeUInt32LE(offsets[i]!, at + 42);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  });
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(parts.length, at + 8);
  out.writeUInt16LE(parts.length, at + 10);
  out.writeUInt32LE(centralSize, at + 12);
  out.writeUInt32LE(localSize, at + 16);
  return out;
}

let table: Uint32Array | undefined;

/** CRC-32 (ISO 3309) of `data`: zlib's where Node has it (20.15 and later), else by table. */
function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  if (native) return native(data);
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
