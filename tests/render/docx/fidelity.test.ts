// The DOCX follows the typesetter where the default sample does not look:
// a 报尾 of three rows, 编者按 boxes (at the foot of a full page, across a
// page break, with a list inside), tables, the draft watermark, image sizes,
// each style's character spacing and the fonts it names. LibreOffice breaks pages where the PDF does.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIssue, prepareIssue, type BuildOptions } from '../../../src/build.js';
import { Diagnostics } from '../../../src/diagnostics.js';
import type { Block } from '../../../src/model.js';
import { loadProject } from '../../../src/project/config.js';
import { charPitch, trackingEm } from '../../../src/template/gridMetrics.js';
import { loadTemplate } from '../../../src/template/loadTemplate.js';
import { docxParts, paragraphTexts } from '../../helpers/docx.js';
import { png } from '../../helpers/images.js';
import { docxToPdf, fontconfigFor } from '../../helpers/libreoffice.js';
import { pdfInfo } from '../../helpers/pdf.js';
import { MINIMAL, writeProject } from '../../helpers/project.js';
import { articles, figuresOf, listItemOf, tablesOf } from '../../helpers/setTree.js';
import { pageLines, expectSamePageBreaks } from '../../helpers/pageBreaks.js';
import { pdfPages } from '../../helpers/stext.js';

const ISSUE = MINIMAL['issues/2024-09/issue.yaml'];

/** Build issue 2024-09 of a project with `article` (front matter included) and `files`; the DOCX also through LibreOffice when `lo`. */
async function build(article: string, options: { yaml?: string; template?: string; files?: Record<string, string | Uint8Array>; lo?: boolean; build?: BuildOptions } = {}) {
  const template = options.template ?? 'jianbao';
  const root = writeProject({
    'bulletin.config.yaml': `template: ${template}\n`,
    'issues/2024-09/issue.yaml': options.yaml ?? ISSUE,
    'issues/2024-09/01-a.md': article,
    ...options.files,
  });
  const project = loadProject(root, new Diagnostics());
  await buildIssue(project, '2024-09', options.build);
  const { layout, issue } = prepareIssue(project, '2024-09', options.build);
  const pdf = path.join(root, 'out/2024-09.pdf');
  const docx = path.join(root, 'out/2024-09.docx');
  const lo = options.lo ? docxToPdf(docx, fontconfigFor(loadTemplate(template, undefined, new Diagnostics())!)) : '';
  return { root, pdf, docx, lo, layout, issue, parts: docxParts(docx) };
}

interface Stroke {
  width: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Straight stroked lines on a page of a PDF, in points from the top-left corner (mutool trace). */
function strokes(pdf: string, page: number): Stroke[] {
  const xml = execFileSync('mutool', ['trace', pdf, String(page)], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const out: Stroke[] = [];
  for (const m of xml.matchAll(/<stroke_path linewidth="([^"]+)"[^>]*transform="([^"]+)"[^>]*>([\s\S]*?)<\/stroke_path>/g)) {
    const [a, b, c, d, e, f] = m[2]!.split(' ').map(Number) as [number, number, number, number, number, number];
    const pts = [...m[3]!.matchAll(/<(?:moveto|lineto) x="([-\d.]+)" y="([-\d.]+)"/g)].map((p) => [Number(p[1]), Number(p[2])] as const);
    for (let i = 1; i < pts.length; i++) {
      const [x1, y1] = pts[i - 1]!;
      const [x2, y2] = pts[i]!;
      out.push({ width: Number(m[1]), x1: a * x1 + c * y1 + e, y1: b * x1 + d * y1 + f, x2: a * x2 + c * y2 + e, y2: b * x2 + d * y2 + f });
    }
  }
  return out;
}

/** Vertical rules `width` thick on a page, by x. */
const verticals = (pdf: string, page: number, width: number) =>
  strokes(pdf, page).filter((s) => Math.abs(s.x1 - s.x2) < 0.01 && Math.abs(s.width - width) < 0.01);

/** The first character of the line that starts with `text`. */
function lineStart(pdf: string, text: string) {
  const line = pdfPages(pdf)
    .flatMap((p) => p.lines)
    .find((l) => l.text.startsWith(text));
  if (!line) throw new Error(`no line starts with ${text}`);
  return line.chars[0]!;
}

/** Every block of the issue in reading order, quotes and lists opened. */
function allBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b) => [b, ...(b.type === 'quote' ? allBlocks(b.blocks) : b.type === 'list' ? b.items.flatMap((i) => allBlocks(i.blocks)) : [])]);
}

