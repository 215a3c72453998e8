// One set of decisions: every keep, widow and page-break decision in the
// DOCX is the one recorded in the typesetter's set tree, and LibreOffice,
// laying out that DOCX, breaks pages where the PDF does. The issue holds
// what makes those decisions matter: a 编者按 that crosses a page, a
// two-line heading in the middle of an article that would start on a
// page's last line, a heading followed by a list, a table that crosses a
// page, a figure with its caption, a section heading and a 供稿 line, the
// 报尾. The tree and document.xml are walked side by side: for each node,
// the paragraphs it makes, in order, with their text.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIssue, prepareIssue } from '../../../src/build.js';
import { Diagnostics } from '../../../src/diagnostics.js';
import { loadProject } from '../../../src/project/config.js';
import { loadTemplate } from '../../../src/template/loadTemplate.js';
import type { Keeps, Layout, SetArticle, SetBlock, SetPiece, SetText } from '../../../src/typeset/layout.js';
import { breakProperties, docxParts, documentParagraphs, type DocxParagraph } from '../../helpers/docx.js';
import { png } from '../../helpers/images.js';
import { docxToPdf, fontconfigFor } from '../../helpers/libreoffice.js';
import { expectSamePageBreaks } from '../../helpers/pageBreaks.js';
import { MINIMAL, writeProject } from '../../helpers/project.js';
import { allNodes, tablesOf } from '../../helpers/setTree.js';

const NOTE = `编者按：${'这是一段很长的编者按，说明本文的背景和意义，内容较长，需要换行。'.repeat(14)}`;
/** A numbered paragraph of `lines` lines (jianbao: 26 characters a line, the first indented by two). */
const para = (n: number, lines: number) => `第${NUMERALS[Math.floor(n / 10)]}${NUMERALS[n % 10]}段${'正文的内容较长需要换行，后面的行应当与第一行对齐。'.repeat(3)}`.slice(0, lines * 26 - 4);
// Numbered without digits: LibreOffice puts space between Chinese and digits where the PDF does not (README).
const NUMERALS = '〇一二三四五六七八九';
const ROWS = Array.from({ length: 14 }, (_, r) => `| 甲单位${r + 1} | ${r + 1}2 | 备注说明${r + 1} |`).join('\n');
const HEADING = '二、这是一个很长的二级标题，需要占两行才能排得下，用来检验标题不被拆开';

const ARTICLE = [
  '---\ntitle: 测试文章\nsection: 行业动态\nsource: 宝山邮政管理局\n---\n',
  `> ${NOTE}\n`,
  // After the 编者按's seven lines on page 2: 14 lines, so the heading would start on the page's last line.
  ...[3, 2, 3, 2, 2, 2].map((lines, i) => `${para(i + 1, lines)}\n`),
  `## ${HEADING}\n`,
  // And the heading before the list would have the last line of the next page.
  ...[2, 3, 2, 3, 3, 3, 3].map((lines, i) => `${para(20 + i, lines)}\n`),
  '### （三）标题之后紧接着一个列表\n',
  '1. 第一项措施，内容较长，需要换行的时候后面的行应当与第一行的文字对齐。\n2. 第二项措施。\n',
  ...[2, 3].map((lines, i) => `${para(30 + i, lines)}\n`),
  `| 单位名称 | 数量 | 备注 |\n|---|:-:|---|\n${ROWS}\n`,
  '![一段图片说明](images/a.png)\n',
  '结尾的一段话。\n',
].join('\n');

const YAML = `${MINIMAL['issues/2024-09/issue.yaml']}distribution:\n  报: [国家邮政局精神文明建设指导委员会]\n  送: 上海市文明办，各快递企业\ncopies: 80\n`;

/** A paragraph the DOCX must hold for a node, in the tree's words. */
interface Expected {
  what: string;
  text: string;
  /** The keeps its paragraph states, where the tree decides them. */
  keepNext?: boolean;
  keepLines?: boolean;
  widowControl?: boolean;
  /** Grid lines of space above (the typesetter drops them at the top of a page). */
  spaceBefore?: number;
  pageBreakBefore?: boolean;
  /** In a table row: whether it repeats as a header, and never splits. */
  row?: { header: boolean };
}

const textOf = (pieces: readonly SetPiece[]) => pieces.map((p) => ('lineBreak' in p ? '\n' : p.text)).join('');
const keepsOf = (k: Keeps) => ({ keepNext: k.keepWithNext, keepLines: k.keepLinesTogether, widowControl: k.widowControl });

