// Issue 13 in the DOCX, read back through LibreOffice beside our PDF, for
// both sample issues: the same page count; for example-rich the tables'
// column widths (w:tblGrid against the typesetter's, and the cells' text
// where the PDF has it), the timetable's header row repeated on the page it
// continues on, the 落款 right-aligned to the measure, the 本期要目's page
// numbers the pages the titles came out on, and the masthead's marks.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIssue, prepareIssue } from '../../../src/build.js';
import { Diagnostics } from '../../../src/diagnostics.js';
import { loadProject } from '../../../src/project/config.js';
import { loadTemplate } from '../../../src/template/loadTemplate.js';
import type { Layout, SetTable } from '../../../src/typeset/layout.js';
import { docxParts } from '../../helpers/docx.js';
import { docxToPdf, fontconfigFor } from '../../helpers/libreoffice.js';
import { pdfInfo, squeeze } from '../../helpers/pdf.js';
import { copySampleProject } from '../../helpers/project.js';
import { allNodes, articles } from '../../helpers/setTree.js';
import { pdfPages, type PdfPage } from '../../helpers/stext.js';

interface Built {
  layout: Layout;
  pdf: string;
  lo: string;
  docx: Record<string, string>;
  pdfPages: PdfPage[];
  loPages: PdfPage[];
}

const built = new Map<string, Built>();

beforeAll(async () => {
  const root = copySampleProject();
  const project = loadProject(root, new Diagnostics());
  const fontconfig = fontconfigFor(loadTemplate('jianbao', undefined, new Diagnostics())!);
  for (const id of ['2024-08', 'example-rich']) {
    await buildIssue(project, id, { systemFonts: false });
    const { layout } = prepareIssue(project, id, { systemFonts: false });
    const pdf = path.join(root, `out/${id}.pdf`);
    const docx = path.join(root, `out/${id}.docx`);
    const lo = docxToPdf(docx, fontconfig);
    built.set(id, { layout, pdf, lo, docx: docxParts(docx), pdfPages: pdfPages(pdf), loPages: pdfPages(lo) });
  }
}, 600_000);

const rich = () => built.get('example-rich')!;

/** The pages (numbered from 1) whose text, white space removed, holds `text`. */
const pagesWith = (pages: readonly PdfPage[], text: string): number[] =>
  pages.filter((p) => squeeze(p.lines.map((l) => l.text).join('')).includes(text)).map((p) => p.number + (pages[0]!.number === 0 ? 1 : 0));

/** The first line on `page` whose text starts with `text`. */
const lineStarting = (page: PdfPage, text: string) => page.lines.find((l) => squeeze(l.text).startsWith(text));