const ONE_LINERS = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `第${from + i}段很短的一行。`).join('\n\n');
const NOTE = '编者按：这是一段编者按，说明本文的背景，内容较长，需要换行的时候后面的行应当与第一行的文字对齐。';
const LONG_NOTE = '这是一段引文，说明本文的背景，内容较长，需要换行的时候后面的行应当与第一行的文字对齐。'.repeat(3);

describe('the 报尾 in the DOCX', () => {
  it('of three rows (报, 送, 共印) stays on the last page in LibreOffice', async () => {
    const yaml = `${ISSUE}distribution:\n  报:\n    - 国家邮政局精神文明建设指导委员会\n    - 上海市精神文明建设委员会\n  送: 上海市文明办，各快递企业\ncopies: 120\n`;
    const { pdf, lo } = await build(MINIMAL['issues/2024-09/01-a.md'], { yaml, lo: true });
    // Measured before the fix: 2 pages in LibreOffice (the table spilled), 1 in the PDF.
    expect(Number(pdfInfo(lo).Pages)).toBe(Number(pdfInfo(pdf).Pages));
    expect(pageLines(lo).at(-1)).toContain('共印120份');
  }, 120_000);
});

describe('a 编者按 in the DOCX', () => {
  it('breaks pages where the PDF does: a full page under a box, and a box across a page break', async () => {
    // Page 1: the title, a 编者按 of three lines, eleven lines: full. Page 2: nineteen lines and three of a six-line quote.
    const article = `---\ntitle: 测试文章\n---\n\n> ${NOTE}\n\n${ONE_LINERS(1, 30)}\n\n> ${LONG_NOTE}\n\n${ONE_LINERS(31, 50)}\n`;
    const { pdf, lo } = await build(article, { lo: true });
    const ours = pageLines(pdf);
    expect(ours[0]!.at(-1)).toBe('第11段很短的一行。');
    expect(ours[1]!.at(-4)).toBe('第30段很短的一行。');
    expectSamePageBreaks(pdf, lo);
  }, 120_000);

  it('draws the box at the text block edges and the text inset in it, as the PDF does', async () => {
    const article = `---\ntitle: 测试文章\n---\n\n> ${NOTE}\n\n${ONE_LINERS(1, 3)}\n`;
    const { pdf, lo } = await build(article, { lo: true });
    // The box's sides: where the PDF draws them, within a rule's width (0.5 pt).
    const sides = (file: string) => [...new Set(verticals(file, 1, 0.5).map((s) => Math.round(s.x1)))].sort((a, b) => a - b);
    const ours = sides(pdf);
    expect(ours).toHaveLength(2);
    const theirs = verticals(lo, 1, 0.5).map((s) => s.x1);
    expect(theirs.length).toBeGreaterThan(0);
    for (const x of theirs) expect(Math.min(...ours.map((o) => Math.abs(o - x)))).toBeLessThan(1);
    expect(Math.min(...theirs)).toBeLessThan(ours[0]! + 1);
    expect(Math.max(...theirs)).toBeGreaterThan(ours[1]! - 1);
    // The text where the PDF sets it: the label line indented, the next at the inset.
    for (const start of ['编者按：', '较长，']) expect(lineStart(lo, start).x).toBeCloseTo(lineStart(pdf, start).x, 0);
  }, 120_000);

  it('insets a list, a heading and a table inside it like its paragraphs', async () => {
    const article = [
      '---\ntitle: 测试文章\n---\n',
      '> 编者按：短。',
      '>',
      '> 1. 第一项措施，内容较长，需要换行的时候后面的行应当与第一行的文字对齐，而不是与编号对齐。',
      '> 2. 第二项措施。',
      '>',
      '> ## 一、引文标题',
      '>',
      '> | 单位 | 数量 |',
      '> |---|---|',
      '> | 甲单位 | 12 |',
      '',
      '正文。',
      '',
    ].join('\n');
    const { pdf, lo, parts, layout, issue } = await build(article, { lo: true });
    const t = loadTemplate('jianbao', undefined, new Diagnostics())!;
    const inset = Math.round(t.quote.inset * charPitch(t) * 20);
    const doc = parts['word/document.xml']!;
    const paragraphOf = (text: string) => [...doc.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<\/w:p>/gs)].map((m) => m[0]).find((p) => paragraphTexts(p)[0]!.includes(text))!;
    const blocks = allBlocks(issue.articles[0]!.blocks);
    const item = blocks.find((b) => b.type === 'paragraph' && JSON.stringify(b).includes('第一项措施'))!;
    const hang = listItemOf(layout, item).hang;
    const first = paragraphOf('第一项措施');
    expect(first).toContain(`w:left="${inset + Math.round(hang * 20)}"`);
    expect(first).toContain('<w:pBdr>');
    const heading = paragraphOf('引文标题');
    expect(heading).toContain(`w:left="${inset}"`);
    expect(heading).toContain(`w:right="${inset}"`);
    expect(heading).toContain('<w:pBdr>');
    const table = doc.match(/<w:tbl>(?:(?!<\/w:tbl>).)*?甲单位(?:(?!<\/w:tbl>).)*<\/w:tbl>/s)![0];
    expect(table).toContain(`<w:tblInd w:type="dxa" w:w="${inset}"/>`);
    // The list item's later lines hang where the PDF hangs them, inside the box.
    const pages = (file: string) => pdfPages(file).flatMap((p) => p.lines);
    const second = (file: string) => pages(file)[pages(file).findIndex((l) => l.text.startsWith('1.第一项措施')) + 1]!.chars[0]!.x;
    expect(second(lo)).toBeCloseTo(second(pdf), 0);
  }, 120_000);

  it('right after the title keeps the title with it, as the typesetter does', async () => {
    const { parts } = await build(`---\ntitle: 测试文章\n---\n\n> 编者按：短。\n\n正文。\n`);
    const doc = parts['word/document.xml']!;
    const note = doc.match(/<w:p><w:pPr><w:pStyle w:val="EditorNote"\/>(?:(?!<\/w:pPr>).)*<\/w:pPr>/s)![0];
    // One line: fewer than titleKeepLines (2), so it is kept with what follows.
    expect(note).toContain('<w:keepNext/>');
  });
});

