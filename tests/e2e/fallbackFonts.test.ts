// Every standard Chinese character prints: all 8,105 characters of the
// 通用规范汉字表 set in every face of the template come back from the PDF's
// text layer and are drawn with a real glyph (never .notdef); names with
// 喆 堃 玥 𠮷 print in body, title and headings; a character no font has is
// reported with its file and line and still copies out of the PDF.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIssue } from '../../src/build.js';
import { InputError } from '../../src/diagnostics.js';
import { tghz2013 } from '../fonts/fontFiles.js';
import { pdfText, squeeze } from '../helpers/pdf.js';
import { loadProjectOrThrow, MINIMAL, writeProject } from '../helpers/project.js';
import { tracedGlyphs, type TracedGlyph } from '../helpers/stext.js';
import { contextFor } from '../helpers/typeset.js';

async function build(files: Record<string, string>) {
  const root = writeProject(files);
  const result = await buildIssue(loadProjectOrThrow(root), '2024-09', { formats: ['pdf'] });
  return { root, result, pdf: path.join(root, 'out/2024-09.pdf') };
}

describe('the 8,105 characters of 通用规范汉字表', () => {
  const chars = tghz2013().map((cp) => String.fromCodePoint(cp));
  const faces = Object.keys(contextFor('jianbao').template.faces).filter((f) => !/Fallback$/.test(f));

  it('are 8,105', () => {
    expect(chars).toHaveLength(8105);
  });

  it.each(faces)('all print from the %s face and its fallbacks: in the text layer, never as .notdef', async (face) => {
    // A template whose body is set in this face: every character, 26 to a line.
    const body = chars.join('');
    const { result, pdf } = await build({
      ...MINIMAL,
      'templates/jianbao.yaml': `extends: jianbao\nstyles:\n  body: { face: ${face}, size: 16 }\n`,
      'issues/2024-09/01-a.md': `---\ntitle: 字表\n---\n\n${body}\n`,
    });
    expect(result.diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
    expect(squeeze(pdfText(pdf)).replace(/—\d+—/g, '')).toContain(body);
    const drawn = tracedGlyphs(pdf).filter((g) => g.size === 16);
    const notdef = drawn.filter((g) => g.glyph === 0);
    expect(notdef.map((g) => g.unicode)).toEqual([]);
    expect(drawn.filter((g) => /\p{Script=Han}/u.test(g.unicode)).length).toBeGreaterThanOrEqual(8105);
  }, 120_000);
});

describe('names with characters the Fandol fonts lack', () => {
  const names = '李喆、王堃、张玥和吉（𠮷）';

  it('print in body, title and 黑体 heading, on the em box of the text around them', async () => {
    const { result, pdf } = await build({
      ...MINIMAL,
      'issues/2024-09/01-a.md': `---\ntitle: 表彰${names}\n---\n\n## 一、获奖名单${names}\n\n获奖者：${names}。\n`,
    });
    const text = squeeze(pdfText(pdf));
    expect(text.match(new RegExp(names.replace(/[（）]/g, '.'), 'gu'))).toHaveLength(3);
    // Reported once each as drawn from a fallback, not as missing.
    const notices = result.diagnostics.filter((d) => d.code === 'glyph.fallback').map((d) => d.params.char);
    expect(new Set(notices)).toEqual(new Set(['喆', '堃', '玥', '𠮷']));
    expect(result.diagnostics.filter((d) => d.code === 'glyph.missing')).toEqual([]);
    const ctx = contextFor('jianbao');
    const emTop = (g: TracedGlyph) => {
      const face = ctx.fonts.all.find((f) => f.postscriptName === g.font)!;
      // y grows upward in mutool trace: the em box's top is the baseline plus the ascent.
      return g.y + face.emAscent * g.size;
    };
    const glyphs = tracedGlyphs(pdf);
    let checked = 0;
    for (const ch of ['喆', '堃', '玥', '𠮷']) {
      for (const g of glyphs.filter((x) => x.unicode === ch)) {
        expect(g.glyph, ch).not.toBe(0);
        expect(g.font, ch).toMatch(/^NotoS(erif|ans)CJKsc/);
        // The character before it on the same line, in the role's own face.
        const i = glyphs.indexOf(g);
        const before = glyphs[i - 1]!;
        expect(before.size).toBe(g.size);
        expect(emTop(g)).toBeCloseTo(emTop(before), 1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(9);
  });

  it('a character no font has is a warning with file and line, drawn as .notdef and kept in the text', async () => {
    const { result, pdf } = await build({
      ...MINIMAL,
      'issues/2024-09/01-a.md': '---\ntitle: 测试\n---\n\n第一段。\n\n表情😀和私用区\uE000字符。\n',
    });
    const warnings = result.diagnostics.filter((d) => d.code === 'glyph.missing');
    expect(warnings).toEqual([
      expect.objectContaining({ severity: 'warning', line: 7, params: expect.objectContaining({ char: '😀' }) }),
      expect.objectContaining({ severity: 'warning', line: 7, params: expect.objectContaining({ char: '\uE000' }) }),
    ]);
    expect(warnings[0]!.file).toMatch(/01-a\.md$/);
    // In content order (-raw): poppler's layout analysis sorts the .notdef runs, marked with
    // ActualText, out of the line; viewers copying the line get the text in order.
    expect(squeeze(pdfText(pdf, '-raw'))).toContain('表情😀和私用区\uE000字符。');
    expect(tracedGlyphs(pdf).filter((g) => g.glyph === 0)).toHaveLength(2);
  });

  it('--strict turns it into an error and writes nothing', async () => {
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': '---\ntitle: 测试\n---\n\n表情😀。\n' });
    const failed = buildIssue(loadProjectOrThrow(root), '2024-09', { strict: true });
    await expect(failed).rejects.toBeInstanceOf(InputError);
    await expect(failed).rejects.toMatchObject({ diagnostics: [expect.objectContaining({ severity: 'error', code: 'glyph.missing', line: 5 })] });
    expect(existsSync(path.join(root, 'out/2024-09.pdf'))).toBe(false);
    expect(existsSync(path.join(root, 'out/2024-09.docx'))).toBe(false);
  });
});
