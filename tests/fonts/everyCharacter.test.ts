// Every character of CJK Unified Ideographs and of GBK prints from the bundled
// fonts: 銶 (U+92B6, in 梁銶琚堂) and a spread of the block and of GBK, set in
// body, title and 黑体 heading, come back from the PDF's text and are drawn
// with a real glyph (never .notdef), the rare ones from the Noto file of the
// heading's or the body's style.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIssue } from '../../src/build.js';
import { pdfText, squeeze } from '../helpers/pdf.js';
import { loadProjectOrThrow, MINIMAL, writeProject } from '../helpers/project.js';
import { tracedGlyphs } from '../helpers/stext.js';
import { gbkCharmap, has, openFont, range } from './fontFiles.js';

const NOT_BUNDLED = new Set([0x2252, ...range(0x9ff0, 0x9fff)]);
const PRINTABLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** Every 53rd character of the block and of GBK that a font can print (letters, marks and symbols). */
function spread(): string[] {
  const all = [...new Set([...range(0x4e00, 0x9fff), ...gbkCharmap().repertoire])].sort((a, b) => a - b);
  return all.filter((cp, i) => i % 53 === 0 && !NOT_BUNDLED.has(cp) && PRINTABLE.test(String.fromCodePoint(cp)) && cp > 0x7f).map((cp) => String.fromCodePoint(cp));
}

/** Characters no Fandol file and no common Noto fallback has: they come from the rare files. */
function rareOnes(chars: string[]): string[] {
  const common = ['FandolFang-Regular.otf', 'FandolHei-Regular.otf', 'FandolKai-Regular.otf', 'FandolSong-Regular.otf', 'FandolSong-Bold.otf', 'NotoSerifCJKsc-Fallback.otf', 'NotoSansCJKsc-Fallback.otf', 'NotoSerifCJKsc-Bold-Title.otf'].map(openFont);
  return chars.filter((c) => !common.some((f) => has(f, c.codePointAt(0)!)));
}

describe('characters beyond 通用规范汉字表', () => {
  it('梁銶琚堂 and a spread of U+4E00–U+9FFF and GBK print in body, title and 黑体 heading, from real glyphs', async () => {
    const chars = spread();
    expect(chars.length).toBeGreaterThan(400);
    const rare = rareOnes(chars);
    expect(rare.length).toBeGreaterThan(150);
    const sample = rare.slice(0, 12).join('');
    const title = `梁銶琚堂${sample}`;
    const heading = `一、梁銶琚堂${sample}`;
    const body = `梁銶琚堂。${chars.join('')}`;
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': `---\ntitle: ${title}\n---\n\n## ${heading}\n\n${body}\n` });
    const result = await buildIssue(loadProjectOrThrow(root), '2024-09', { formats: ['pdf'] });
    const pdf = path.join(root, 'out/2024-09.pdf');
    expect(result.diagnostics.filter((d) => d.code === 'glyph.missing')).toEqual([]);
    const text = squeeze(pdfText(pdf)).replace(/—\d+—/g, '');
    for (const s of [title, heading, body]) expect(text).toContain(s);

    const glyphs = tracedGlyphs(pdf);
    const notdef = glyphs.filter((g) => g.glyph === 0);
    expect(notdef.map((g) => g.unicode)).toEqual([]);
    // 銶 in the title, the heading and the body, never .notdef.
    expect(glyphs.filter((g) => g.unicode === '銶').length).toBe(3 + chars.filter((c) => c === '銶').length);
    // The rare characters: from the serif file in the title (22 pt) and the body (16 pt), from the sans file in the heading.
    const drawn = (ch: string) => glyphs.filter((g) => g.unicode === ch);
    for (const ch of rare.slice(0, 12)) {
      const fonts = drawn(ch).map((g) => g.font);
      expect(fonts, ch).toContain('NotoSerifCJKsc-Regular');
      expect(fonts.filter((f) => f === 'NotoSansCJKsc-Regular').length, ch).toBe(ch === '訁' ? 0 : 1);
    }
    for (const ch of rare) expect(drawn(ch).length, ch).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