describe('the DOCX through LibreOffice, beside the PDF', () => {
  it.each(['2024-08', 'example-rich'])('%s: the same number of pages', (id) => {
    const b = built.get(id)!;
    expect(pdfInfo(b.lo)['Pages']).toBe(String(b.layout.pages.length));
    expect(pdfInfo(b.pdf)['Pages']).toBe(String(b.layout.pages.length));
  });

  it("writes each table's column widths as the typesetter set them (w:tblGrid, w:tcW), within 1 %", () => {
    const tables = allNodes(rich().layout).filter((n): n is SetTable => n.kind === 'table');
    expect(tables.length).toBe(3);
    const grids = [...rich().docx['word/document.xml']!.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) => [...m[1]!.matchAll(/w:w="(\d+)"/g)].map((g) => Number(g[1]) / 20));
    for (const table of tables) {
      const grid = grids.find((g) => g.length === table.columns.length && g.every((w, i) => Math.abs(w - table.columns[i]!) <= 0.01 * table.columns[i]!));
      expect(grid, `a w:tblGrid for columns ${table.columns.map((c) => c.toFixed(1)).join(' ')}`).toBeDefined();
    }
  });

  it("puts each header cell's text where the PDF has it, within 1 % of the measure", () => {
    const measure = rich().layout.pages[0]!.textBlock.width;
    const headers = [
      ['日期', '时间', '内容', '地点'],
      ['项目', '牵头单位', '进展情况', '完成时限'],
      ['校区', '准备工作', '负责人'],
    ];
    for (const cells of headers) {
      const [pdfPage] = pagesWith(rich().pdfPages, cells.join(''));
      const [loPage] = pagesWith(rich().loPages, cells.join(''));
      expect(loPage, cells.join(' ')).toBe(pdfPage);
      const xs = (pages: readonly PdfPage[], page: number) => {
        const line = pages[page - 1]!.lines.find((l) => squeeze(l.text).startsWith(cells.join('')))!;
        const text = line.chars.map((c) => c.c).join('');
        return cells.map((cell) => line.chars[text.indexOf(cell)]!.x);
      };
      const pdfX = xs(rich().pdfPages, pdfPage!);
      const loX = xs(rich().loPages, loPage!);
      loX.forEach((x, i) => expect(Math.abs(x - pdfX[i]!), `${cells[i]}: ${x} vs ${pdfX[i]}`).toBeLessThan(0.01 * measure));
    }
  });

  it("repeats the timetable's header row on the page it continues on", () => {
    const header = '日期时间内容地点';
    const pdf = pagesWith(rich().pdfPages, header);
    expect(pdf.length).toBe(2);
    expect(pagesWith(rich().loPages, header)).toEqual(pdf);
    expect(rich().docx['word/document.xml']).toContain('<w:tblHeader/>');
    // On the continuation page it is the first line.
    expect(squeeze(rich().loPages[pdf[1]! - 1]!.lines[0]!.text).startsWith(header)).toBe(true);
  });

  it('sets the 落款 right-aligned to the measure, its hard break not stretching the line', () => {
    const right = (pages: readonly PdfPage[], text: string) => {
      const page = pages.find((p) => lineStarting(p, text))!;
      return { page: page.number, right: lineStarting(page, text)!.chars.at(-1)!.right };
    };
    const block = rich().layout.pages[0]!.textBlock;
    for (const text of ['示例大学教师发展中心', '2024年8月26日']) {
      const pdf = right(rich().pdfPages, text);
      const lo = right(rich().loPages, text);
      expect(lo.page).toBe(pdf.page);
      expect(Math.abs(pdf.right - (block.x + block.width))).toBeLessThan(1);
      expect(Math.abs(lo.right - pdf.right), text).toBeLessThan(1.5);
    }
    expect(rich().docx['word/settings.xml']).toContain('<w:doNotExpandShiftReturn/>');
    expect(rich().docx['word/document.xml']).toMatch(/<w:pStyle w:val="Signature"\/>[^]*?示例大学教师发展中心<\/w:t><\/w:r><w:r><w:br\/>/);
  });

  it('lists in the 本期要目 the pages the titles came out on, as plain text', () => {
    const layout = rich().layout;
    const toc = layout.issue.toc!;
    const entries = toc.items.filter((i) => i.kind === 'tocEntry');
    expect(entries.length).toBe(articles(layout).length);
    const document = rich().docx['word/document.xml']!;
    expect(document).not.toMatch(/PAGEREF|w:fldSimple w:instr="\s*TOC/);
    for (const entry of entries) {
      const article = articles(layout).find((a) => a.id === entry.article)!;
      const title = article.title.lines.join('');
      for (const pages of [rich().pdfPages, rich().loPages]) {
        // The title's page, the contents box on page 1 aside.
        const found = pagesWith(pages, title).filter((p) => p > 1 || entry.page === 1)[0];
        expect(found, title).toBe(entry.page);
        // Listed on page 1 with that number at the end of its line, after the leader.
        const line = pages[0]!.lines.find((l) => squeeze(l.text).startsWith(title));
        expect(line && /[·.]+(\d+)$/.exec(squeeze(line.text))?.[1], title).toBe(entry.pageText);
      }
      // The number after the leader tab, as the typesetter printed it.
      expect(document).toContain(`<w:tab/><w:t xml:space="preserve">${entry.pageText}</w:t>`);
    }
  });

  it("prints the masthead's marks and copy number at its top corners", () => {
    const marks = rich().layout.issue.masthead.marks;
    expect(marks.map((m) => m.text).sort()).toEqual(['000128', '内部资料', '注意保存'].sort());
    const block = rich().layout.pages[0]!.textBlock;
    for (const mark of marks) {
      const line = rich().loPages[0]!.lines.find((l) => l.text.includes(mark.text))!;
      const chars = line.chars.filter((c) => mark.text.includes(c.c));
      if (mark.side === 'left') expect(Math.abs(chars[0]!.x - block.x), mark.text).toBeLessThan(1.5);
      else expect(Math.abs(chars.at(-1)!.right - (block.x + block.width)), mark.text).toBeLessThan(1.5);
      const organization = rich().loPages[0]!.lines.find((l) => squeeze(l.text).includes('示例市高等学校'))!;
      expect(line.y).toBeLessThan(organization.y);
    }
  });
});
