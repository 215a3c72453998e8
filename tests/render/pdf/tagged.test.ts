// The tagged PDF (README, "PDF/A 与标签 / PDF/A and tagging"), read back with
// poppler and qpdf: `Tagged: yes`, /Lang and /MarkInfo; the structure tree in
// reading order with each article's text exactly as its source has it
// (`pdfinfo -struct-text`); rules, page numbers and watermarks outside it, as
// artifacts; figures with their caption as alt text; bookmarks one an
// article, under their section, on the page where the title is drawn.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletin } from '../../helpers/cli.js';
import { pdfInfo, pdfText, squeeze } from '../../helpers/pdf.js';
import { PdfObjects, pdfString } from '../../helpers/pdfObjects.js';
import { copySampleProject, REPO_ROOT, tempDir } from '../../helpers/project.js';

interface StructNode {
  type: string;
  /** The strings poppler prints under the element: one per marked-content piece, in order. */
  texts: string[];
  children: StructNode[];
}

/** `pdfinfo -struct-text` as a tree (two spaces of indentation a level). */
function structTree(file: string): StructNode {
  const out = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const root: StructNode = { type: '(root)', texts: [], children: [] };
  const stack: Array<{ depth: number; node: StructNode }> = [{ depth: -1, node: root }];
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    const depth = (line.length - line.trimStart().length) / 2;
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1]!.node;
    const body = line.trim();
    if (body.startsWith('"')) parent.texts.push(JSON.parse(body) as string);
    else if (/^[A-Za-z][\w]*( \(block\)| \(inline\))?:?$/.test(body)) {
      const node: StructNode = { type: body.replace(/ \(.*$|:$/g, ''), texts: [], children: [] };
      parent.children.push(node);
      stack.push({ depth, node });
    }
    // Attribute lines (/Scope /Column …) are not elements.
  }
  return root.children[0]!;
}

/** Every string under a node, in reading order. */
function allText(n: StructNode): string {
  return n.texts.join('') + n.children.map(allText).join('');
}

