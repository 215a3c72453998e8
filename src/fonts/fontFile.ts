// Reading font files at the level of their tables: the sfnt table directory of
// a single face (.ttf, .otf), of each face of a collection (.ttc, .otc), and
// of WOFF and WOFF2 files. Only the bytes of the tables asked for are read
// (positional reads; a WOFF table is inflated on its own; a WOFF2 stream is
// decompressed only as far as the table asked for, which is why the bundled
// WOFF2 files put the small tables before the outlines). Nothing here
// decodes outlines.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import zlib from 'node:zlib';
import { find, readDict, readIndex } from './cffData.js';
import { pad4, writeSfntHeader } from './sfntDirectory.js';

export type FontFormat = 'sfnt' | 'collection' | 'woff' | 'woff2';

/** A table as stored in the file. */
interface StoredTable {
  tag: string;
  /** sfnt, collection, WOFF: where it starts in the file; WOFF2: where it starts in the decompressed stream. */
  offset: number;
  /** Its length once decompressed (the table's own length). */
  length: number;
  /** WOFF: its stored (deflated) length, equal to `length` when stored as is. */
  stored: number;
}

interface FaceDirectory {
  flavor: number;
  tables: Map<string, StoredTable>;
}

const TRUETYPE = 0x00010000;
const OTTO = 0x4f54544f;
const TRUE = 0x74727565;

export class FontFileError extends Error {}

const WOFF2_KNOWN_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT',
  'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH',
  'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar',
  'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
];
export { WOFF2_KNOWN_TAGS };

const tagAt = (b: Uint8Array, at: number): string => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

/**
 * An open font file. Tables are read on demand; `close()` releases the file
 * (a table asked for afterwards reopens it). Errors in the file's structure
 * throw FontFileError.
 */
export class FontFile {
  readonly format: FontFormat;
  readonly faces: FaceDirectory[];
  readonly size: number;
  private fd: number | undefined;
  /** WOFF2: where the compressed stream starts and how long it is; the part decompressed so far. */
  private woff2?: { start: number; length: number; stream: Buffer; total: number };

