// Reading: every problem in the inputs is reported with its file, line and
// column, all of them in one run; valid inputs become the model.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, type Diagnostic } from '../../src/diagnostics.js';
import { readIssue } from '../../src/read/readIssue.js';
import { loadProjectOrThrow, MINIMAL, writeProject } from '../helpers/project.js';

function read(files: Record<string, string | Uint8Array>, options = {}) {
  const root = writeProject(files);
  return { root, ...readIssue(loadProjectOrThrow(root), path.join(root, 'issues/2024-09'), options) };
}

/** The diagnostics of a read that must fail. */
function problems(files: Record<string, string | Uint8Array>): Array<Diagnostic & { rel: string }> {
  try {
    read(files);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return err.diagnostics.map((d) => ({ ...d, rel: d.file ? path.basename(d.file) : '' }));
  }
  throw new Error('expected the read to fail');
}

describe('reading a valid issue', () => {
  it('gives the model: meta, articles, blocks, positions', () => {
    const { issue } = read({
      ...MINIMAL,
      'issues/2024-09/issue.yaml': `${MINIMAL['issues/2024-09/issue.yaml']}number: 9\ntotalNumber: 120\ncopies: 80\ndistribution:\n  报: [甲单位, 乙单位]\n  送: 丙单位，丁单位\n`,
      'issues/2024-09/02-b.md': '---\ntitle:\n  - 第一行\n  - 第二行\nsection: 行业动态\nsource: 宝山邮政管理局\n---\n\n## 一、小标题\n\n**加粗**与*强调*。\n\n1. 第一项\n2. 第二项\n\n> 编者按：按语。\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n',
    });
    expect(issue.id).toBe('2024-09');
    expect(issue.meta).toMatchObject({ number: 9, totalNumber: 120, copies: 80, date: { year: 2024, month: 9, day: 30 } });
    expect(issue.meta.distribution).toMatchObject([
      { label: '报', kind: 'list', recipients: ['甲单位', '乙单位'] },
      { label: '送', kind: 'text', text: '丙单位，丁单位' },
    ]);
    expect(issue.articles.map((a) => path.basename(a.file))).toEqual(['01-a.md', '02-b.md']);
    const b = issue.articles[1]!;
    expect(b.title.map((t) => t.text)).toEqual(['第一行', '第二行']);
    expect(b.title[1]!.pos.line).toBe(4);
    expect(b).toMatchObject({ section: '行业动态', source: '宝山邮政管理局' });
    expect(b.blocks.map((x) => x.type)).toEqual(['heading', 'paragraph', 'list', 'quote', 'table']);
    expect(b.blocks[0]!.pos.line).toBe(9);
    expect(b.blocks[1]).toMatchObject({
      type: 'paragraph',
      children: [{ type: 'strong' }, { type: 'text', value: '与' }, { type: 'emphasis' }, { type: 'text', value: '。' }],
    });
  });

  it('reads **bold** and *emphasis* next to Chinese punctuation (CommonMark alone does not)', () => {
    const { issue } = read({ ...MINIMAL, 'issues/2024-09/01-a.md': '---\ntitle: t\n---\n\n文字**“强调”**文字，以及*《书名》*后面。\n' });
    const p = issue.articles[0]!.blocks[0] as { children: Array<{ type: string }> };
    expect(p.children.map((c) => c.type)).toEqual(['text', 'strong', 'text', 'emphasis', 'text']);
  });

  it('inherits defaults from bulletin.config.yaml; issue.yaml wins', () => {
    const { issue } = read({
      'bulletin.config.yaml': 'defaults:\n  organization: 默认机构\n  title: 默认名称\n  editor: 默认编者\n  copies: 50\n',
      'issues/2024-09/issue.yaml': 'date: 2024-09-30\ntitle: 本期名称\n',
      'issues/2024-09/01-a.md': MINIMAL['issues/2024-09/01-a.md'],
    });
    expect(issue.meta).toMatchObject({ organization: '默认机构', title: '本期名称', editor: '默认编者', copies: 50 });
  });

  it('accepts a UTF-8 BOM and CRLF line ends, and joins soft breaks without spaces in Chinese', () => {
    const { issue } = read({
      'issues/2024-09/issue.yaml': `\uFEFF${MINIMAL['issues/2024-09/issue.yaml'].replace(/\n/g, '\r\n')}`,
      'issues/2024-09/01-a.md': '\uFEFF---\r\ntitle: 标题\r\n---\r\n\r\n第一行\r\n第二行 and\r\nmore text\r\n',
    });
    const p = issue.articles[0]!.blocks[0]!;
    expect(p.type).toBe('paragraph');
    const text = (p as { children: Array<{ value: string }> }).children.map((c) => c.value).join('');
    expect(text).toBe('第一行第二行 and more text');
  });

  it('leaves out draft articles unless asked, and keeps the articles order of issue.yaml', () => {
    const files = {
      ...MINIMAL,
      'issues/2024-09/issue.yaml': `${MINIMAL['issues/2024-09/issue.yaml']}articles: [02-b.md, 01-a.md]\n`,
      'issues/2024-09/02-b.md': '---\ntitle: 草稿\ndraft: true\n---\n\n草稿正文。\n',
    };
    expect(read(files).issue.articles.map((a) => path.basename(a.file))).toEqual(['01-a.md']);
    expect(read(files, { drafts: true }).issue.articles.map((a) => path.basename(a.file))).toEqual(['02-b.md', '01-a.md']);
  });
});