describe('tables in the DOCX', () => {
  const rows = Array.from({ length: 5 }, (_, r) => `| 甲单位${r + 1} | ${r + 1}2 | 这是一个比较长的备注，需要在单元格里换行显示出来 |`).join('\n');
  const sections = Array.from({ length: 6 }, (_, k) => `第${k + 1}节的说明文字，内容较长，需要换行的时候后面的行应当对齐。\n\n| 单位名称 | 数量 | 备注说明 |\n|---|:-:|---|\n${rows}`);
  // (A paragraph between two tables: Word and LibreOffice join adjacent tables into one.)
  const article = `---\ntitle: 测试文章\n---\n\n${sections.join('\n\n')}\n\n结尾的一段话。\n\n> | 单位 | 数量 |\n> |---|---|\n> | 甲单位 | 12 |\n`;

  it('have the typesetter’s column widths, fixed, and rows that never split', async () => {
    const { parts, layout, issue } = await build(article);
    const doc = parts['word/document.xml']!;
    const tables = [...doc.matchAll(/<w:tbl>(?:(?!<\/w:tbl>).)*?<\/w:tbl>/gs)].map((m) => m[0]).filter((x) => x.includes('TableText'));
    const set = allBlocks(issue.articles[0]!.blocks).filter((b) => b.type === 'table');
    expect(tables).toHaveLength(set.length);
    const t = loadTemplate('jianbao', undefined, new Diagnostics())!;
    const inset = Math.round(t.quote.inset * charPitch(t) * 20);
    tables.forEach((xml, i) => {
      const widths = tablesOf(layout)[i]!.columns;
      const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid).toHaveLength(widths.length);
      grid.forEach((w, c) => expect(Math.abs(w - widths[c]! * 20)).toBeLessThanOrEqual(1));
      // The frame's width: the text block's, less the 编者按's insets for the last table.
      const frame = Math.ceil(416 * 20) - (i === tables.length - 1 ? 2 * inset : 0);
      expect(grid.reduce((a, b) => a + b, 0)).toBe(frame);
      expect(xml).toContain(`<w:tblW w:type="dxa" w:w="${frame}"/>`);
      expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
      const trs = xml.match(/<w:tr>/g)!.length;
      expect(xml.match(/<w:cantSplit\/>/g)).toHaveLength(trs);
    });
  });

  it('break pages where the PDF does in LibreOffice', async () => {
    const { pdf, lo } = await build(article, { lo: true });
    // Measured before the fix: the same 5 pages, but from page 2 on every page ended one or two rows early.
    expectSamePageBreaks(pdf, lo);
  }, 120_000);
});