  private constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
    this.size = fstatSync(fd).size;
    const head = this.read(0, Math.min(this.size, 12));
    if (head.length < 12) throw new FontFileError('the file is too short to be a font');
    const sig = head.readUInt32BE(0);
    if (sig === 0x74746366 /* ttcf */) {
      this.format = 'collection';
      const count = head.readUInt32BE(8);
      if (count === 0 || count > 1024) throw new FontFileError(`a collection of ${count} faces`);
      const offsets = this.read(12, 4 * count);
      this.faces = Array.from({ length: count }, (_, i) => this.sfntDirectory(offsets.readUInt32BE(4 * i)));
    } else if (sig === 0x774f4646 /* wOFF */) {
      this.format = 'woff';
      this.faces = [this.woffDirectory()];
    } else if (sig === 0x774f4632 /* wOF2 */) {
      this.format = 'woff2';
      this.faces = [this.woff2Directory()];
    } else if (sig === TRUETYPE || sig === OTTO || sig === TRUE) {
      this.format = 'sfnt';
      this.faces = [this.sfntDirectory(0)];
    } else {
      throw new FontFileError('not a font file (unknown signature)');
    }
  }

  static open(file: string): FontFile {
    const fd = openSync(file, 'r');
    try {
      return new FontFile(file, fd);
    } catch (err) {
      closeSync(fd);
      throw err;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** Whether face `face` has outlines in a CFF table (else TrueType glyf). */
  isCff(face: number): boolean {
    return this.faces[face]!.tables.has('CFF ');
  }

  has(face: number, tag: string): boolean {
    return this.faces[face]?.tables.has(tag) ?? false;
  }

  /** The bytes of table `tag` of face `face`, decompressed; undefined when the face has none. */
  table(face: number, tag: string): Buffer | undefined {
    const t = this.faces[face]?.tables.get(tag);
    if (!t) return undefined;
    if (this.format === 'woff2') return this.woff2Bytes(t.offset + t.length).subarray(t.offset, t.offset + t.length);
    const bytes = this.read(t.offset, t.stored);
    if (bytes.length < t.stored) throw new FontFileError(`the table ${tag} runs past the end of the file`);
    if (this.format !== 'woff' || t.stored >= t.length) return bytes;
    const out = inflate(bytes, t.length, tag);
    return out;
  }

  /**
   * The CFF table of face `face` with only what a subset of `glyphs` needs
   * read from the file: all of it but the charstrings, and the charstrings of
   * those glyphs; the others' bytes are left 0. (A CFF of 7 MB is mostly
   * charstrings; a page of text needs a few hundred of its ten thousand.) A
   * compressed file has to be decompressed whole anyway: its table is whole.
   */
  cffFor(face: number, glyphs: readonly number[]): Buffer | undefined {
    const t = this.faces[face]?.tables.get('CFF ');
    if (!t) return undefined;
    if (this.format === 'woff' || this.format === 'woff2') return this.table(face, 'CFF ');
    const out = Buffer.alloc(t.length);
    const readPart = (from: number, to: number) => {
      if (to > from && this.readInto(out.subarray(from, to), t.offset + from) !== to - from) throw new FontFileError('the CFF table is cut off');
    };
    const whole = () => this.table(face, 'CFF ');
    let have = 0;
    const upTo = (end: number) => {
      if (end > have) readPart(have, end);
      have = Math.max(have, end);
    };
    // The Top DICT says where the CharStrings INDEX is; it comes within the first few KB.
    upTo(Math.min(t.length, 65536));
    const at = charStringsOffset(out.subarray(0, have));
    if (at === undefined || at + 3 > t.length) return whole();
    upTo(at + 3);
    const n = (out[at]! << 8) | out[at + 1]!;
    const offSize = out[at + 2]!;
    const offsetsEnd = at + 3 + (n + 1) * offSize;
    if (n === 0 || offSize < 1 || offSize > 4 || offsetsEnd > t.length) return whole();
    // Everything before the charstrings: header … charset, FDSelect, the INDEX's offsets.
    upTo(offsetsEnd);
    const off = (i: number) => {
      let v = 0;
      for (let k = 0; k < offSize; k++) v = v * 256 + out[at + 3 + i * offSize + k]!;
      return offsetsEnd - 1 + v;
    };
    const dataEnd = off(n);
    if (dataEnd > t.length || dataEnd < offsetsEnd) return whole();
    // Everything after them: FDArray, Private DICTs, subroutines.
    readPart(Math.max(dataEnd, have), t.length);
    // The glyphs' charstrings, neighbours read together.
    let runStart = -1;
    let runEnd = -1;
    for (const g of [...glyphs].sort((a, b) => a - b)) {
      if (g >= n) continue;
      const s0 = Math.max(off(g), have);
      const e0 = Math.min(off(g + 1), dataEnd);
      if (e0 <= s0) continue;
      if (runStart >= 0 && s0 - runEnd <= 4096) runEnd = Math.max(runEnd, e0);
      else {
        if (runStart >= 0) readPart(runStart, runEnd);
        runStart = s0;
        runEnd = e0;
      }
    }
    if (runStart >= 0) readPart(runStart, runEnd);
    return out;
  }

  /**
   * The face as a single-face sfnt, as hb-subset and fontkit take it: the
   * file itself for a single face; for a collection the whole file (with
   * the face's index); for WOFF and WOFF2 a decompressed sfnt (table
   * checksums left 0: it is never written out).
   */
  sfnt(face: number): { bytes: Uint8Array; index: number } {
    const { size, index, fill } = this.sfntWriter(face);
    const bytes = Buffer.alloc(size);
    fill(bytes);
    return { bytes, index };
  }

  /** `sfnt(face)` as its size and a function writing it into a buffer of that size (hb's heap, for one). */
  sfntWriter(face: number): { size: number; index: number; fill: (into: Uint8Array) => void } {
    if (this.format === 'sfnt' || this.format === 'collection') {
      return {
        size: this.size,
        index: this.format === 'collection' ? face : 0,
        fill: (into) => {
          if (this.readInto(into, 0) !== this.size) throw new FontFileError('the file changed while it was read');
        },
      };
    }
    return { ...this.rebuilt(face), index: 0 };
  }

  /** The size of singleFace(face), without making it. */
  singleFaceSize(face: number): number {
    return this.format === 'sfnt' ? this.size : this.rebuilt(face).size;
  }

  /** Face `face` alone, as a single-face sfnt file (of a collection: its own tables only). */
  singleFace(face: number): Buffer {
    if (this.format === 'sfnt') return this.read(0, this.size);
    const { size, fill } = this.rebuilt(face);
    const out = Buffer.alloc(size);
    fill(out);
    return out;
  }

  /** An sfnt of face `face` put together from its tables. */
  private rebuilt(face: number): { size: number; fill: (into: Uint8Array) => void } {
    const dir = this.faces[face]!;
    const tags = [...dir.tables.keys()].sort();
    const headerLength = 12 + 16 * tags.length;
    let size = headerLength;
    for (const tag of tags) size += pad4(dir.tables.get(tag)!.length);
    const fill = (into: Uint8Array) => {
      const out = Buffer.from(into.buffer, into.byteOffset, into.byteLength);
      out.fill(0, 0, headerLength);
      writeSfntHeader(out, dir.flavor, tags.length);
      let at = headerLength;
      tags.forEach((tag, i) => {
        const bytes = this.table(face, tag)!;
        const rec = 12 + 16 * i;
        out.write(tag, rec, 'latin1');
        out.writeUInt32BE(at, rec + 8);
        out.writeUInt32BE(bytes.length, rec + 12);
        out.set(bytes, at);
        out.fill(0, at + bytes.length, at + pad4(bytes.length));
        at += pad4(bytes.length);
      });
    };
    return { size, fill };
  }

  private readInto(into: Uint8Array, offset: number): number {
    if (this.fd === undefined) this.fd = openSync(this.path, 'r');
    let done = 0;
    while (done < into.length) {
      const n = readSync(this.fd, into, done, into.length - done, offset + done);
      if (n === 0) break;
      done += n;
    }
    return done;
  }

  private read(offset: number, length: number): Buffer {
    const buf = Buffer.allocUnsafe(Math.max(0, Math.min(length, this.size - offset)));
    const done = this.readInto(buf, offset);
    return done === buf.length ? buf : buf.subarray(0, done);
  }

  private sfntDirectory(at: number): FaceDirectory {
    const head = this.read(at, 12);
    if (head.length < 12) throw new FontFileError('the table directory runs past the end of the file');
    const flavor = head.readUInt32BE(0);
    if (flavor !== TRUETYPE && flavor !== OTTO && flavor !== TRUE) throw new FontFileError('a face of the collection is not an sfnt');
    const count = head.readUInt16BE(4);
    const recs = this.read(at + 12, 16 * count);
    if (recs.length < 16 * count) throw new FontFileError('the table directory runs past the end of the file');
    const tables = new Map<string, StoredTable>();
    for (let i = 0; i < count; i++) {
      const r = 16 * i;
      const t = { tag: tagAt(recs, r), offset: recs.readUInt32BE(r + 8), length: recs.readUInt32BE(r + 12), stored: 0 };
      t.stored = t.length;
      if (t.offset + t.length > this.size) throw new FontFileError(`the table ${t.tag} runs past the end of the file`);
      tables.set(t.tag, t);
    }
    return { flavor, tables };
  }

  private woffDirectory(): FaceDirectory {
    const head = this.read(0, 44);
    if (head.length < 44) throw new FontFileError('the WOFF header is cut off');
    const flavor = head.readUInt32BE(4);
    const count = head.readUInt16BE(12);
    const recs = this.read(44, 20 * count);
    if (recs.length < 20 * count) throw new FontFileError('the WOFF table directory is cut off');
    const tables = new Map<string, StoredTable>();
    for (let i = 0; i < count; i++) {
      const r = 20 * i;
      const t = { tag: tagAt(recs, r), offset: recs.readUInt32BE(r + 4), stored: recs.readUInt32BE(r + 8), length: recs.readUInt32BE(r + 12) };
      if (t.offset + t.stored > this.size || t.stored > t.length) throw new FontFileError(`the WOFF table ${t.tag} is damaged`);
      tables.set(t.tag, t);
    }
    return { flavor, tables };
  }

  private woff2Directory(): FaceDirectory {
    const head = this.read(0, 48);
    if (head.length < 48) throw new FontFileError('the WOFF2 header is cut off');
    const flavor = head.readUInt32BE(4);
    if (flavor === 0x74746366) throw new FontFileError('WOFF2 collections are not supported');
    const count = head.readUInt16BE(12);
    const compressed = head.readUInt32BE(20);
    // Entries are 1 to 15 bytes long: read enough for the longest.
    const dir = this.read(48, 15 * count);
    const tables = new Map<string, StoredTable>();
    let at = 0;
    let offset = 0;
    const base128 = (): number => {
      let v = 0;
      for (let i = 0; i < 5; i++) {
        const b = dir[at++];
        if (b === undefined || (i === 0 && b === 0x80) || v & 0xfe000000) throw new FontFileError('the WOFF2 table directory is damaged');
        v = v * 128 + (b & 0x7f);
        if (!(b & 0x80)) return v;
      }
      throw new FontFileError('the WOFF2 table directory is damaged');
    };
    for (let i = 0; i < count; i++) {
      const flags = dir[at++];
      if (flags === undefined) throw new FontFileError('the WOFF2 table directory is cut off');
      let tag = WOFF2_KNOWN_TAGS[flags & 0x3f];
      if ((flags & 0x3f) === 0x3f) {
        if (at + 4 > dir.length) throw new FontFileError('the WOFF2 table directory is cut off');
        tag = tagAt(dir, at);
        at += 4;
      }
      const version = flags >> 6;
      const length = base128();
      const transformed = tag === 'glyf' || tag === 'loca' ? version === 0 : version !== 0;
      if (transformed) throw new FontFileError(`WOFF2 with a transformed ${tag} table is not supported (use the .ttf or .otf file)`);
      tables.set(tag!, { tag: tag!, offset, length, stored: length });
      offset += length;
    }
    const start = 48 + at;
    if (start + compressed > this.size) throw new FontFileError('the WOFF2 data is cut off');
    this.woff2 = { start, length: compressed, stream: Buffer.alloc(0), total: offset };
    return { flavor, tables };
  }

  /** The decompressed WOFF2 stream, at least its first `end` bytes. */
  private woff2Bytes(end: number): Buffer {
    const w = this.woff2!;
    if (w.stream.length >= end) return w.stream;
    // Decompress a prefix of the stream, growing it until it gives `end` bytes.
    let take = Math.min(w.length, Math.max(65536, (w.stream.length ? 2 : 1) * Math.ceil(end / 2)));
    for (;;) {
      const all = take >= w.length;
      let out: Buffer;
      try {
        out = zlib.brotliDecompressSync(this.read(w.start, take), {
          ...(all ? {} : { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }),
          maxOutputLength: Math.max(1, w.total),
        });
      } catch (err) {
        throw new FontFileError(`the WOFF2 data does not decompress (${(err as Error).message})`);
      }
      if (out.length >= end || all) {
        if (out.length < end) throw new FontFileError('the WOFF2 data is shorter than its tables');
        w.stream = out;
        return out;
      }
      take = Math.min(w.length, take * 2);
    }
  }
}

function inflate(bytes: Buffer, length: number, tag: string): Buffer {
  try {
    const out = zlib.inflateSync(bytes, { maxOutputLength: Math.max(1, length) });
    if (out.length !== length) throw new Error(`${out.length} bytes, expected ${length}`);
    return out;
  } catch (err) {
    throw new FontFileError(`the WOFF table ${tag} does not inflate (${(err as Error).message})`);
  }
}

/** Where the CharStrings INDEX starts, from the start of a CFF table (header, Name INDEX, Top DICT). */
function charStringsOffset(front: Uint8Array): number | undefined {
  try {
    const names = readIndex(front, front[2]!);
    const tops = readIndex(front, names.end);
    if (tops.count < 1) return undefined;
    return find(readDict(tops.item(0)), 17)?.operands[0]?.value;
  } catch {
    return undefined;
  }
}
