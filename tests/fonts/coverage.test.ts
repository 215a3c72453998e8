// Every character of 通用规范汉字表 (2013) prints: the Fandol fonts with the
// bundled Noto fallbacks cover all 8,105, and the common punctuation and
// symbols of Chinese text; the title subset covers them on its own. With the
// rare files, every character of CJK Unified Ideographs and of GBK prints,
// but for the few no free font here has.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONTS, gbkCharmap, has, openFont, range, SANS_FALLBACK, SANS_RARE, SERIF_FALLBACK, SERIF_RARE, show, tghz2013, TITLE, uncovered } from './fontFiles.js';

const SYMBOLS = [
  ...'⸺⸻﹏№℃‰※→←↑↓×÷±≤≥≠≈∞√°′″§¥￥€·…—–‘’“”〔〕〖〗【】《》〈〉「」『』（）［］｛｝、。，；：？！〇',
  ...range(0x2460, 0x2473), // ①–⑳
  ...range(0x2474, 0x2487), // ⑴–⒇
  ...range(0x2488, 0x249b), // ⒈–⒛
  ...range(0x3220, 0x3229), // ㈠–㈩
  ...range(0x3280, 0x3289), // ㊀–㊉
  ...range(0x2160, 0x216b), // Ⅰ–Ⅻ
  ...range(0x2170, 0x217b), // ⅰ–ⅻ
].map((c) => (typeof c === 'string' ? c.codePointAt(0)! : c));

const NAMED = [...'喆堃玥𠮷'].map((c) => c.codePointAt(0)!);

describe('通用规范汉字表 (kTGHZ2013 in /usr/share/unicode/Unihan_*.txt.bz2)', () => {
  it('lists 8,105 characters', () => {
    expect(tghz2013()).toHaveLength(8105);
  });
});

describe.each([
  ['serif (宋体)', 'FandolSong-Regular.otf', SERIF_FALLBACK],
  ['serif (仿宋)', 'FandolFang-Regular.otf', SERIF_FALLBACK],
  ['serif (楷体)', 'FandolKai-Regular.otf', SERIF_FALLBACK],
  ['serif (FandolSong-Bold)', 'FandolSong-Bold.otf', SERIF_FALLBACK],
  ['sans (黑体)', 'FandolHei-Regular.otf', SANS_FALLBACK],
])('%s chain: %s, then %s', (_name, main, fallback) => {
  const chain = () => [openFont(main), openFont(fallback)];

  it('covers all 8,105 characters', () => {
    expect(show(uncovered(chain(), tghz2013()))).toBe('');
  });

  it('the fallback has 喆 堃 玥 𠮷 (U+20BB7), the characters of names the Fandol fonts lack', () => {
    const fb = openFont(fallback);
    for (const cp of NAMED) expect(has(fb, cp), show([cp])).toBe(true);
  });

  it('covers the common punctuation and symbols of Chinese text', () => {
    expect(show(uncovered(chain(), SYMBOLS))).toBe('');
  });

  it('the fallback holds only what it is for: no character of the 8,105 that every Fandol font has', () => {
    const fandol = ['FandolSong-Regular.otf', 'FandolSong-Bold.otf', 'FandolFang-Regular.otf', 'FandolKai-Regular.otf', 'FandolHei-Regular.otf'].map(openFont);
    const fb = openFont(fallback);
    const redundant = tghz2013().filter((cp) => has(fb, cp) && fandol.every((f) => has(f, cp)));
    expect(show(redundant)).toBe('');
  });
});

describe('the fallbacks carry Extensions B–F', () => {
  it.each([SERIF_FALLBACK, SANS_FALLBACK])('%s has more than 2,000 characters of Extension B and some of C–F', (file) => {
    const font = openFont(file);
    const count = (from: number, to: number) => [...range(from, to)].filter((cp) => has(font, cp)).length;
    expect(count(0x20000, 0x2a6df)).toBeGreaterThan(2000);
    expect(count(0x2a700, 0x2ebef)).toBeGreaterThan(100);
  });
});

describe(`title face ${TITLE}`, () => {
  it('covers the 8,105 characters on its own', () => {
    expect(show(uncovered([openFont(TITLE)], tghz2013()))).toBe('');
  });

  it('covers ASCII, fullwidth forms and the common punctuation and symbols', () => {
    const want = [...range(0x21, 0x7e), ...range(0xff01, 0xff5e), ...SYMBOLS];
    expect(show(uncovered([openFont(TITLE)], want))).toBe('');
  });

  it('has every ideograph FandolSong-Bold has, so it can take its place', () => {
    const song = openFont('FandolSong-Bold.otf');
    const han = song.characterSet.filter((cp) => (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff));
    expect(han.length).toBeGreaterThan(6000);
    expect(show(uncovered([openFont(TITLE)], han))).toBe('');
  });
});

