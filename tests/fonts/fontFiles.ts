// Shared by the tests of the bundled fonts: where they are, how to open them,
// the 8,105 characters of 通用规范汉字表 read from Debian's unicode-data, and
// GBK read from Debian's locales.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { REPO_ROOT } from '../helpers/project.js';

export const FONTS = path.join(REPO_ROOT, 'fonts');

export const SERIF_FALLBACK = 'NotoSerifCJKsc-Fallback.otf';
export const SANS_FALLBACK = 'NotoSansCJKsc-Fallback.otf';
export const TITLE = 'NotoSerifCJKsc-Bold-Title.otf';

const opened = new Map<string, fontkit.Font>();

/** The font in fonts/ (a single face; a collection is refused). */
export function openFont(file: string): fontkit.Font {
  let font = opened.get(file);
  if (!font) {
    const f = fontkit.openSync(path.join(FONTS, file));
    if ('fonts' in f) throw new Error(`${file} is a collection`);
    font = f;
    opened.set(file, font);
  }
  return font;
}

/** A real glyph (not .notdef) for cp: the test src/fonts/fontSet.ts applies. */
export function has(font: fontkit.Font, cp: number): boolean {
  return font.hasGlyphForCodePoint(cp) && font.glyphForCodePoint(cp).id !== 0;
}

/** Code points that none of the fonts of the chain has. */
export function uncovered(chain: fontkit.Font[], cps: Iterable<number>): number[] {
  const out: number[] = [];
  for (const cp of cps) if (!chain.some((f) => has(f, cp))) out.push(cp);
  return out;
}

export const show = (cps: number[]): string => cps.map((cp) => `${String.fromCodePoint(cp)} U+${cp.toString(16).toUpperCase()}`).join(', ');

let tghz: number[] | undefined;

/** The characters of 通用规范汉字表 (2013): the Unihan field kTGHZ2013. */
export function tghz2013(): number[] {
  if (!tghz) {
    const dir = '/usr/share/unicode';
    const files = readdirSync(dir).filter((f) => /^Unihan_.*\.txt\.bz2$/.test(f));
    const cps = new Set<number>();
    for (const f of files) {
      const text = execFileSync('bzip2', ['-dc', path.join(dir, f)], { encoding: 'utf8', maxBuffer: 1 << 30 });
      for (const m of text.matchAll(/^U\+([0-9A-F]{4,6})\tkTGHZ2013\t/gm)) cps.add(parseInt(m[1]!, 16));
    }
    tghz = [...cps].sort((a, b) => a - b);
  }
  return tghz;
}

export function* range(from: number, to: number): Generator<number> {
  for (let cp = from; cp <= to; cp++) yield cp;
}

export const SERIF_RARE = 'NotoSerifCJKsc-Rare.woff2';
export const SANS_RARE = 'NotoSansCJKsc-Rare.woff2';

export interface GbkCharmap {
  repertoire: number[];
  /** The codes GBK maps to the Private Use Area, with GB18030's standard code point. */
  pua: Array<{ bytes: string; pua: number; standard: number }>;
}

let gbk: GbkCharmap | undefined;

/**
 * GBK as glibc's charmaps list it (/usr/share/i18n/charmaps, Debian locales): the code point of
 * every two-byte code of GBK; for the 95 codes GBK maps only to the Private Use Area (commented
 * out in the charmap), the standard code point GB18030 gives the same bytes instead.
 */
export function gbkCharmap(): GbkCharmap {
  if (!gbk) {
    const read = (name: string) => gunzipSync(readFileSync(`/usr/share/i18n/charmaps/${name}.gz`)).toString('latin1');
    const line = /^(% )?<U([0-9A-F]{4,8})>\s+(\/x[0-9a-f]{2}\/x[0-9a-f]{2})\s/gm;
    const repertoire = new Set<number>();
    const puaOf = new Map<string, number>();
    for (const m of read('GBK').matchAll(line)) {
      const cp = parseInt(m[2]!, 16);
      if (m[1]) puaOf.set(m[3]!, cp);
      else repertoire.add(cp);
    }
    const pua: GbkCharmap['pua'] = [];
    for (const m of read('GB18030').matchAll(line)) {
      if (m[1] || !puaOf.has(m[3]!)) continue;
      const standard = parseInt(m[2]!, 16);
      pua.push({ bytes: m[3]!, pua: puaOf.get(m[3]!)!, standard });
      repertoire.add(standard);
    }
    gbk = { repertoire: [...repertoire].sort((a, b) => a - b), pua };
  }
  return gbk;
}
