// Text copied out of the PDF is the text written: look-alike code points that
// share one glyph in the fonts are unified before layout, so the PDF's
// ToUnicode map (built from the first code point seen per glyph) returns them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIssue } from '../../src/build.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadProject } from '../../src/project/config.js';
import { normalizeText } from '../../src/text/normalize.js';
import { pdfText, squeeze } from '../helpers/pdf.js';
import { MINIMAL, writeProject } from '../helpers/project.js';

describe('normalizeText', () => {
  it.each([
    ['・', '·'],
    ['•', '·'],
    ['⋯⋯', '……'],
    ['a\u00A0b', 'a b'],
    ['―', '—'],
    ['⼀⼆', '一二'],
    ['e\u0301', 'é'],
  ])('%s → %s', (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });

  it('leaves ordinary text alone', () => {
    const s = '为贯彻落实《“十四五”上海市邮政业发展规划》，2024年8月26日——“两进一出”……';
    expect(normalizeText(s)).toBe(s);
  });
});

describe('text round trip through the PDF', () => {
  it('· and … come back as written, whichever look-alike came first', async () => {
    const body = '间隔号先写成・再写成·，省略号先写成⋯⋯再写成……，部首⼀和汉字一，不换行空格“甲\u00A0乙”。';
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': `---\ntitle: 标点测试\n---\n\n${body}\n` });
    const result = await buildIssue(loadProject(root, new Diagnostics()), '2024-09', { formats: ['pdf'] });
    const text = squeeze(pdfText(path.join(root, 'out/2024-09.pdf')));
    expect(text).toContain(squeeze(normalizeText(body)));
    expect(text).toContain('间隔号先写成·再写成·');
    expect(text).toContain('省略号先写成……再写成……');
    expect(text).not.toMatch(/[・⋯⼀]/u);
    // The look-alikes are typeset cleanly; only the style linter (which reads
    // the source as written) remarks on them.
    const warnings = result.diagnostics.filter((d) => d.severity !== 'notice');
    expect(warnings.filter((d) => d.code !== 'lint.finding')).toEqual([]);
    expect(warnings.map((d) => d.params?.rule)).toContain('punct.ellipsis');
  });
});
