// The few sfnt tables bulletin reads without fontkit: head, hhea, maxp, OS/2,
// post, name, hmtx and cmap (formats 0, 4, 6, 10, 12, 13), each parsed from
// its bytes (OpenType spec, chapter "Font tables"). The cmap subtable is
// chosen as fontkit chooses it, so both give the same glyph for a code point.

export interface HeadTable {
  unitsPerEm: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  macStyle: number;
}

export function readHead(b: Buffer | undefined): HeadTable {
  if (!b || b.length < 54) throw new Error('no head table');
  const unitsPerEm = b.readUInt16BE(18);
  if (unitsPerEm < 16 || unitsPerEm > 16384) throw new Error(`unitsPerEm ${unitsPerEm}`);
  return { unitsPerEm, xMin: b.readInt16BE(36), yMin: b.readInt16BE(38), xMax: b.readInt16BE(40), yMax: b.readInt16BE(42), macStyle: b.readUInt16BE(44) };
}

export interface HheaTable {
  ascent: number;
  descent: number;
  lineGap: number;
  numberOfHMetrics: number;
}

export function readHhea(b: Buffer | undefined): HheaTable {
  if (!b || b.length < 36) throw new Error('no hhea table');
  return { ascent: b.readInt16BE(4), descent: b.readInt16BE(6), lineGap: b.readInt16BE(8), numberOfHMetrics: b.readUInt16BE(34) };
}

export function readNumGlyphs(b: Buffer | undefined): number {
  if (!b || b.length < 6) throw new Error('no maxp table');
  return b.readUInt16BE(4);
}

export interface Os2Table {
  weightClass: number;
  familyClass: number;
  typoAscender: number;
  typoDescender: number;
  /** ulCodePageRange1 (version ≥ 1), 0 otherwise. */
  codePages1: number;
  /** sCapHeight (version ≥ 2), undefined otherwise. */
  capHeight?: number;
  xHeight?: number;
}

export function readOs2(b: Buffer | undefined): Os2Table | undefined {
  if (!b || b.length < 78) return undefined;
  const version = b.readUInt16BE(0);
  const os2: Os2Table = {
    weightClass: b.readUInt16BE(4),
    familyClass: b.readInt16BE(30),
    typoAscender: b.readInt16BE(68),
    typoDescender: b.readInt16BE(70),
    codePages1: version >= 1 && b.length >= 82 ? b.readUInt32BE(78) : 0,
  };
  if (version >= 2 && b.length >= 90) {
    os2.xHeight = b.readInt16BE(86);
    os2.capHeight = b.readInt16BE(88);
  }
  return os2;
}

export interface PostTable {
  italicAngle: number;
  isFixedPitch: boolean;
}

export function readPost(b: Buffer | undefined): PostTable {
  if (!b || b.length < 16) return { italicAngle: 0, isFixedPitch: false };
  return { italicAngle: b.readInt32BE(4) / 65536, isFixedPitch: b.readUInt32BE(12) !== 0 };
}

export interface NameTable {
  /** Name `id` in English, as fontkit's getName picks it. */
  get(id: number): string | undefined;
}

/**
 * The name table. Like fontkit: per name id, the English record (Windows
 * 0x0409 or Macintosh language 0), later records of the same language
 * replacing earlier ones, else any record.
 */
export function readName(b: Buffer | undefined): NameTable {
  const byId = new Map<number, { en?: string; any?: string }>();
  if (b && b.length >= 6) {
    const count = b.readUInt16BE(2);
    const strings = b.readUInt16BE(4);
    for (let i = 0; i < count && 6 + 12 * i + 12 <= b.length; i++) {
      const r = 6 + 12 * i;
      const platform = b.readUInt16BE(r);
      const encoding = b.readUInt16BE(r + 2);
      const language = b.readUInt16BE(r + 4);
      const id = b.readUInt16BE(r + 6);
      const length = b.readUInt16BE(r + 8);
      const start = strings + b.readUInt16BE(r + 10);
      if (start + length > b.length) continue;
      const raw = b.subarray(start, start + length);
      const text = decodeName(raw, platform, encoding);
      if (text === undefined) continue;
      const entry = byId.get(id) ?? {};
      if ((platform === 3 && language === 0x409) || (platform === 1 && language === 0)) entry.en = text;
      else entry.any ??= text;
      byId.set(id, entry);
    }
  }
  return {
    get(id) {
      const e = byId.get(id);
      return e?.en ?? e?.any;
    },
  };
}

function decodeName(raw: Buffer, platform: number, encoding: number): string | undefined {
  if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10 || encoding === 0))) {
    let s = '';
    for (let i = 0; i + 1 < raw.length; i += 2) s += String.fromCharCode(raw.readUInt16BE(i));
    return s;
  }
  if (platform === 1 && encoding === 0) return raw.toString('latin1');
  return undefined;
}

/** Advance widths by glyph id, in font units (hmtx with hhea's numberOfHMetrics). */
export class Hmtx {
  private constructor(
    private readonly b: Buffer,
    private readonly count: number,
  ) {}

  static read(b: Buffer | undefined, hhea: HheaTable): Hmtx {
    const count = Math.min(hhea.numberOfHMetrics, Math.floor((b?.length ?? 0) / 4));
    if (!b || count === 0) throw new Error('no hmtx table');
    return new Hmtx(b, count);
  }

  advance(gid: number): number {
    return this.b.readUInt16BE(4 * Math.min(gid, this.count - 1));
  }
}