describe('the draft watermark in the DOCX', () => {
  it('is the template’s 120 pt 黑体, solid, the size of the text, centred on the page', async () => {
    const { parts, layout, lo } = await build(MINIMAL['issues/2024-09/01-a.md'], { build: { drafts: true }, lo: true });
    const runs = layout.pages[0]!.items.filter((i) => i.kind === 'text' && i.rotation !== undefined);
    expect(runs.length).toBeGreaterThan(0);
    const left = Math.min(...runs.map((r) => (r.kind === 'text' ? r.x : Infinity)));
    const width = 2 * (layout.width / 2 - left);
    for (const [name, xml] of Object.entries(parts).filter(([n]) => /^word\/header\d+\.xml$/.test(n))) {
      const shape = xml.match(/<v:shape id="PowerPlusWaterMarkObject[^>]*>[\s\S]*?<\/v:shape>/)![0];
      expect(shape, name).toContain('font-size:120pt');
      expect(shape, name).toContain('<v:fill opacity="1"/>');
      const style = /style="([^"]*)"/.exec(shape)![1]!;
      expect(Number(/width:([\d.]+)pt/.exec(style)![1])).toBeCloseTo(width, 1);
      expect(Number(/height:([\d.]+)pt/.exec(style)![1])).toBe(120);
      expect(style).toContain('mso-position-horizontal-relative:page');
      expect(style).toContain('mso-position-vertical-relative:page');
    }
    // LibreOffice draws it as a filled outline: its box lies about the page's centre, no wider than the text turned 45°.
    const xml = execFileSync('mutool', ['trace', lo, '1'], { encoding: 'utf8', maxBuffer: 256 << 20 });
    const fill = /<fill_path[^>]*transform="([^"]+)"[^>]*>([\s\S]*?)<\/fill_path>/.exec(xml)!;
    const [a, b, c, d, e, f] = fill[1]!.split(' ').map(Number) as [number, number, number, number, number, number];
    const pts = [...fill[2]!.matchAll(/x="([-\d.]+)" y="([-\d.]+)"/g)].map((m) => [a * Number(m[1]) + c * Number(m[2]) + e, b * Number(m[1]) + d * Number(m[2]) + f]);
    const xs = pts.map((p) => p[0]!);
    const ys = pts.map((p) => p[1]!);
    expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeCloseTo(layout.width / 2, -1);
    expect((Math.min(...ys) + Math.max(...ys)) / 2).toBeCloseTo(layout.height / 2, -1);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(((width + 120) * Math.SQRT2) / 2);
  }, 120_000);
});

