// The sample issue (the real bulletin of 26 August 2024) builds end to end,
// and both outputs keep every character of it, in order.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxParts, paragraphTexts } from '../helpers/docx.js';
import { pdfFonts, pdfInfo, pdfText, squeeze } from '../helpers/pdf.js';
import { childEnv, runCliSync } from '../helpers/cli.js';
import { copySampleProject, REPO_ROOT } from '../helpers/project.js';
import { seedArticles, seedBodyText } from '../helpers/seed.js';

const MASTHEAD = '上海市邮政快递行业党建、文明创建工作简报上海市邮政管理局党建办、文明办编2024年8月26日';

let root: string;
let pdf: string;
let docx: string;

beforeAll(() => {
  root = copySampleProject();
  // As a user would: the CLI, run in the project folder (Chinese messages: LANG=zh_CN, no LC_ALL).
  const run = runCliSync(root, ['build', '2024-08'], childEnv({ LANG: 'zh_CN.UTF-8' }));
  // One typography warning, a true one: the source nests “…“人走断电”…” (should be ‘’).
  expect(run.stderr).toBe('issues/2024-08/02-baoshan-energy-saving.md:11:96: 警告: [punct.unpaired] 双引号内再用引号应改用单引号‘’\n');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('已生成');
  pdf = path.join(root, 'out/2024-08.pdf');
  docx = path.join(root, 'out/2024-08.docx');
});

describe('the sample issue', () => {
  it('is the seed bulletin: 11 articles, 6,261 characters', () => {
    expect(seedBodyText()).toHaveLength(6261);
    const issueDir = path.join(REPO_ROOT, 'issues/2024-08');
    const names = readdirSync(issueDir).filter((f) => f.endsWith('.md')).sort();
    expect(names).toHaveLength(11);
    const files = names.map((f) => readFileSync(path.join(issueDir, f), 'utf8'));
    const articles = seedArticles();
    expect(articles).toHaveLength(11);
    articles.forEach((a, i) => {
      const body = files[i]!.split('---').slice(2).join('---').trim().split(/\n\n/);
      expect(body).toEqual(a.paragraphs);
    });
  });

  it('writes an A4 PDF with every font embedded and subset', () => {
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    const info = pdfInfo(pdf);
    expect(info['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
    expect(Number(info.Pages)).toBeGreaterThan(5);
    expect(info.Title).toBe('党建、文明创建工作简报');
    expect(info.Author).toBe('上海市邮政管理局党建办、文明办编');
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const f of fonts) {
      expect(f, f.name).toMatchObject({ embedded: true, subset: true, unicode: true });
    }
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(
      expect.arrayContaining(['FandolFang-Regular', 'NotoSerifCJKsc-Bold', 'FandolSong-Regular']),
    );
  });

  it('PDF text is the masthead and then the seed body, character for character, in order', () => {
    const text = squeeze(pdfText(pdf)).replace(/—\d+—/g, '');
    expect(text.startsWith(MASTHEAD)).toBe(true);
    expect(text.slice(MASTHEAD.length)).toBe(seedBodyText());
  });

  it('sets each title line as the author divided it, on one line (page 1)', () => {
    const lines = pdfText(pdf, '-f', '1', '-l', '1').split('\n').map((l) => l.trim());
    expect(lines).toContain('上海市邮政管理局联合市经信委公布2024年');
    expect(lines).toContain('“上海快递业与制造业深度融合发展”典型案例名单');
  });

  it('numbers every page — N —', () => {
    const pages = Number(pdfInfo(pdf).Pages);
    for (let p = 1; p <= pages; p++) {
      expect(squeeze(pdfText(pdf, '-f', String(p), '-l', String(p)))).toContain(`—${p}—`);
    }
  });

  it('DOCX holds every paragraph, and all the text in order', () => {
    const parts = docxParts(docx);
    const paragraphs = paragraphTexts(parts['word/document.xml']!);
    for (const a of seedArticles()) {
      for (const p of a.paragraphs) expect(paragraphs).toContain(p);
    }
    const all = squeeze(paragraphs.join(''));
    expect(all.startsWith(MASTHEAD)).toBe(true);
    expect(all.slice(MASTHEAD.length)).toBe(seedBodyText());
  });

  it('DOCX sets East Asian fonts by role and no theme fonts', () => {
    const parts = docxParts(docx);
    const styles = parts['word/styles.xml']!;
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:eastAsia="方正小标宋简体"');
    expect(styles).toContain('w:eastAsia="黑体"');
    expect(styles).toContain('w:eastAsia="楷体_GB2312"');
    for (const [name, xml] of Object.entries(parts)) {
      if (name.startsWith('word/theme/')) continue;
      expect(xml, name).not.toMatch(/w:(ascii|hAnsi|eastAsia|cs)Theme=/);
    }
  });

  it('a second build gives byte-identical files', () => {
    const before = [readFileSync(pdf), readFileSync(docx)];
    const run = runCliSync(root, ['--quiet', 'build', '2024-08'], childEnv({ TZ: 'Pacific/Auckland' }));
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(pdf).equals(before[0]!)).toBe(true);
    expect(readFileSync(docx).equals(before[1]!)).toBe(true);
    // Replaced in place: the two outputs and nothing else (no temporary left).
    expect(readdirSync(path.join(root, 'out')).sort()).toEqual(['2024-08.docx', '2024-08.pdf']);
  });
});
