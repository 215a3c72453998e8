// Numbers and colours the typesetter takes from the template, not from
// code: rule colours, size steps, the gap between editor and date, how many
// lines headings and section headings keep, the space above a section.
// Each is changed in a project template and its effect looked for.
import { describe, expect, it } from 'vitest';
import type { Layout } from '../../src/typeset/layout.js';
import { MINIMAL } from '../helpers/project.js';
import { articles } from '../helpers/setTree.js';
import { typesetFiles } from '../helpers/typeset.js';

const ISSUE = MINIMAL['issues/2024-09/issue.yaml'];
const withTemplate = (yaml: string) => ({ 'templates/jianbao.yaml': `extends: jianbao\n${yaml}` });
const article = (body: string, front = 'title: 测试文章') => `---\n${front}\n---\n\n${body}\n`;
/** The page (1-based) a line of text is on. */
const pageOf = (layout: Layout, text: string) => layout.pages.find((p) => p.lines.some((l) => l.text === text))?.number;

describe('rule colours', () => {
  const files = {
    'issues/2024-09/issue.yaml': `${ISSUE}copies: 30\ndistribution:\n  报: [甲单位]\n`,
    'issues/2024-09/01-a.md': article('> 编者按：按语。\n\n| 单位 | 数量 |\n|---|---|\n| 甲 | 1 |'),
  };
  const rules = (layout: Layout) => layout.pages.flatMap((p) => p.items.filter((i) => i.kind === 'rule'));

  it('the 编者按 box, the table and the 报尾 are ruled in black by default', () => {
    const { layout } = typesetFiles(files);
    // The masthead's rule is red; every other one black.
    expect(rules(layout).filter((r) => r.color.rgb !== '#000000')).toHaveLength(1);
  });

  it('each takes the colour its template key names', () => {
    const { layout, diagnostics } = typesetFiles({
      ...files,
      ...withTemplate('quote: { ruleColor: red }\ntable: { ruleColor: red }\ndistribution: { ruleColor: red }\n'),
    });
    expect(diagnostics).toEqual([]);
    expect(rules(layout).length).toBeGreaterThan(10);
    for (const r of rules(layout)) expect(r.color.rgb).toBe('#E60012');
  });
});

describe('size steps', () => {
  it('the masthead shrinks a long line in steps of masthead.sizeStep', () => {
    const title = '党建、文明创建、行业精神文明建设工作简报';
    const yaml = `${ISSUE.replace(/^title: .*$/m, `title: ${title}`)}`;
    const half = typesetFiles({ 'issues/2024-09/issue.yaml': yaml }).layout.issue.masthead.title.size;
    const two = typesetFiles({ 'issues/2024-09/issue.yaml': yaml, ...withTemplate('masthead: { sizeStep: 2 }\n') }).layout.issue.masthead.title.size;
    expect(half).toBe(20.5);
    expect(two).toBe(20);
  });

  it('an article title shrinks in steps of article.titleSizeStep', () => {
    const files = { 'issues/2024-09/01-a.md': article('正文。', 'title: 青浦邮政管理局与普陀邮政开展党建共建活动') };
    expect(articles(typesetFiles(files).layout)[0]!.title.style.size).toBe(20.5);
    expect(articles(typesetFiles({ ...files, ...withTemplate('article: { titleSizeStep: 2 }\n') }).layout)[0]!.title.style.size).toBe(20);
  });

  it('a step that is not a multiple of half a point is refused', () => {
    expect(() => typesetFiles(withTemplate('article: { titleSizeStep: 0.3 }\n'))).toThrow(/"code":"value.invalid".*"key":"article.titleSizeStep"/);
  });
});

it('the editor and the date keep masthead.editorLine.minGap em apart', () => {
  // 272 pt of editor, 124 pt of date: 412 pt with a gap of 1 em fits 416, with 3 em not.
  const editor = '上海市邮政管理局党建办文明办联合编';
  const yaml = ISSUE.replace(/^editor: .*$/m, `editor: ${editor}`);
  const one = typesetFiles({ 'issues/2024-09/issue.yaml': yaml }).layout.issue.masthead.editorLine.size;
  const three = typesetFiles({ 'issues/2024-09/issue.yaml': yaml, ...withTemplate('masthead: { editorLine: { minGap: 3 } }\n') }).layout.issue.masthead.editorLine.size;
  expect(one).toBe(16);
  expect(three).toBeLessThan(16);
});

describe('keeps and spaces', () => {
  /** One-line paragraphs that fill the first page up to grid line `gridLine` (title and its space first). */
  const fillTo = (gridLine: number, firstGridLine: number) => Array.from({ length: gridLine - firstGridLine - 2 }, (_, i) => `第${i + 1}段。`).join('\n\n');
  const firstGridLine = typesetFiles({}).layout.issue.masthead.firstGridLine;

  it('a heading keeps article.headingKeepLines lines of what follows on its page', () => {
    // The heading would fall on the page's last grid line, 21.
    const files = { 'issues/2024-09/01-a.md': article(`${fillTo(21, firstGridLine)}\n\n## 一、小标题\n\n后面的段落。`) };
    expect(pageOf(typesetFiles(files).layout, '一、小标题')).toBe(2);
    expect(pageOf(typesetFiles({ ...files, ...withTemplate('article: { headingKeepLines: 0 }\n') }).layout, '一、小标题')).toBe(1);
  });

  it('a section heading keeps article.sectionKeepLines lines, and has article.sectionSpaceBefore lines above it', () => {
    // After one line of space the section heading would fall on grid line 21.
    const files = {
      'issues/2024-09/01-a.md': article(fillTo(20, firstGridLine)),
      'issues/2024-09/02-b.md': article('正文。', 'title: 第二篇\nsection: 行业动态'),
    };
    expect(pageOf(typesetFiles(files).layout, '【行业动态】')).toBe(2);
    expect(pageOf(typesetFiles({ ...files, ...withTemplate('article: { sectionKeepLines: 0 }\n') }).layout, '【行业动态】')).toBe(1);

    const short = { ...files, 'issues/2024-09/01-a.md': article('正文。') };
    const y = (layout: Layout) => layout.pages[0]!.items.find((i) => i.kind === 'text' && i.text.startsWith('【'))!;
    const one = y(typesetFiles(short).layout);
    const three = y(typesetFiles({ ...short, ...withTemplate('article: { sectionSpaceBefore: 3 }\n') }).layout);
    expect(three.kind === 'text' && one.kind === 'text' && three.y - one.y).toBeCloseTo(2 * 30, 6);
  });
});