describe('images in the DOCX', () => {
  it('are never larger than typeset (no rounding to whole pixels)', async () => {
    // 601 × 401 px at 150 dpi: 288.48 × 192.48 pt, 384.64 × 256.64 px at 96 dpi.
    const { parts, layout, issue } = await build(`---\ntitle: 测试文章\n---\n\n![照片](images/a.png)\n`, { files: { 'issues/2024-09/images/a.png': png(601, 401) } });
    const image = issue.articles[0]!.blocks[0]!;
    const set = figuresOf(layout)[0]!.panels[0]!.image;
    expect(set.model).toBe(image);
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(parts['word/document.xml']!)!;
    for (const [emu, pt] of [
      [Number(extent[1]), set.width],
      [Number(extent[2]), set.height],
    ] as const) {
      expect(emu).toBeLessThanOrEqual(pt * 12700);
      expect(emu).toBeGreaterThan(pt * 12700 - 1);
    }
  });
});

describe('character spacing in the DOCX', () => {
  it('tracks each style by the grid’s tracking of its own size (gbt9704), and runs set at other sizes', async () => {
    // A title too long for 22 pt on one line: set smaller.
    const { parts, layout } = await build(`---\ntitle: 上海市邮政管理局联合市经信委公布典型案例名单\n---\n\n正文。\n\n![照片](images/a.png)\n`, {
      template: 'gbt9704',
      files: { 'issues/2024-09/images/a.png': png(60, 40) },
    });
    const t = loadTemplate('gbt9704', undefined, new Diagnostics())!;
    const spacing = (size: number) => Math.floor(trackingEm(t) * size * 20 + 1e-9);
    const styles = parts['word/styles.xml']!;
    const styleXml = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)![0];
    const expected: Array<[string, number]> = [
      ['Normal', 16],
      ['ArticleTitle', 22],
      ['MastheadTitle', 36],
      ['Caption', 14],
      ['Distribution', 14],
      ['PageNumber', 14],
      ['TableText', 14],
    ];
    expect(expected.map(([, size]) => spacing(size))).toEqual([-5, -6, -10, -4, -4, -4, -4]);
    for (const [id, size] of expected) expect(styleXml(id), id).toContain(`<w:spacing w:val="${spacing(size)}"/>`);
    // A title set at another size than its style's carries the spacing of its size.
    const title = articles(layout)[0]!.title;
    expect(title.style.size).toBeLessThan(22);
    const run = parts['word/document.xml']!.match(new RegExp(`<w:r><w:rPr>(?:(?!</w:rPr>).)*</w:rPr><w:t xml:space="preserve">${title.lines[0]}</w:t>`, 's'))![0];
    expect(run).toContain(`<w:spacing w:val="${spacing(title.style.size)}"/>`);
    expect(run).toContain(`<w:sz w:val="${title.style.size * 2}"/>`);
  });

  it('is none where the grid needs no tracking (jianbao)', async () => {
    const { parts } = await build(MINIMAL['issues/2024-09/01-a.md']);
    expect(parts['word/styles.xml']).not.toMatch(/<w:spacing w:val=/);
    expect(parts['word/document.xml']).not.toMatch(/<w:spacing w:val=/);
  });
});

describe('fonts the DOCX names', () => {
  it('leave out the fallback faces: in the font table and among embedded fonts', async () => {
    // 喆 is not in FandolFang: the PDF draws it from the serif fallback (Noto).
    const { parts, layout } = await build(`---\ntitle: 测试文章\n---\n\n喆的正文。\n`, { build: { embedFonts: true } });
    expect(layout.pages.flatMap((p) => p.items).some((i) => i.kind === 'text' && i.face === 'serifFallback')).toBe(true);
    const table = parts['word/fontTable.xml']!;
    const names = [...table.matchAll(/<w:font w:name="([^"]+)">/g)].map((m) => m[1]);
    expect(names).toEqual(expect.arrayContaining(['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312', '宋体']));
    expect(names.filter((n) => n!.startsWith('Noto'))).toEqual([]);
    for (const xml of Object.values(parts)) expect(xml).not.toMatch(/w:(?:eastAsia|ascii)="Noto/);
    expect(Object.keys(parts).filter((n) => n.startsWith('word/fonts/'))).toHaveLength((table.match(/<w:embedRegular /g) ?? []).length);
  });
});