/** An article's source: its title (lines joined) and its paragraphs (lines joined: Chinese has no space between lines). */
function sourceOf(file: string): { title: string; paragraphs: string[] } {
  const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${file}: no front matter`);
  const front = parseYaml(m[1]!) as { title: string | string[] };
  const title = Array.isArray(front.title) ? front.title.join('') : front.title;
  const paragraphs = m[2]!
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((l) => l.trim()).join(''))
    .filter(Boolean);
  return { title, paragraphs };
}

function build(root: string, issue: string, args: string[] = []): string {
  const out = path.join(root, `out-${args.join('').replace(/\W/g, '') || 'plain'}`);
  const r = bulletin(root, ['build', issue, '--format', 'pdf', '--out', out, ...args]);
  expect(r.status, r.stderr).toBe(0);
  return path.join(out, `${issue}.pdf`);
}

/** For each page, whether every path painted (S, f, B) and every text shown lies in marked content of `Artifact`. */
function paintedOutside(content: string): { strokes: string[]; texts: string[] } {
  const stack: string[] = [];
  const strokes: string[] = [];
  const texts: string[] = [];
  for (const line of content.split('\n')) {
    const t = line.trim();
    const bdc = /^\/(\w+)\b.*\bBDC$/.exec(t) ?? /^\/(\w+) BMC$/.exec(t);
    if (bdc) stack.push(bdc[1]!);
    else if (t === 'EMC') stack.pop();
    const inArtifact = stack.includes('Artifact');
    if (/(^|\s)(S|s|f|F|f\*|B|B\*|b|b\*)$/.test(t) && !inArtifact) strokes.push(t);
    if (/(Tj|TJ)$/.test(t) && stack.length === 0) texts.push(t);
  }
  return { strokes, texts };
}

/** The sample project in `template`. */
function sampleIn(template: string): string {
  const root = copySampleProject();
  const config = path.join(root, 'bulletin.config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^template: jianbao$/m, `template: ${template}`));
  return root;
}

describe.each(['jianbao', 'gbt9704'])('the tagged PDF of the sample issue in %s', (template) => {
  let file: string;
  let tree: StructNode;
  const issueDir = path.join(REPO_ROOT, 'issues/2024-08');
  const articles = readdirSync(issueDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => sourceOf(path.join(issueDir, f)));

  beforeAll(() => {
    file = build(sampleIn(template), '2024-08');
    tree = structTree(file);
  });

  it('says Tagged: yes, with /Lang zh-CN, /MarkInfo and a structure tree', () => {
    expect(pdfInfo(file).Tagged).toBe('yes');
    const pdf = new PdfObjects(file);
    expect(pdfString(pdf.catalog['/Lang'])).toBe('zh-CN');
    expect(pdf.dict(pdf.catalog['/MarkInfo'])['/Marked']).toBe(true);
    expect(pdf.dict(pdf.catalog['/StructTreeRoot'])['/Type']).toBe('/StructTreeRoot');
  });

  it('is Document → the masthead, a Sect per article, the 报尾, in reading order', () => {
    expect(tree.type).toBe('Document');
    expect(tree.children.map((c) => c.type)).toEqual(Array(articles.length + 2).fill('Sect'));
    expect(allText(tree.children[0]!)).toContain('党建、文明创建工作简报');
    expect(allText(tree.children.at(-1)!)).toMatch(/^报：国家邮政局/);
  });

  it('holds every article: H1 the title, P each paragraph, character for character as the source', () => {
    const sects = tree.children.slice(1, -1);
    expect(sects).toHaveLength(articles.length);
    sects.forEach((sect, i) => {
      const got = sect.children.map((c) => ({ type: c.type, text: allText(c) }));
      const want = [{ type: 'H1', text: articles[i]!.title }, ...articles[i]!.paragraphs.map((p) => ({ type: 'P', text: p }))];
      expect(got).toEqual(want);
    });
  });

  it('reads a paragraph split across pages back as one P', () => {
    const split = tree.children.flatMap((s) => s.children).filter((c) => c.type === 'P' && c.texts.length > 1);
    expect(split.length).toBeGreaterThan(0);
    const pages = pdfText(file).split('\f');
    for (const p of split) {
      // Its first piece ends one page, its last begins the next.
      const at = pages.findIndex((pg) => squeeze(pg).includes(squeeze(p.texts[0]!)));
      expect(at).toBeGreaterThanOrEqual(0);
      expect(squeeze(pages[at + 1]!)).toContain(squeeze(p.texts.at(-1)!).slice(0, 20));
    }
  });

  it('leaves the page numbers and the rules out of the structure: they are artifacts', () => {
    const printed = pdfText(file);
    const numbers = [...printed.matchAll(/—\s*(\d+)\s*—/g)].map((m) => Number(m[1]));
    expect(numbers.length).toBeGreaterThan(1);
    expect(allText(tree)).not.toMatch(/—\s*\d+\s*—/);
    const pdf = new PdfObjects(file);
    const contents = pdf.pageContents();
    const strokes = contents.map((c) => (c.match(/ l S$/gm) ?? []).length).reduce((a, b) => a + b, 0);
    expect(strokes).toBeGreaterThan(0); // the masthead's rule, the 报尾's rules
    for (const c of contents) expect(paintedOutside(c)).toEqual({ strokes: [], texts: [] });
    expect(contents.every((c) => c.includes('/Artifact <</Type /Pagination/Subtype /Footer>> BDC'))).toBe(true);
  });

  it('has a bookmark an article, titled as it, opening on the page where its title is drawn; the document opens showing them', () => {
    const entries = outline(file);
    expect(entries.map((e) => e.title)).toEqual(articles.map((a) => a.title));
    expect(entries.every((e) => e.depth === 0)).toBe(true);
    const pages = pdfText(file).split('\f');
    for (const e of entries) expect(squeeze(pages[e.page - 1]!)).toContain(squeeze(e.title));
    const pdf = new PdfObjects(file);
    expect(pdf.catalog['/PageMode']).toBe('/UseOutlines');
  });
});

describe('the tagged PDF of the rich fixture', () => {
  let file: string;
  let tree: StructNode;
  beforeAll(() => {
    const root = tempDir();
    cpSync(path.join(REPO_ROOT, 'tests/fixtures/rich'), root, { recursive: true });
    file = build(root, 'rich');
    tree = structTree(file);
  });

  it('tags headings, lists, tables, figures and the 编者按 with their own elements', () => {
    const types = new Set<string>();
    const walk = (n: StructNode) => {
      types.add(n.type);
      n.children.forEach(walk);
    };
    walk(tree);
    for (const t of ['Sect', 'H1', 'H2', 'H3', 'H4', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure', 'Caption', 'BlockQuote']) expect(types, t).toContain(t);
    const quote = tree.children.flatMap((s) => [s, ...s.children]).flatMap((s) => s.children).find((c) => c.type === 'BlockQuote')!;
    expect(allText(quote)).toMatch(/^编者按：这是一段编者按/);
  });

  it('gives every Figure its caption as alt text', () => {
    const pdf = new PdfObjects(file);
    const figures = Object.values(pdf.objects)
      .map((o) => o.value as Record<string, unknown> | undefined)
      .filter((v): v is Record<string, unknown> => Boolean(v && v['/Type'] === '/StructElem' && v['/S'] === '/Figure'));
    const captions: string[] = [];
    const walk = (n: StructNode) => {
      if (n.type === 'Caption') captions.push(allText(n));
      n.children.forEach(walk);
    };
    walk(tree);
    expect(figures.length).toBe(captions.length);
    expect(figures.length).toBeGreaterThan(5);
    const alts = figures.map((f) => squeeze(pdfString(f['/Alt'] as string))).sort();
    expect(alts).toEqual(captions.map(squeeze).sort());
  });

  it('nests the bookmarks of a section\'s articles under the section', () => {
    const entries = outline(file);
    expect(entries.map((e) => [e.depth, e.title])).toEqual([
      [0, '行业动态'],
      [1, '各类内容的文章'],
      [1, '第二篇文章的标题分成两行'],
      [0, '第三篇没有栏目'],
      [0, '各种格式的图片'],
    ]);
    const pages = pdfText(file).split('\f');
    for (const e of entries) expect(squeeze(pages[e.page - 1]!)).toContain(squeeze(e.title).slice(0, 8));
  });
});

/** The outline as MuPDF prints it: depth, title and page of each entry. */
function outline(file: string): Array<{ depth: number; title: string; page: number }> {
  const out = execFileSync('mutool', ['show', file, 'outline'], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      // A mark (| an entry, - an open one with children, + a closed one), then one tab a level.
      const m = /^[|+-](\t+)"(.*)"\t#page=(\d+)/.exec(line);
      if (!m) throw new Error(`an outline line mutool printed that this does not read: ${line}`);
      return { depth: m[1]!.length - 1, title: m[2]!, page: Number(m[3]) };
    });
}
