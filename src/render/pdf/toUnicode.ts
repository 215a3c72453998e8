// The ToUnicode CMap of a Type0 font with two-byte codes (ISO 32000-1
// §9.10.3): every glyph of the subset that stands for a character, so that
// copying or searching the text gives what the Layout says.

function utf16Hex(cp: number): string {
  return Buffer.from(String.fromCodePoint(cp), 'utf16le').swap16().toString('hex').toUpperCase();
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

/** The CMap program for glyphs 0…count−1, `codePointOf` giving each one's character. */
export function toUnicodeCMap(count: number, codePointOf: (gid: number) => number | undefined): Buffer {
  const pairs: string[] = [];
  for (let gid = 1; gid < count; gid++) {
    const cp = codePointOf(gid);
    if (cp !== undefined) pairs.push(`<${hex4(gid)}> <${utf16Hex(cp)}>`);
  }
  const blocks: string[] = [];
  // At most 100 entries a block (§9.10.3 via Adobe TN 5411).
  for (let i = 0; i < pairs.length; i += 100) {
    const part = pairs.slice(i, i + 100);
    blocks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
  }
  const text = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
  return Buffer.from(text, 'latin1');
}
