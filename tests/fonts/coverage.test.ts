// Every character of 通用规范汉字表 (2013) prints: the Fandol fonts with the
// bundled Noto fallbacks cover all 8,105, and the common punctuation and
// symbols of Chinese text; the title subset covers them on its own.
import { describe, expect, it } from 'vitest';
import { has, openFont, range, SANS_FALLBACK, SERIF_FALLBACK, show, tghz2013, TITLE, uncovered } from './fontFiles.js';

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
