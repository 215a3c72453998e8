// Reading an OpenType/TrueType file's tables (the OpenType specification):
// the table directory, the cmap (formats 4 and 12), advance widths (hmtx),
// and the numbers a PDF FontDescriptor takes (head, hhea, OS/2, post).

export interface Sfnt {
  bytes: Uint8Array;
  tables: Map<string, Uint8Array>;
}

export function readSfnt(bytes: Uint8Array): Sfnt {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(bytes[rec]!, bytes[rec + 1]!, bytes[rec + 2]!, bytes[rec + 3]!);
    const offset = view.getUint32(rec + 8);
    const length = view.getUint32(rec + 12);
    tables.set(tag, bytes.subarray(offset, offset + length));
  }
  return { bytes, tables };
}

function table(font: Sfnt, tag: string): DataView {
  const t = font.tables.get(tag);
  if (!t) throw new Error(`font has no ${tag} table`);
  return new DataView(t.buffer, t.byteOffset, t.byteLength);
}

export const hasTable = (font: Sfnt, tag: string): boolean => font.tables.has(tag);

/** Code point → glyph id, from the best Unicode subtable (format 12, else 4). */
export function readCmap(font: Sfnt): Map<number, number> {
  const v = table(font, 'cmap');
  const n = v.getUint16(2);
  let best: { offset: number; format: number } | undefined;
  for (let i = 0; i < n; i++) {
    const platform = v.getUint16(4 + i * 8);
    const encoding = v.getUint16(6 + i * 8);
    const offset = v.getUint32(8 + i * 8);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = v.getUint16(offset);
    if (format === 12 && best?.format !== 12) best = { offset, format };
    else if (format === 4 && !best) best = { offset, format };
  }
  const map = new Map<number, number>();
  if (!best) return map;
  const o = best.offset;
  if (best.format === 12) {
    const groups = v.getUint32(o + 12);
    for (let g = 0; g < groups; g++) {
      const start = v.getUint32(o + 16 + g * 12);
      const end = v.getUint32(o + 20 + g * 12);
      const gid = v.getUint32(o + 24 + g * 12);
      for (let cp = start; cp <= end; cp++) map.set(cp, gid + cp - start);
    }
    return map;
  }
  const segs = v.getUint16(o + 6) / 2;
  const ends = o + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const ranges = deltas + segs * 2;
  for (let s = 0; s < segs; s++) {
    const end = v.getUint16(ends + s * 2);
    const start = v.getUint16(starts + s * 2);
    const delta = v.getInt16(deltas + s * 2);
    const rangeOffset = v.getUint16(ranges + s * 2);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let gid: number;
      if (rangeOffset === 0) gid = (cp + delta) & 0xffff;
      else {
        const at = ranges + s * 2 + rangeOffset + (cp - start) * 2;
        gid = v.getUint16(at);
        if (gid !== 0) gid = (gid + delta) & 0xffff;
      }
      if (gid !== 0) map.set(cp, gid);
    }
  }
  return map;
}

export function unitsPerEm(font: Sfnt): number {
  return table(font, 'head').getUint16(18);
}

export function glyphCount(font: Sfnt): number {
  return table(font, 'maxp').getUint16(4);
}

/** Advance widths by glyph id, in font units. */
export function advanceWidths(font: Sfnt): number[] {
  const long = table(font, 'hhea').getUint16(34);
  const hmtx = table(font, 'hmtx');
  const count = glyphCount(font);
  const out: number[] = [];
  for (let gid = 0; gid < count; gid++) out.push(hmtx.getUint16(Math.min(gid, long - 1) * 4));
  return out;
}

/** The FontDescriptor's numbers, in 1/1000 em. */
export function descriptorMetrics(font: Sfnt): { flags: number; bbox: [number, number, number, number]; italicAngle: number; ascent: number; descent: number; capHeight: number; stemV: number } {
  const scale = 1000 / unitsPerEm(font);
  const head = table(font, 'head');
  const hhea = table(font, 'hhea');
  const s = (n: number) => Math.round(n * scale);
  const bbox: [number, number, number, number] = [s(head.getInt16(36)), s(head.getInt16(38)), s(head.getInt16(40)), s(head.getInt16(42))];
  const ascent = s(hhea.getInt16(4));
  const descent = s(hhea.getInt16(6));
  let capHeight = ascent;
  let weight = 400;
  let serif = false;
  if (font.tables.has('OS/2')) {
    const os2 = table(font, 'OS/2');
    weight = os2.getUint16(4);
    if (os2.getUint16(0) >= 2 && os2.byteLength >= 90 && os2.getInt16(88) > 0) capHeight = s(os2.getInt16(88));
    // PANOSE serif style (byte 1 of the family kind Latin text): 11–13 are sans.
    const family = os2.getUint8(32);
    const serifStyle = os2.getUint8(33);
    serif = family === 2 && serifStyle > 1 && serifStyle < 11;
  }
  let italicAngle = 0;
  let fixed = false;
  if (font.tables.has('post')) {
    const post = table(font, 'post');
    italicAngle = post.getInt32(4) / 65536;
    fixed = post.getUint32(12) !== 0;
  }
  // Symbolic: the glyphs are reached by id (Identity-H), not by a standard encoding.
  const flags = (fixed ? 1 : 0) | (serif ? 2 : 0) | 4 | (italicAngle !== 0 ? 64 : 0);
  // No stem width is stored in an OpenType font: the usual estimate from the weight class.
  const stemV = Math.round(10 + 220 * ((weight - 50) / 900) ** 2);
  return { flags, bbox, italicAngle, ascent, descent, capHeight, stemV };
}