/**
 * What no bundled file can print (fonts/README.md): ≒ (U+2252), which no face of Noto CJK and
 * no Fandol file maps, and U+9FF0–U+9FFF, added in Unicode 13 and 14, after Noto CJK 2.00x.
 */
const NOT_BUNDLED = [0x2252, ...range(0x9ff0, 0x9fff)];

describe('every character of CJK Unified Ideographs (U+4E00–U+9FFF) and of GBK', () => {
  const wanted = () => [...new Set([...range(0x4e00, 0x9fff), ...gbkCharmap().repertoire])].sort((a, b) => a - b);
  const everyFile = () => readdirSync(FONTS).filter((f) => /\.(otf|woff2)$/.test(f)).map(openFont);

  it('GBK is 21,791 characters and 95 PUA codes with standard equivalents', () => {
    const { repertoire, pua } = gbkCharmap();
    expect(pua).toHaveLength(95);
    expect(pua.every((p) => p.pua >= 0xe000 && p.pua <= 0xf8ff && (p.standard < 0xe000 || p.standard > 0xf8ff))).toBe(true);
    expect(repertoire.length).toBe(21791 + 95);
    expect(repertoire).toContain(0x92b6); // 銶
  });

  it.each([
    ['fangsong (仿宋)', ['FandolFang-Regular.otf', SERIF_FALLBACK, SERIF_RARE, 'FandolSong-Regular.otf', SANS_FALLBACK, SANS_RARE]],
    ['kaiti (楷体)', ['FandolKai-Regular.otf', SERIF_FALLBACK, SERIF_RARE, 'FandolSong-Regular.otf', SANS_FALLBACK, SANS_RARE]],
    ['songti (宋体)', ['FandolSong-Regular.otf', SERIF_FALLBACK, SERIF_RARE, SANS_FALLBACK, SANS_RARE]],
    ['xiaobiaosong (title)', [TITLE, SERIF_FALLBACK, SERIF_RARE, 'FandolSong-Regular.otf', SANS_FALLBACK, SANS_RARE]],
    ['heiti (黑体)', ['FandolHei-Regular.otf', SANS_FALLBACK, SANS_RARE, 'FandolSong-Regular.otf', SERIF_FALLBACK, SERIF_RARE]],
  ])('print from the %s chain, all but ≒ and U+9FF0–U+9FFF (read with fontkit)', (_name, files) => {
    expect(show(uncovered(files.map(openFont), wanted()))).toBe(show(NOT_BUNDLED));
  });

  it('the rare characters of a 黑体 heading come from the sans file, all but 訁 (U+8A01, not in Noto Sans CJK SC)', () => {
    const sans = ['FandolHei-Regular.otf', SANS_FALLBACK, SANS_RARE].map(openFont);
    expect(show(uncovered(sans, wanted()))).toBe(show([0x8a01, ...NOT_BUNDLED].sort((a, b) => a - b)));
  });

  it('no bundled file has ≒ or U+9FF0–U+9FFF: nothing is left out that could be in', () => {
    const files = everyFile();
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(show(NOT_BUNDLED.filter((cp) => files.some((f) => has(f, cp))))).toBe('');
  });

  it.each([SERIF_RARE, SANS_RARE])('%s holds only characters no other bundled file has, so it changes nothing that printed before', (rare) => {
    const others = readdirSync(FONTS).filter((f) => /\.(otf|woff2)$/.test(f) && f !== SERIF_RARE && f !== SANS_RARE).map(openFont);
    const font = openFont(rare);
    expect(font.characterSet.length).toBeGreaterThan(11000);
    expect(show(font.characterSet.filter((cp) => others.some((f) => has(f, cp))))).toBe('');
  });

  it('the standard equivalents of GBK’s 95 PUA codes print; of the PUA code points, only the 15 the Fandol fonts map (ḿ ǹ 〾 ⿰–⿻ where CP936 puts them)', () => {
    const chain = ['FandolFang-Regular.otf', SERIF_FALLBACK, SERIF_RARE, 'FandolSong-Regular.otf', SANS_FALLBACK, SANS_RARE].map(openFont);
    const { pua } = gbkCharmap();
    expect(show(uncovered(chain, pua.map((p) => p.standard)))).toBe('');
    const printable = pua.map((p) => p.pua).filter((cp) => everyFile().some((f) => has(f, cp)));
    expect(show(printable.sort((a, b) => a - b))).toBe(show([0xe7c7, 0xe7c8, ...range(0xe7e7, 0xe7f3)]));
    expect(show(printable.filter((cp) => !has(openFont('FandolFang-Regular.otf'), cp)))).toBe('');
  });
});