describe('reading warnings', () => {
  it('an empty heading is left out with a warning at its line, in both outputs alike', () => {
    const { issue, diagnostics } = read({ ...MINIMAL, 'issues/2024-09/01-a.md': '---\ntitle: 标题\n---\n\n正文。\n\n## \n\n后文。\n' });
    expect(issue.articles[0]!.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    expect(diagnostics.items).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'markdown.emptyHeading', line: 7, col: 1 }));
  });
});

describe('reading errors name the file, line and column', () => {
  it('malformed YAML in issue.yaml', () => {
    const d = problems({ ...MINIMAL, 'issues/2024-09/issue.yaml': 'organization: 甲\ntitle: [未闭合\ndate: 2024-09-30\n' });
    expect(d[0]).toMatchObject({ rel: 'issue.yaml', code: 'yaml.syntax', line: expect.any(Number) });
    expect(d[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('an unknown key, with a suggestion', () => {
    const d = problems({ ...MINIMAL, 'issues/2024-09/issue.yaml': `${MINIMAL['issues/2024-09/issue.yaml']}copys: 3\n` });
    expect(d).toContainEqual(expect.objectContaining({ rel: 'issue.yaml', code: 'key.unknownDidYouMean', line: 5, col: 1, params: { key: 'copys', suggestion: 'copies' } }));
  });

  it('a date that does not exist, and a wrong type', () => {
    const d = problems({
      ...MINIMAL,
      'issues/2024-09/issue.yaml': 'organization: 甲\ntitle: 乙\neditor: 丙\ndate: 2024-13-45\ntotalNumber: abc\n',
    });
    expect(d).toContainEqual(expect.objectContaining({ code: 'date.invalid', line: 4, col: 7 }));
    expect(d).toContainEqual(expect.objectContaining({ code: 'value.type', line: 5, col: 14, params: expect.objectContaining({ key: 'totalNumber' }) }));
  });

  it('a missing required key', () => {
    const d = problems({ ...MINIMAL, 'issues/2024-09/issue.yaml': 'organization: 甲\ntitle: 乙\ndate: 2024-09-30\n' });
    expect(d).toContainEqual(expect.objectContaining({ rel: 'issue.yaml', code: 'key.missingAnywhere', params: { key: 'editor' } }));
  });

  it('front-matter problems, at their line in the article', () => {
    const d = problems({ ...MINIMAL, 'issues/2024-09/01-a.md': '---\ntitle: 标题\nsectoin: 动态\n---\n\n正文。\n' });
    expect(d).toContainEqual(expect.objectContaining({ rel: '01-a.md', code: 'key.unknownDidYouMean', line: 3, col: 1 }));
    const none = problems({ ...MINIMAL, 'issues/2024-09/01-a.md': '正文，没有 front-matter。\n' });
    expect(none).toContainEqual(expect.objectContaining({ rel: '01-a.md', code: 'article.noFrontMatter', line: 1 }));
  });

  it('Markdown the model does not support', () => {
    const d = problems({
      ...MINIMAL,
      'issues/2024-09/01-a.md': '---\ntitle: 标题\n---\n\n正文。\n\n<div>HTML</div>\n\n# 一级标题\n\n```\ncode\n```\n\n见[链接](http://example.com)。\n',
    });
    expect(d).toContainEqual(expect.objectContaining({ rel: '01-a.md', code: 'markdown.html', line: 7, col: 1 }));
    expect(d).toContainEqual(expect.objectContaining({ rel: '01-a.md', code: 'markdown.h1', line: 9 }));
    expect(d).toContainEqual(expect.objectContaining({ rel: '01-a.md', code: 'markdown.unsupported', line: 11 }));
    expect(d).toContainEqual(expect.objectContaining({ rel: '01-a.md', code: 'markdown.link', line: 15, col: 2 }));
  });

  it('reports every problem of a run, across files', () => {
    const d = problems({
      'issues/2024-09/issue.yaml': 'organization: 甲\ntitle: 乙\neditor: 丙\ndate: 2024-02-30\nfoobarbaz: 1\n',
      'issues/2024-09/01-a.md': '---\ntitle: 标题\n---\n\n<b>粗</b>\n',
      'issues/2024-09/02-b.md': '---\ntitle: [\n---\n\n正文。\n',
    });
    const codes = d.map((x) => `${x.rel}:${x.code}`);
    expect(codes).toEqual(
      expect.arrayContaining(['issue.yaml:date.invalid', 'issue.yaml:key.unknown', '01-a.md:markdown.html', '02-b.md:yaml.syntax']),
    );
  });

  it('a file that is not UTF-8', () => {
    // 正文 in GBK.
    const gbk = Buffer.concat([Buffer.from('---\ntitle: t\n---\n\n'), Buffer.from([0xd5, 0xfd, 0xce, 0xc4]), Buffer.from('\n')]);
    const d = problems({ ...MINIMAL, 'issues/2024-09/01-a.md': gbk });
    expect(d).toContainEqual(expect.objectContaining({ rel: '01-a.md', code: 'file.notUtf8', line: 5, col: 1 }));
  });

  it('articles that do not exist, are listed twice, or lie outside', () => {
    const d = problems({
      ...MINIMAL,
      'issues/2024-09/issue.yaml': `${MINIMAL['issues/2024-09/issue.yaml']}articles:\n  - 01-a.md\n  - 01-a.md\n  - 09-none.md\n  - ../x.md\n`,
    });
    expect(d).toContainEqual(expect.objectContaining({ code: 'issue.articleTwice', line: 7 }));
    expect(d).toContainEqual(expect.objectContaining({ code: 'issue.articleMissing', line: 8 }));
    expect(d).toContainEqual(expect.objectContaining({ code: 'issue.articleOutside', line: 9 }));
  });

  it('images: missing, outside the issue folder, absolute, remote, not an image', () => {
    const d = problems({
      ...MINIMAL,
      'issues/2024-09/images/fake.png': 'not a png',
      'issues/2024-09/01-a.md':
        '---\ntitle: 标题\n---\n\n![a](images/none.jpg)\n\n![b](../secret.png)\n\n![c](/etc/x.png)\n\n![d](https://example.com/x.png)\n\n![e](images/fake.png)\n',
    });
    expect(d).toContainEqual(expect.objectContaining({ code: 'image.missing', line: 5 }));
    expect(d).toContainEqual(expect.objectContaining({ code: 'image.outside', line: 7 }));
    expect(d).toContainEqual(expect.objectContaining({ code: 'image.absolute', line: 9 }));
    expect(d).toContainEqual(expect.objectContaining({ code: 'image.remote', line: 11 }));
    expect(d).toContainEqual(expect.objectContaining({ code: 'image.notImage', line: 13 }));
  });
});