/** The paragraphs the set tree calls for, in reading order. */
function expectedParagraphs(layout: Layout): Expected[] {
  const set = layout.issue;
  const out: Expected[] = [];
  const m = set.masthead;
  for (const line of [m.organization, m.title, ...(m.number ? [m.number] : [])]) out.push({ what: 'masthead', text: line.text });
  out.push({ what: 'masthead', text: `${m.editorLine.text}\t${m.editorLine.dateText}` }, { what: 'space under the masthead', text: '' });
  const text = (node: SetText, label = ''): void => {
    const what = `${node.role} ${node.lines[0]}`;
    const all = label + textOf(node.content);
    const k = node.keeps;
    // Kept with the next block and broken across pages: two paragraphs, divided at its last page break (LibreOffice would move all of it).
    if (k.keepWithNext && !k.keepLinesTogether && node.placements.length > 1) {
      const chars = [...node.lines.slice(0, node.placements.at(-1)!.first).join('')].filter((c) => !/\s/.test(c)).length;
      let cut = label.length;
      for (let n = 0; n < chars; cut++) if (!/\s/.test(all[cut]!)) n++;
      out.push({ what, text: all.slice(0, cut), keepNext: false, keepLines: false, widowControl: false, spaceBefore: node.placements[0]!.spaceBefore });
      out.push({ what: `${what} (its last page)`, text: all.slice(cut), keepNext: true, keepLines: false, widowControl: false });
      return;
    }
    out.push({ what, text: all, ...keepsOf(k), spaceBefore: node.placements[0]!.spaceBefore });
  };
  const block = (b: SetBlock, before?: SetBlock): void => {
    switch (b.kind) {
      case 'text':
        return text(b);
      case 'list':
        for (const item of b.items) item.blocks.forEach((inner, k) => (inner.kind === 'text' && k === 0 ? text(inner, item.label.text + item.label.after) : block(inner)));
        return;
      case 'quote':
        return b.blocks.forEach((inner) => block(inner));
      case 'figure':
        for (const { caption } of b.panels) {
          // The image's paragraph keeps with its caption when the figure is kept whole.
          out.push({ what: 'image', text: '', keepNext: caption ? b.keeps.keepLinesTogether : b.keeps.keepWithNext, keepLines: b.keeps.keepLinesTogether, widowControl: b.keeps.widowControl });
          if (caption) text(caption);
        }
        return;
      case 'table':
        // The grid lines above it, as an empty paragraph kept with it when the block before keeps with it.
        if (b.placements[0]!.spaceBefore > 0) out.push({ what: 'space above a table', text: '', keepNext: before !== undefined && 'keeps' in before && before.keeps.keepWithNext });
        b.rows.forEach((row, r) => {
          const keepNext = r < b.rows.length - 1 ? b.keeps.keepLinesTogether || row.keepWithNext : b.keeps.keepWithNext;
          for (const cell of row.cells) out.push({ what: `row ${r}`, text: textOf(cell.content), keepNext, row: { header: b.repeatsHeader && row.header } });
        });
    }
  };
  const article = (a: SetArticle): void => {
    const t = a.title;
    out.push({ what: 'title', text: t.lines.join('\n'), ...keepsOf(t.keeps), spaceBefore: t.placements[0]!.spaceBefore });
    a.blocks.forEach((b, i) => block(b, a.blocks[i - 1]));
  };
  for (const node of set.body) {
    if (node.kind === 'section') (text(node.heading), node.articles.forEach(article));
    else article(node);
  }
  const d = set.distribution;
  if (d) {
    out.push({ what: 'space above the 报尾', text: '', pageBreakBefore: d.newPage });
    for (const e of d.entries) e.paragraphs.forEach((p, i) => out.push({ what: '报尾', text: i === 0 ? e.label + p : p }));
    if (d.copies) out.push({ what: '报尾', text: d.copies.text });
  }
  return out;
}

