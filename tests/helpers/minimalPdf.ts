// The smallest PDF that draws glyphs of one embedded font, to check a font
// program the way a viewer reads it (mutool draws with FreeType): one page,
// one Type0 font under Identity-H over a CIDFontType0 (FontFile3, CFF or
// OpenType) or CIDFontType2 (FontFile2), each line a run of glyph ids, with a
// ToUnicode CMap so the text copies out.

export interface PdfFontProgram {
  kind: 'CIDFontType0C' | 'OpenType' | 'TrueType';
  data: Uint8Array;
  postscriptName: string;
  /** Advance widths by CID (= glyph id under Identity, or a CID-keyed CFF's own CID), 1/1000 em. */
  widths: Map<number, number>;
  /** The code point of each CID drawn (ToUnicode). */
  codePointOf: Map<number, number>;
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 | (v >> 10)) + hex4(0xdc00 | (v & 0x3ff));
}

/** A PDF drawing `lines` (CIDs, two bytes each under Identity-H) at 24 pt, one line under the other. */
export function minimalPdf(font: PdfFontProgram, lines: number[][]): Buffer {
  const content = [
    'BT /F1 24 Tf 28 TL 20 180 Td',
    ...lines.map((gids) => `<${gids.map(hex4).join('')}> Tj T*`),
    'ET',
  ].join('\n');
  const entries = [...font.codePointOf].sort((a, b) => a[0] - b[0]);
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${entries.length} beginbfchar`,
    ...entries.map(([g, cp]) => `<${hex4(g)}> <${utf16Hex(cp)}>`),
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const type2 = font.kind === 'TrueType';
  const fontFile = type2 ? '/FontFile2 8 0 R' : '/FontFile3 8 0 R';
  const objects: Array<string | { dict: string; data: Uint8Array }> = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 220] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    { dict: '<<', data: Buffer.from(content, 'latin1') },
    `<< /Type /Font /Subtype /Type0 /BaseFont /${font.postscriptName} /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 9 0 R >>`,
    `<< /Type /Font /Subtype /${type2 ? 'CIDFontType2' : 'CIDFontType0'} /BaseFont /${font.postscriptName} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /W [${[...font.widths].sort((a, b) => a[0] - b[0]).map(([c, w]) => `${c} [${w.toFixed(0)}]`).join(' ')}]${type2 ? ' /CIDToGIDMap /Identity' : ''} >>`,
    `<< /Type /FontDescriptor /FontName /${font.postscriptName} /Flags 4 /FontBBox [-1000 -300 2000 1200] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 ${fontFile} >>`,
    { dict: type2 ? '<<' : `<< /Subtype /${font.kind}`, data: font.data },
    { dict: '<<', data: Buffer.from(toUnicode, 'latin1') },
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    const chunk =
      typeof o === 'string'
        ? Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1')
        : Buffer.concat([Buffer.from(`${i + 1} 0 obj\n${o.dict} /Length ${o.data.length} >>\nstream\n`, 'latin1'), Buffer.from(o.data), Buffer.from('\nendstream\nendobj\n', 'latin1')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