/** A code point → glyph id map read from one cmap subtable. */
export interface Cmap {
  glyph(cp: number): number;
  /** Every mapped code point with its glyph, ascending by code point (glyph 0 left out). */
  forEach(f: (cp: number, gid: number) => void): void;
}

const NO_CMAP: Cmap = { glyph: () => 0, forEach: () => {} };

/** fontkit's preference (CmapProcessor): Unicode full repertoire first, then BMP. */
const PREFERRED: Array<[number, number]> = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

/** The Unicode cmap of a face; a face without one maps nothing. */
export function readCmap(b: Buffer | undefined): Cmap {
  if (!b || b.length < 4) return NO_CMAP;
  const count = b.readUInt16BE(2);
  const records: Array<{ platform: number; encoding: number; offset: number }> = [];
  for (let i = 0; i < count && 4 + 8 * i + 8 <= b.length; i++) {
    const r = 4 + 8 * i;
    records.push({ platform: b.readUInt16BE(r), encoding: b.readUInt16BE(r + 2), offset: b.readUInt32BE(r + 4) });
  }
  for (const [p, e] of PREFERRED) {
    const rec = records.find((r) => r.platform === p && r.encoding === e);
    if (rec && rec.offset + 2 <= b.length) return subtable(b, rec.offset);
  }
  return NO_CMAP;
}

function subtable(b: Buffer, at: number): Cmap {
  const format = b.readUInt16BE(at);
  switch (format) {
    case 0:
      return format0(b, at);
    case 4:
      return format4(b, at);
    case 6:
      return trimmed(b, at, b.readUInt16BE(at + 6), b.readUInt16BE(at + 8), at + 10);
    case 10:
      return trimmed(b, at, b.readUInt32BE(at + 12), b.readUInt32BE(at + 16), at + 20);
    case 12:
    case 13:
      return groups(b, at, format);
    default:
      throw new Error(`cmap format ${format} is not supported`);
  }
}

function check(b: Buffer, end: number): void {
  if (end > b.length) throw new Error('the cmap table is cut off');
}

function format0(b: Buffer, at: number): Cmap {
  check(b, at + 6 + 256);
  return {
    glyph: (cp) => (cp >= 0 && cp < 256 ? b[at + 6 + cp]! : 0),
    forEach(f) {
      for (let cp = 0; cp < 256; cp++) if (b[at + 6 + cp]) f(cp, b[at + 6 + cp]!);
    },
  };
}

/** Formats 6 (16-bit) and 10 (32-bit): one trimmed array of 16-bit glyph ids. */
function trimmed(b: Buffer, at: number, first: number, count: number, array: number): Cmap {
  check(b, array + 2 * count);
  const glyph = (cp: number) => (cp >= first && cp < first + count ? b.readUInt16BE(array + 2 * (cp - first)) : 0);
  return {
    glyph,
    forEach(f) {
      for (let i = 0; i < count; i++) {
        const g = b.readUInt16BE(array + 2 * i);
        if (g) f(first + i, g);
      }
    },
  };
}

function format4(b: Buffer, at: number): Cmap {
  const segCount = b.readUInt16BE(at + 6) >> 1;
  const ends = at + 14;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  const rangeOffsets = deltas + 2 * segCount;
  check(b, rangeOffsets + 2 * segCount);
  const inSegment = (seg: number, cp: number): number => {
    const start = b.readUInt16BE(starts + 2 * seg);
    const delta = b.readUInt16BE(deltas + 2 * seg);
    const ro = b.readUInt16BE(rangeOffsets + 2 * seg);
    if (ro === 0) return (cp + delta) & 0xffff;
    const where = rangeOffsets + 2 * seg + ro + 2 * (cp - start);
    if (where + 2 > b.length) return 0;
    const g = b.readUInt16BE(where);
    return g === 0 ? 0 : (g + delta) & 0xffff;
  };
  return {
    glyph(cp) {
      let lo = 0;
      let hi = segCount - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (cp < b.readUInt16BE(starts + 2 * mid)) hi = mid - 1;
        else if (cp > b.readUInt16BE(ends + 2 * mid)) lo = mid + 1;
        else return inSegment(mid, cp);
      }
      return 0;
    },
    forEach(f) {
      for (let seg = 0; seg < segCount; seg++) {
        const start = b.readUInt16BE(starts + 2 * seg);
        const end = b.readUInt16BE(ends + 2 * seg);
        for (let cp = start; cp <= end; cp++) {
          // The closing segment 0xFFFF → glyph 0 maps nothing.
          const g = inSegment(seg, cp);
          if (g) f(cp, g);
        }
      }
    },
  };
}

function groups(b: Buffer, at: number, format: 12 | 13): Cmap {
  const n = b.readUInt32BE(at + 12);
  const first = at + 16;
  check(b, first + 12 * n);
  return {
    glyph(cp) {
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = first + 12 * mid;
        if (cp < b.readUInt32BE(g)) hi = mid - 1;
        else if (cp > b.readUInt32BE(g + 4)) lo = mid + 1;
        else return format === 12 ? b.readUInt32BE(g + 8) + (cp - b.readUInt32BE(g)) : b.readUInt32BE(g + 8);
      }
      return 0;
    },
    forEach(f) {
      for (let i = 0; i < n; i++) {
        const g = first + 12 * i;
        const start = b.readUInt32BE(g);
        const end = Math.min(b.readUInt32BE(g + 4), 0x10ffff);
        const gid = b.readUInt32BE(g + 8);
        for (let cp = start; cp <= end; cp++) {
          const id = format === 12 ? gid + (cp - start) : gid;
          if (id) f(cp, id);
        }
      }
    },
  };
}
