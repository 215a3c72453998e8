// Every block the format supports, through both outputs: 栏目, headings,
// bold and emphasis, lists, an image with its caption, 编者按, a table,
// 供稿, a hard line break. Nothing is lost, and each is set as docs/format.md says.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIssue, type BuildResult } from '../../src/build.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadProject } from '../../src/project/config.js';
import { docxParts, paragraphTexts } from '../helpers/docx.js';
import { png } from '../helpers/images.js';
import { pdfText, squeeze } from '../helpers/pdf.js';
import { MINIMAL, writeProject } from '../helpers/project.js';
import { pdfPages } from '../helpers/stext.js';

const ARTICLE = `---
title: 各类内容的文章
section: 行业动态
source: 宝山邮政管理局
---

> 编者按：这是一段编者按，说明本文的背景。

## 一、总体情况

正文有**加粗的话**和*强调的话*，\\
以及硬换行之后的一行。

### （一）具体做法

1. 第一项措施，内容较长，需要换行的时候后面的行应当与第一行的文字对齐，而不是与编号对齐。
2. 第二项措施。

- 无序的一项。

![现场照片](images/photo.png)

| 单位 | 数量 |
|---|:-:|
| 甲单位 | 12 |
| 乙单位 | 7 |

#### 1. 小结

结尾的一段话。
`;

