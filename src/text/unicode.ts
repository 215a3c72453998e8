// Character classes shared by reading and typesetting.

/**
 * Characters set on the full-width (ideographic) em: Han, kana, Hangul,
 * CJK symbols and punctuation, full-width forms. A soft line break next to
 * one of them joins without a space.
 */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd) ||
    // Quotation marks, dashes and ellipsis are full width in Chinese fonts.
    cp === 0x2014 ||
    cp === 0x2026 ||
    (cp >= 0x2018 && cp <= 0x201d) ||
    cp === 0x00b7
  );
}

/** Han ideographs, including the extension planes. */
export function isHan(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  return (
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3fffd) ||
    cp === 0x3007
  );
}

/** The code point that ends just before UTF-16 index `i`; undefined at the start. */
export function cpBefore(s: string, i: number): number | undefined {
  if (i <= 0) return undefined;
  const lo = s.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return s.codePointAt(i - 2);
  }
  return lo;
}

/** The code point that starts at UTF-16 index `i`; undefined at the end. */
export function cpAt(s: string, i: number): number | undefined {
  return i < s.length ? s.codePointAt(i) : undefined;
}
