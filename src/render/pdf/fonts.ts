// Embedding a face's subset (ISO 32000-1 §9.7): a Type0 font with Identity-H
// over a CIDFontType0 (CFF, FontFile3 /CIDFontType0C) or CIDFontType2
// (TrueType, FontFile2, CIDToGIDMap /Identity), its widths, a ToUnicode
// CMap and, for PDF/A-1, a CIDSet. Codes are glyph ids (CID = glyph id).
// The subsets are the build's one set for every writer (src/fonts/subsets.ts).
import type { FaceSubset } from '../../fonts/subsets.js';
import type { PdfFile } from './file.js';
import { asciiString, name, type PdfRef, type PdfValue } from './objects.js';
import { toUnicodeCMap } from './toUnicode.js';

export interface FontEmbedding {
  /** Write a CIDSet naming every CID of the subset (PDF/A-1, ISO 19005-1 §6.3.5). */
  cidSet: boolean;
}

/**
 * The W array (§9.7.4.3) with the commonest width as DW: runs of one width as
 * `first last w`, other glyphs in lists.
 */
export function widthsArray(widths: readonly number[]): { dw: number; w: PdfValue[] } {
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  const dw = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 1000;
  const out: PdfValue[] = [];
  let gid = 0;
  while (gid < widths.length) {
    if (widths[gid] === dw) {
      gid++;
      continue;
    }
    let end = gid;
    while (end + 1 < widths.length && widths[end + 1] === widths[gid]) end++;
    if (end - gid >= 2) {
      out.push(gid, end, widths[gid]!);
      gid = end + 1;
      continue;
    }
    const list: number[] = [];
    const start = gid;
    // A list until the width is the default or a run of three begins (and at most 8,000 entries, under PDF/A's array limit).
    while (gid < widths.length && widths[gid] !== dw && list.length < 8000) {
      if (gid + 2 < widths.length && widths[gid] === widths[gid + 1] && widths[gid] === widths[gid + 2]) break;
      list.push(widths[gid]!);
      gid++;
    }
    out.push(start, list);
  }
  return { dw, w: out };
}

/** Write the font's objects; returns the Type0 font's reference. */
export function embedFont(file: PdfFile, subset: FaceSubset, options: FontEmbedding): PdfRef {
  const baseFont = `${subset.tag}+${subset.postscriptName}`;
  const m = subset.descriptor;
  const glyphCount = subset.widths.length;
  const cff = subset.outlines === 'cff';
  const program = cff ? subset.cff : subset.trueType;
  if (!program) throw new Error(`the subset of ${subset.face} has no ${cff ? 'CFF' : 'TrueType'} outlines`);
  const fontFile = cff
    ? file.addStream({ Subtype: name('CIDFontType0C') }, program)
    : file.addStream({ Length1: program.length }, program);
  const cidSet = options.cidSet ? file.addStream({}, cidSetBits(glyphCount)) : undefined;
  const descriptor = file.add({
    Type: name('FontDescriptor'),
    FontName: name(baseFont),
    Flags: m.flags,
    FontBBox: m.bbox,
    ItalicAngle: m.italicAngle,
    Ascent: m.ascent,
    Descent: m.descent,
    CapHeight: m.capHeight,
    StemV: m.stemV,
    [cff ? 'FontFile3' : 'FontFile2']: fontFile,
    ...(cidSet ? { CIDSet: cidSet } : {}),
  });
  const { dw, w } = widthsArray(subset.widths);
  const cidFont = file.add({
    Type: name('Font'),
    Subtype: name(cff ? 'CIDFontType0' : 'CIDFontType2'),
    BaseFont: name(baseFont),
    CIDSystemInfo: { Registry: asciiString('Adobe'), Ordering: asciiString('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    DW: dw,
    ...(w.length > 0 ? { W: w } : {}),
    ...(cff ? {} : { CIDToGIDMap: name('Identity') }),
  });
  const toUnicode = file.addStream({}, toUnicodeCMap(glyphCount, (gid) => subset.codePointOf.get(gid)));
  return file.add({
    Type: name('Font'),
    Subtype: name('Type0'),
    BaseFont: name(baseFont),
    Encoding: name('Identity-H'),
    DescendantFonts: [cidFont],
    ToUnicode: toUnicode,
  });
}

/** One bit a CID, high bit first, every CID of the subset present. */
function cidSetBits(count: number): Buffer {
  const bits = Buffer.alloc(Math.ceil(count / 8));
  for (let cid = 0; cid < count; cid++) bits[cid >> 3]! |= 0x80 >> (cid & 7);
  return bits;
}