describe('an issue whose keeps and page breaks matter', () => {
  let layout: Layout;
  let paragraphs: DocxParagraph[];
  let pdf: string;
  let docx: string;
  let pitch: number;

  beforeAll(async () => {
    const root = writeProject({
      'bulletin.config.yaml': 'template: jianbao\n',
      'issues/2024-09/issue.yaml': YAML,
      'issues/2024-09/01-a.md': ARTICLE,
      'issues/2024-09/images/a.png': png(300, 200),
    });
    const project = loadProject(root, new Diagnostics());
    await buildIssue(project, '2024-09');
    layout = prepareIssue(project, '2024-09').layout;
    pdf = path.join(root, 'out/2024-09.pdf');
    docx = path.join(root, 'out/2024-09.docx');
    paragraphs = documentParagraphs(docxParts(docx)['word/document.xml']!);
    pitch = Math.floor(loadTemplate('jianbao', undefined, new Diagnostics())!.grid.linePitch * 20);
  });

  it('is what it is meant to be: the 编者按 and the table cross a page, the heading moved whole to the next', () => {
    const nodes = allNodes(layout);
    const quote = nodes.find((n) => n.kind === 'quote')!;
    expect(quote.kind === 'quote' && quote.blocks[0]!.kind === 'text' && quote.blocks[0]!.placements.length).toBe(2);
    expect(tablesOf(layout)[0]!.placements.length).toBe(2);
    const heading = nodes.find((n): n is SetText => n.kind === 'text' && n.role === 'heading1')!;
    expect(heading.lines).toHaveLength(2);
    expect(heading.keeps.widowControl).toBe(true);
    // It would have started on the previous page's last grid line: the typesetter moved it whole.
    expect(heading.placements).toEqual([expect.objectContaining({ gridLine: 0, lines: 2 })]);
    const before = nodes[nodes.indexOf(heading) - 1]! as SetText;
    const last = before.placements.at(-1)!;
    expect(last.page).toBe(heading.placements[0]!.page - 1);
    expect(last.gridLine + last.lines).toBe(21);
    // A heading followed by a list, moved with it to the top of a page: it would have had a page's last line.
    const h2 = nodes.findIndex((n) => n.kind === 'text' && n.role === 'heading2');
    expect(nodes[h2 + 1]!.kind).toBe('list');
    expect((nodes[h2] as SetText).placements[0]!.gridLine).toBe(0);
    const above = (nodes[h2 - 1] as SetText).placements.at(-1)!;
    expect(above.gridLine + above.lines).toBe(21);
  });

  it('writes every paragraph the tree calls for, with its text, in order', () => {
    const expected = expectedParagraphs(layout);
    expect(paragraphs.map((p) => p.text)).toEqual(expected.map((e) => e.text));
  });

  it('states every keep and widow decision the typesetter recorded, and drops space above where a page starts', () => {
    const expected = expectedParagraphs(layout);
    expected.forEach((e, i) => {
      const got = breakProperties(paragraphs[i]!.pPr);
      const where = `${i}: ${e.what}`;
      if (e.keepNext !== undefined) expect(got.keepNext, where).toBe(e.keepNext);
      if (e.keepLines !== undefined) expect(got.keepLines, where).toBe(e.keepLines);
      if (e.widowControl !== undefined) expect(got.widowControl, where).toBe(e.widowControl);
      expect(got.pageBreakBefore, where).toBe(e.pageBreakBefore ?? false);
      if (e.spaceBefore !== undefined && e.what !== 'title') expect(got.before, where).toBe(e.spaceBefore * pitch);
      if (e.what === 'title') {
        // Its space above, then the centring of its lines in their grid lines.
        expect(got.before, where).toBeGreaterThanOrEqual(e.spaceBefore! * pitch);
        expect(got.before, where).toBeLessThan((e.spaceBefore! + 1) * pitch);
      }
      if (e.row) {
        const trPr = paragraphs[i]!.trPr!;
        expect(trPr, where).toContain('<w:cantSplit/>');
        expect(trPr.includes('<w:tblHeader/>'), where).toBe(e.row.header);
      } else if (e.what !== 'masthead' && !e.what.startsWith('报尾')) {
        expect(paragraphs[i]!.trPr, where).toBeUndefined();
      }
    });
    // What the issue exercises: some of each.
    const all = expected.map((e, i) => ({ e, got: breakProperties(paragraphs[i]!.pPr) }));
    expect(all.filter((x) => x.got.keepNext).length).toBeGreaterThan(3);
    expect(all.filter((x) => x.got.widowControl === true).length).toBeGreaterThan(3);
    expect(all.filter((x) => x.got.widowControl === false).length).toBeGreaterThan(3);
  });

  it('breaks pages in LibreOffice where the PDF does, before the same blocks', () => {
    const lo = docxToPdf(docx, fontconfigFor(loadTemplate('jianbao', undefined, new Diagnostics())!));
    expectSamePageBreaks(pdf, lo);
  }, 180_000);
});
