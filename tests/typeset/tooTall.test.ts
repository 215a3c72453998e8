// What cannot break across pages must fit on one: a title, a table row, an
// image with its caption, the 报尾. Each taller than a page is an error at
// the place that wrote it (block.tooTall), never a block run off the page.
import { describe, expect, it } from 'vitest';
import { png } from '../helpers/images.js';
import { MINIMAL } from '../helpers/project.js';
import { typesetFiles } from '../helpers/typeset.js';

const ISSUE = MINIMAL['issues/2024-09/issue.yaml'];
const article = (body: string, front = 'title: 测试文章') => `---\n${front}\n---\n\n${body}\n`;
const tooTall = (d: { code: string }) => d.code === 'block.tooTall';

describe('the 报尾', () => {
  it('with 30 recipients is an error at its first entry, in its own lines: 30, where 25 fit', () => {
    const recipients = Array.from({ length: 30 }, (_, i) => `    - 收文单位${i + 1}`).join('\n');
    const { layout, diagnostics } = typesetFiles({ 'issues/2024-09/issue.yaml': `${ISSUE}distribution:\n  报:\n${recipients}\n` });
    // 30 lines of 26 pt and a row's padding of 2 × 5 pt: 790 pt, over the text block's 660.
    expect(layout.issue.distribution!.height).toBeCloseTo(790, 6);
    expect(diagnostics.filter(tooTall)).toEqual([
      {
        severity: 'error',
        code: 'block.tooTall',
        params: { what: 'distribution', lines: 30, max: 25 },
        file: expect.stringMatching(/issues\/2024-09\/issue\.yaml$/),
        line: 6,
        col: 3,
      },
    ]);
  });

  it('with 25 recipients fits the text block: no error, its last rule on the block’s foot', () => {
    const recipients = Array.from({ length: 25 }, (_, i) => `    - 收文单位${i + 1}`).join('\n');
    const { layout, diagnostics } = typesetFiles({ 'issues/2024-09/issue.yaml': `${ISSUE}distribution:\n  报:\n${recipients}\n` });
    expect(diagnostics.filter(tooTall)).toEqual([]);
    expect(layout.issue.distribution!.top).toBeGreaterThanOrEqual(0);
  });
});

describe('an image with its caption', () => {
  const image = { 'issues/2024-09/images/photo.png': png(600, 400) };

  it('taller than a page is an error at the image', () => {
    // 600 × 400 px at 150 dpi: 288 × 192 pt, 7 grid lines; 21 lines of caption make 28 > 22.
    const caption = '很长的图注'.repeat(120);
    const { diagnostics } = typesetFiles({ ...image, 'issues/2024-09/01-a.md': article(`正文。\n\n![${caption}](images/photo.png)`) });
    expect(diagnostics.filter(tooTall)).toEqual([
      expect.objectContaining({ params: { what: 'image', lines: 28, max: 22 }, file: expect.stringMatching(/01-a\.md$/), line: 7, col: 1 }),
    ]);
  });

  it('that fits a page is no error', () => {
    const { diagnostics } = typesetFiles({ ...image, 'issues/2024-09/01-a.md': article('正文。\n\n![现场照片](images/photo.png)') });
    expect(diagnostics.filter(tooTall)).toEqual([]);
  });
});

describe('titles and table rows', () => {
  it('a title of more grid lines than a page is an error at its first line', () => {
    const lines = Array.from({ length: 24 }, (_, i) => `  - 标题的第${i + 1}行`).join('\n');
    const { diagnostics } = typesetFiles({ 'issues/2024-09/01-a.md': article('正文。', `title:\n${lines}`) });
    // 24 lines of 22 pt at 1.3: 686.4 pt, 23 grid lines of 30 pt.
    expect(diagnostics.filter(tooTall)).toEqual([expect.objectContaining({ params: { what: 'title', lines: 23, max: 22 }, line: 3 })]);
  });

  it('a table row of more lines than a page is an error at the row', () => {
    const cell = '很长的单元格内容'.repeat(100);
    const { diagnostics } = typesetFiles({ 'issues/2024-09/01-a.md': article(`| 项目 | 说明 |\n| --- | --- |\n| 甲 | ${cell} |`) });
    expect(diagnostics.filter(tooTall)).toEqual([expect.objectContaining({ params: expect.objectContaining({ what: 'row', max: 22 }), line: 7 })]);
  });
});
