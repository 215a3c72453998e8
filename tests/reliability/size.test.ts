// Size: a 1 MB article and an issue of 200 articles build, with all their
// text (how fast is bench/'s business; the timeouts here only stop a hang);
// an image over the configured limit is refused with its file and line;
// pathological nesting ends with a message (exit 0 or 1), never a crash.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxParts } from '../helpers/docx.js';
import { noisePng } from '../helpers/images.js';
import { pdfText, squeeze } from '../helpers/pdf.js';
import { MINIMAL, writeProject } from '../helpers/project.js';
import { messageProblems, outputsUnder, runCli } from './helpers.js';

const ARTICLE_FILE = 'issues/2024-09/01-a.md';
const PARA = '为贯彻落实《“十四五”上海市邮政业发展规划》，推动快递业与制造业深度融合发展，上海市邮政管理局联合市经济和信息化委员会开展了典型案例征集工作。';

describe('large inputs build', () => {
  it('an article of 1 MB of text', async () => {
    let body = '';
    let n = 0;
    while (Buffer.byteLength(body) < 1 << 20) body += `${PARA}第${n++}段。\n\n`;
    const root = writeProject({ ...MINIMAL, [ARTICLE_FILE]: `---\ntitle: 一篇很长的文章\n---\n\n${body}` });
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const text = squeeze(pdfText(path.join(root, 'out/2024-09.pdf')));
    for (const k of [0, Math.floor(n / 2), n - 1]) expect(text).toContain(`${PARA}第${k}段。`);
    const doc = docxParts(path.join(root, 'out/2024-09.docx'))['word/document.xml']!;
    for (const k of [0, Math.floor(n / 2), n - 1]) expect(doc).toContain(`第${k}段。`);
  }, 180_000);

  it('an issue of 200 articles', async () => {
    const files: Record<string, string> = { 'issues/2024-09/issue.yaml': MINIMAL['issues/2024-09/issue.yaml'] };
    for (let k = 0; k < 200; k++) {
      files[`issues/2024-09/${String(k).padStart(3, '0')}.md`] = `---\ntitle: 第${k}篇文章\nsection: 栏目${k % 7}\nsource: 供稿单位${k}\n---\n\n${PARA}\n\n## 小标题${k}\n\n${PARA}\n`;
    }
    const root = writeProject(files);
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const text = squeeze(pdfText(path.join(root, 'out/2024-09.pdf')));
    for (let k = 0; k < 200; k++) {
      expect(text).toContain(`第${k}篇文章`);
      expect(text).toContain(`（供稿单位${k}供稿）`);
    }
  }, 180_000);
});

describe('an image over the configured limit', () => {
  const article = `---\ntitle: 图片\n---\n\n正文。\n\n![大图](images/big.png)\n`;

  it('is refused with a message naming the file, line, size and limit (limits.imageMB: 1, a 2 MB PNG)', async () => {
    const png = noisePng(820, 820);
    expect(png.length).toBeGreaterThan(2_000_000);
    const root = writeProject({
      ...MINIMAL,
      'bulletin.config.yaml': 'limits:\n  imageMB: 1\n',
      'issues/2024-09/images/big.png': png,
      [ARTICLE_FILE]: article,
    });
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^issues\/2024-09\/01-a\.md:7:1: error: .*images\/big\.png.*1\.9 MB.*\b1 MB/m);
    expect(messageProblems(r.stderr)).toEqual([]);
    expect(outputsUnder(root)).toEqual([]);
  });

  it('the same PNG under a limit it fits builds (so the refusal is the size, not the file)', async () => {
    const root = writeProject({
      ...MINIMAL,
      'bulletin.config.yaml': 'limits:\n  imageMB: 3\n',
      'issues/2024-09/images/big.png': noisePng(820, 820),
      [ARTICLE_FILE]: article,
    });
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en', '--format', 'pdf']);
    expect(r.status, r.stderr).toBe(0);
  }, 60_000);

  it('a fractional limit is printed as configured (limits.imageMB: 0.25, a 0.5 MB PNG), not rounded to 0', async () => {
    const root = writeProject({
      ...MINIMAL,
      'bulletin.config.yaml': 'limits:\n  imageMB: 0.25\n',
      'issues/2024-09/images/big.png': noisePng(300, 580),
      [ARTICLE_FILE]: article,
    });
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('issues/2024-09/01-a.md:7:1: error: ');
    expect(r.stderr).not.toMatch(/limit of 0 MB/);
    expect(r.stderr).toMatch(/limit of 0\.25 MB/);
  });
});

describe('deep nesting never crashes (exit 0 or 1 with a message, never 3)', () => {
  const cases: Record<string, string> = {
    'lists nested 200 levels': Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- 第${i}层\n`).join(''),
    'ordered lists nested 200 levels': Array.from({ length: 200 }, (_, i) => `${'   '.repeat(i)}1. 第${i}层\n`).join(''),
    'block quotes nested 2,000 levels': `${'>'.repeat(2000)} 引用的话。\n`,
    'a list in a quote, 1,000 times': `${'> - '.repeat(1000)}字\n`,
    'emphasis nested 3,000 times': `${'**'.repeat(3000)}字${'**'.repeat(3000)}\n`,
  };

  it.each(Object.entries(cases))('%s', async (_name, body) => {
    const root = writeProject({ ...MINIMAL, [ARTICLE_FILE]: `---\ntitle: 嵌套\n---\n\n${body}` });
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en', '--format', 'pdf']);
    expect([0, 1], r.stderr.slice(0, 2000)).toContain(r.status);
    expect(messageProblems(r.stderr)).toEqual([]);
    if (r.status === 1) expect(r.stderr).toMatch(/^issues\/2024-09\/01-a\.md:\d+:\d+: error: /m);
  }, 60_000);

  it('front-matter nested 5,000 levels deep is a YAML error in words, not a stack overflow', async () => {
    const root = writeProject({ ...MINIMAL, [ARTICLE_FILE]: `---\ntitle: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n\n正文。\n` });
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^issues\/2024-09\/01-a\.md:2:\d+: error: /m);
    expect(r.stderr).not.toMatch(/call stack/i);
    expect(messageProblems(r.stderr)).toEqual([]);
  });
});