describe('an article with every kind of block', () => {
  let result: BuildResult;
  let pdf: string;
  let docx: string;

  beforeAll(async () => {
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': ARTICLE, 'issues/2024-09/images/photo.png': png(600, 400) });
    result = await buildIssue(loadProject(root, new Diagnostics()), '2024-09');
    pdf = path.join(root, 'out/2024-09.pdf');
    docx = path.join(root, 'out/2024-09.docx');
  });

  it('keeps all the text, in order, in the PDF (the photo, too tall for the rest of page 1, floated to the top of page 2)', () => {
    const text = squeeze(pdfText(pdf));
    const photo = text.indexOf('现场照片');
    expect(photo).toBeGreaterThan(text.indexOf('—1—'));
    expect(photo).toBeLessThan(text.indexOf('（宝山邮政管理局供稿）'));
    const expected = [
      '【行业动态】',
      '各类内容的文章',
      '编者按：这是一段编者按，说明本文的背景。',
      '一、总体情况',
      '正文有加粗的话和强调的话，以及硬换行之后的一行。',
      '（一）具体做法',
      '1.第一项措施，内容较长，需要换行的时候后面的行应当与第一行的文字对齐，而不是与编号对齐。',
      '2.第二项措施。',
      '●无序的一项。',
      '单位数量甲单位12乙单位7',
      '1.小结',
      '结尾的一段话。',
      '（宝山邮政管理局供稿）',
    ];
    let at = 0;
    for (const part of expected) {
      const i = text.indexOf(part, at);
      expect(i, part).toBeGreaterThanOrEqual(at);
      at = i + part.length;
    }
    expect(result.diagnostics.filter((d) => d.severity !== 'notice')).toEqual([]);
  });

  it('sets each role in its face: 黑体 heading, 楷体 emphasis, 编者按 and caption, 仿宋 bold by stroke', () => {
    const pages = pdfPages(pdf);
    const fontOf = (s: string) => pages.flatMap((p) => p.lines).find((l) => l.text.includes(s))!.chars.find((c) => c.c === s[0])!;
    expect(fontOf('一、总体情况').font).toBe('FandolHei-Regular');
    expect(fontOf('（一）具体做法').font).toBe('FandolKai-Regular');
    expect(fontOf('强调的话').font).toBe('FandolKai-Regular');
    expect(fontOf('这是一段编者按').font).toBe('FandolKai-Regular');
    expect(fontOf('编者按：').font).toBe('FandolHei-Regular');
    expect(fontOf('现场照片').font).toBe('FandolKai-Regular');
    expect(fontOf('现场照片').size).toBe(14);
    expect(fontOf('【行业动态】').font).toBe('FandolHei-Regular');
    expect(fontOf('（宝山邮政管理局供稿）').font).toBe('FandolKai-Regular');
    // The 供稿 line ends at the text block's right edge.
    const source = pages.flatMap((p) => p.lines).find((l) => l.text.includes('供稿'))!;
    expect(source.chars.at(-1)!.x + 8).toBeCloseTo(31.7 * (72 / 25.4) + 416, 0);
    // Later lines of a list item hang under its text, not under the number.
    const lines = pages.flatMap((p) => p.lines);
    const item = lines.findIndex((l) => l.text.startsWith('1.第一项'));
    expect(lines[item + 1]!.chars[0]!.x).toBeGreaterThan(lines[item]!.chars[0]!.x + 5);
  });

  it('draws the image centred on the text block of its page, at 150 dpi (it fits at that size)', () => {
    const list = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(list).toHaveLength(1);
    const cols = list[0]!.trim().split(/\s+/);
    expect(Number(cols[3])).toBe(600);
    expect(Number(cols[4])).toBe(400);
    // x-ppi: 600 px at 150 dpi is 288 pt, narrower than the 416 pt text block.
    expect(Number(cols[12])).toBeCloseTo(150, 0);
    // Where it is drawn: mutool trace gives the image's transform (width, 0, 0, height, x, y).
    const trace = execFileSync('mutool', ['trace', pdf], { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
    let page = 0;
    let transform: number[] | undefined;
    for (const line of trace.split('\n')) {
      const p = /<page number="(\d+)"/.exec(line);
      if (p) page = Number(p[1]);
      const m = /<fill_image [^>]*transform="([^"]+)"/.exec(line);
      if (m) transform = m[1]!.split(' ').map(Number);
    }
    expect(transform).toBeDefined();
    const [width, , , height, x] = transform!;
    expect(width).toBeCloseTo((600 / 150) * 72, 1);
    expect(height).toBeCloseTo((400 / 150) * 72, 1);
    // jianbao: A4, 416 pt wide text block, 31.7 mm from the inner edge (left on odd pages, right on even).
    const inner = 31.7 * (72 / 25.4);
    const left = page % 2 === 1 ? inner : 595.276 - inner - 416;
    expect(x! + width! / 2).toBeCloseTo(left + 208, 1);
  });

  it('maps every block to a named Word style in the DOCX, with the image inside', () => {
    const parts = docxParts(docx);
    const doc = parts['word/document.xml']!;
    for (const id of ['Section', 'ArticleTitle', 'EditorNote', 'Heading1', 'Heading2', 'Heading3', 'Caption', 'TableText', 'Source']) {
      expect(doc, id).toContain(`<w:pStyle w:val="${id}"/>`);
    }
    expect(Object.keys(parts).some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true);
    // The image goes in byte for byte (a text round trip once damaged it).
    const media = Object.entries(unzipSync(new Uint8Array(readFileSync(docx)))).filter(([n]) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(media[0]![1]).equals(png(600, 400))).toBe(true);
    expect(doc).toMatch(/<w:b\/>|<w:b w:val="true"\/>/);
    const texts = paragraphTexts(doc).join('');
    for (const s of ['编者按：这是一段编者按', '1. 第一项措施', '● 无序的一项。', '（宝山邮政管理局供稿）', '【行业动态】']) expect(texts).toContain(s);
  });

  it('gives the 栏目 heading the typesetter’s keep with the next paragraph, in the DOCX', () => {
    const parts = docxParts(docx);
    const section = parts['word/document.xml']!.match(/<w:p><w:pPr><w:pStyle w:val="Section"\/>(?:(?!<\/w:pPr>).)*<\/w:pPr>/s)![0];
    expect(section).toContain('<w:keepNext/>');
  });

  it('sets the table header row in 黑体 in the DOCX too, and the body rows in the table style', () => {
    const doc = docxParts(docx)['word/document.xml']!;
    const table = doc.match(/<w:tbl>(?:(?!<\/w:tbl>).)*?单位(?:(?!<\/w:tbl>).)*<\/w:tbl>/s)?.[0];
    expect(table).toBeDefined();
    const rows = table!.match(/<w:tr>.*?<\/w:tr>/gs)!;
    const runOf = (row: string, text: string) => row.match(new RegExp(`<w:r>(?:(?!<w:r>).)*?${text}</w:t>`, 's'))![0];
    expect(runOf(rows[0]!, '单位')).toMatch(/<w:rFonts [^>]*w:eastAsia="黑体"/);
    expect(runOf(rows[1]!, '甲单位')).not.toContain('<w:rFonts');
  });

  it('keeps the space above a title that follows a section heading, as the PDF does', () => {
    const doc = docxParts(docx)['word/document.xml']!;
    // The title's own keeps come between its style and its spacing (schema order).
    const title = doc.match(/<w:pStyle w:val="ArticleTitle"\/>(?:(?!<\/w:pPr>).)*?<w:spacing [^>]*w:before="(\d+)"/s)!;
    // One grid line (30 pt = 600 twips) above, plus the centring of the title in its lines.
    expect(Number(title[1])).toBeGreaterThanOrEqual(600);
    const lines = pdfPages(pdf).flatMap((p) => p.lines);
    const section = lines.find((l) => l.text.includes('【行业动态】'))!;
    const heading = lines.find((l) => l.text.includes('各类内容的文章'))!;
    expect(heading.chars[0]!.y - section.chars[0]!.y).toBeGreaterThanOrEqual(2 * 30 - 1);
  });
});
