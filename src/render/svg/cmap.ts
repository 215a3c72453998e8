// The character map of a font (its `cmap` table): which glyph draws a code
// point. Reads the Unicode subtables a font for Chinese text has: format 12
// (all planes) and format 4 (the BMP). A code point none maps draws glyph 0
// (.notdef), as in the PDF.

/** Platform/encoding pairs of Unicode subtables, best first. */
const PREFERRED = [
  [3, 10],
  [0, 6],
  [0, 4],
  [0, 3],
  [3, 1],
  [0, 1],
  [0, 0],
] as const;

export type GlyphOfCodePoint = (cp: number) => number;

/** The glyph lookup of a `cmap` table's best Unicode subtable. */
export function readCmap(table: Uint8Array): GlyphOfCodePoint {
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const count = view.getUint16(2);
  const subtables = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const at = 4 + i * 8;
    subtables.set(`${view.getUint16(at)}/${view.getUint16(at + 2)}`, view.getUint32(at + 4));
  }
  for (const [platform, encoding] of PREFERRED) {
    const offset = subtables.get(`${platform}/${encoding}`);
    if (offset === undefined) continue;
    const format = view.getUint16(offset);
    if (format === 12) return format12(view, offset);
    if (format === 4) return format4(view, offset);
  }
  return () => 0;
}

/** Segmented coverage: groups of consecutive code points → consecutive glyphs. */
function format12(view: DataView, offset: number): GlyphOfCodePoint {
  const groups = view.getUint32(offset + 12);
  const start = new Uint32Array(groups);
  const end = new Uint32Array(groups);
  const glyph = new Uint32Array(groups);
  for (let i = 0; i < groups; i++) {
    const at = offset + 16 + i * 12;
    start[i] = view.getUint32(at);
    end[i] = view.getUint32(at + 4);
    glyph[i] = view.getUint32(at + 8);
  }
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < start[mid]!) hi = mid - 1;
      else if (cp > end[mid]!) lo = mid + 1;
      else return glyph[mid]! + (cp - start[mid]!);
    }
    return 0;
  };
}

/** Segment mapping to delta values, for the BMP. */
function format4(view: DataView, offset: number): GlyphOfCodePoint {
  const segments = view.getUint16(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segments - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const end = view.getUint16(ends + mid * 2);
      const start = view.getUint16(starts + mid * 2);
      if (cp > end) lo = mid + 1;
      else if (cp < start) hi = mid - 1;
      else {
        const delta = view.getUint16(deltas + mid * 2);
        const rangeAt = rangeOffsets + mid * 2;
        const range = view.getUint16(rangeAt);
        if (range === 0) return (cp + delta) & 0xffff;
        const g = view.getUint16(rangeAt + range + (cp - start) * 2);
        return g === 0 ? 0 : (g + delta) & 0xffff;
      }
    }
    return 0;
  };
}
