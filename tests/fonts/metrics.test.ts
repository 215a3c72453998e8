// The bundled Noto subsets parse, and their glyphs sit on the same 1000-unit
// em with the ideographic box 880/−120 that the Fandol fonts declare; the
// fonts folder stays within its budget.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONTS, has, openFont, SANS_FALLBACK, SANS_RARE, SERIF_FALLBACK, SERIF_RARE, TITLE } from './fontFiles.js';

const NOTO = [SERIF_FALLBACK, SANS_FALLBACK, TITLE, SERIF_RARE, SANS_RARE];

/** Declared ideographic em box: OS/2 typo ascender and descender. */
function emBox(font: Font): { ascender: number; descender: number } {
  const os2 = font['OS/2'];
  if (!os2) throw new Error(`${font.postscriptName} has no OS/2 table`);
  return { ascender: os2.typoAscender, descender: os2.typoDescender };
}

/** Mean vertical centre of the ink of the font's ideographs among `cps`, in font units. */
function inkCentre(font: Font, cps: number[]): number {
  const centres = cps.filter((cp) => has(font, cp)).map((cp) => {
    const b = font.glyphForCodePoint(cp).bbox;
    return (b.minY + b.maxY) / 2;
  });
  if (centres.length < 20) throw new Error(`${font.postscriptName}: too few ideographs to measure`);
  return centres.reduce((a, b) => a + b, 0) / centres.length;
}

const ideographs = (font: Font): number[] =>
  font.characterSet.filter((cp) => (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0x20000 && cp <= 0x2ebef)).slice(0, 400);

describe.each(NOTO)('%s', (file) => {
  it('exists and parses with fontkit as a single OpenType/CFF face', () => {
    expect(existsSync(path.join(FONTS, file))).toBe(true);
    // 'OTTO': an OpenType font with CFF outlines, like the Fandol files (not a collection);
    // the rare files hold one in WOFF2 ('wOF2', flavor 'OTTO').
    const head = readFileSync(path.join(FONTS, file)).subarray(0, 8).toString('latin1');
    if (file.endsWith('.woff2')) expect(head).toBe('wOF2OTTO');
    else expect(head.slice(0, 4)).toBe('OTTO');
    const font = openFont(file);
    expect(font.numGlyphs).toBeGreaterThan(1000);
    expect(font.postscriptName).toMatch(/^NotoS(erif|ans)CJKsc-(Regular|Bold)$/);
  });

  it('has a 1000-unit em and the ideographic box 880/−120, as the Fandol fonts declare', () => {
    const font = openFont(file);
    const hei = openFont('FandolHei-Regular.otf');
    expect(font.unitsPerEm).toBe(1000);
    expect(font.unitsPerEm).toBe(hei.unitsPerEm);
    expect(emBox(font)).toEqual({ ascender: 880, descender: -120 });
    expect(emBox(font)).toEqual(emBox(hei));
  });

  it('draws its ideographs full width and centred on that box', () => {
    const font = openFont(file);
    const cps = ideographs(font);
    for (const cp of cps) expect(font.glyphForCodePoint(cp).advanceWidth, String.fromCodePoint(cp)).toBe(font.unitsPerEm);
    const { ascender, descender } = emBox(font);
    expect(Math.abs(inkCentre(font, cps) - (ascender + descender) / 2)).toBeLessThan(20);
  });
});

describe('the fonts folder', () => {
  it('stays under 45 MB', () => {
    const total = readdirSync(FONTS).reduce((sum, f) => sum + statSync(path.join(FONTS, f)).size, 0);
    expect(total).toBeLessThan(45_000_000);
  });
});
