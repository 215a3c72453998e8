// The OFD output (GB/T 33190-2016), read back with the tests' own reader
// (tests/helpers/ofdReader.ts): the package as the standard requires it,
// the text in reading order, every glyph where the PDF has it, the rules,
// images and fonts, the outline, the metadata, and the same bytes on every
// build.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { buildIssue, prepareIssue } from '../../src/build.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadProject } from '../../src/project/config.js';
import type { Layout } from '../../src/typeset/layout.js';
import { runCli } from '../helpers/cli.js';
import { png } from '../helpers/images.js';
import { readOfd, readOfdFile, type Glyph, type OfdDocument } from '../helpers/ofdReader.js';
import { pdfInfo } from '../helpers/pdf.js';
import { copySampleProject, MINIMAL, REPO_ROOT, writeProject } from '../helpers/project.js';
import { pdfPages, tracedGlyphs } from '../helpers/stext.js';

const MM_PER_PT = 25.4 / 72;
/** The positions must agree to this, in mm. */
const POSITION_TOLERANCE = 0.01;

const BLOCKS = `---
title: 各类内容的文章
section: 行业动态
source: 宝山邮政管理局
---

> 编者按：这是一段编者按，说明本文的背景。

## 一、总体情况

正文有**加粗的话**和*强调的话*。

![现场照片](images/photo.png)

| 单位 | 数量 |
|---|:-:|
| 甲单位 | 12 |
| 乙单位 | 7 |

结尾的一段话。
`;

interface Built {
  root: string;
  pdf: string;
  ofd: string;
  doc: OfdDocument;
  layout: Layout;
}

async function build(root: string, id: string, drafts = false): Promise<Built> {
  const project = loadProject(root, new Diagnostics());
  await buildIssue(project, id, { formats: ['pdf', 'ofd'], drafts });
  const pdf = path.join(root, `out/${id}.pdf`);
  const ofd = path.join(root, `out/${id}.ofd`);
  return { root, pdf, ofd, doc: readOfdFile(ofd), layout: prepareIssue(project, id, { drafts }).layout };
}

/** Every glyph the OFD draws on each page (content and annotations), and the PDF's (MuPDF), both in mm, sorted by baseline then x. */
function glyphsSide(b: Built): Array<{ ofd: Glyph[]; pdf: Glyph[] }> {
  const pdf = pdfPages(b.pdf);
  const byLine = (a: Glyph, c: Glyph) => (Math.abs(a.y - c.y) > 0.2 ? a.y - c.y : a.x - c.x);
  return b.doc.pages.map((page, i) => {
    const units = [...page.content, ...page.annotations.flatMap((a) => a.units)];
    // MuPDF reports no blanks (U+3000 included): bulletin draws none that show.
    const ofd = units.flatMap((u) => (u.kind === 'text' ? u.glyphs : [])).filter((g) => !/\s/u.test(g.c));
    const theirs = pdf[i]!.chars.map((c) => ({ c: c.c, x: c.x * MM_PER_PT, y: c.y * MM_PER_PT, glyph: -1 }));
    return { ofd: ofd.sort(byLine), pdf: theirs.sort(byLine) };
  });
}

function expectSamePositions(b: Built): number {
  let worst = 0;
  let count = 0;
  for (const [i, side] of glyphsSide(b).entries()) {
    expect(side.ofd.map((g) => g.c).join(''), `page ${i + 1}`).toBe(side.pdf.map((g) => g.c).join(''));
    side.ofd.forEach((g, k) => {
      const p = side.pdf[k]!;
      worst = Math.max(worst, Math.abs(g.x - p.x), Math.abs(g.y - p.y));
      count++;
    });
  }
  expect(count).toBeGreaterThan(0);
  console.log(`OFD glyph positions against the PDF's: ${count} glyphs, at most ${worst.toFixed(5)} mm apart`);
  expect(worst).toBeLessThanOrEqual(POSITION_TOLERANCE);
  return worst;
}

describe('the sample issue as OFD', () => {
  let b: Built;
  beforeAll(async () => {
    b = await build(copySampleProject(), '2024-08');
  });

  it('is a package every part of which is there, parses, and has what the standard requires', () => {
    // readOfd checks each required element and attribute where it meets them, and throws otherwise.
    expect(b.doc.pages).toHaveLength(b.layout.pages.length);
    expect(b.doc.physicalBox).toEqual([0, 0, 210, 297]);
    // Every entry is referred to by a part (no stray files), every reference resolved.
    expect(Object.keys(b.doc.entries).sort()).toEqual([...b.doc.referenced].sort());
    expect(Object.keys(b.doc.entries)[0]).toBe('OFD.xml');
  });

  it('gives every object an ID of its own, none above MaxUnitID', () => {
    const ids = b.doc.ids;
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids)).toBeLessThanOrEqual(b.doc.maxUnitId);
    expect(Math.max(...ids)).toBe(b.doc.maxUnitId);
  });

  it('carries the metadata: the PDF’s title, author, subject; the issue date; creator and version; the articles as keywords', () => {
    const info = pdfInfo(b.pdf);
    expect(b.doc.info.Title).toBe(info.Title);
    expect(b.doc.info.Author).toBe(info.Author);
    expect(b.doc.info.Subject).toBe(info.Subject);
    expect(b.doc.info.CreationDate).toBe('2024-08-26');
    expect(b.doc.info.Creator).toBe('bulletin');
    const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(b.doc.info.CreatorVersion).toBe(version);
    expect(b.doc.keywords).toEqual(articleTitles(path.join(b.root, 'issues/2024-08')));
  });

  it('has the PDF’s text on each page, character for character, in the PDF’s order; page numbers only as annotations', () => {
    const traced = tracedGlyphs(b.pdf);
    const pdfText = traced.map((g) => g.unicode).join('');
    const ofdText = b.doc.pages.map((p) => p.content.map((u) => (u.kind === 'text' ? u.text : '')).join('') + annotationText(p)).join('');
    expect(ofdText.replace(/\s/gu, '')).toBe(pdfText.replace(/\s/gu, ''));
    // The content, what a reader extracts as the page's text, has no page number; each page's annotation is its number.
    b.doc.pages.forEach((p, i) => {
      const content = p.content.map((u) => (u.kind === 'text' ? u.text : '')).join('');
      expect(content).not.toMatch(new RegExp(`—\\s*${i + 1}\\s*—`));
      expect(annotationText(p).replace(/\s/gu, '')).toBe(`—${i + 1}—`);
      expect(p.annotations.map((a) => [a.type, a.subtype])).toEqual([['Watermark', 'PageNumber']]);
    });
    // Every paragraph of every article is there, whole, in order.
    const all = b.doc.pages.map((p) => p.content.map((u) => (u.kind === 'text' ? u.text : '')).join('')).join('').replace(/\s/gu, '');
    let at = 0;
    for (const para of articleParagraphs(path.join(b.root, 'issues/2024-08'))) {
      const i = all.indexOf(para, at);
      expect(i, para.slice(0, 20)).toBeGreaterThanOrEqual(at);
      at = i + para.length;
    }
  });

  it('puts every glyph where the PDF has it, to 0.01 mm', () => {
    expectSamePositions(b);
  });

  it('draws each glyph from the embedded subset: TrueType outlines, the glyph the font maps the character to', () => {
    expect(b.doc.fonts.size).toBeGreaterThan(0);
    const opened = new Map([...b.doc.fonts].map(([id, f]) => [id, fontkit.create(Buffer.from(f.data)) as fontkit.Font]));
    for (const f of b.doc.fonts.values()) {
      expect(Buffer.from(f.data).readUInt32BE(0), f.fontName).toBe(0x00010000);
      expect(f.file).toMatch(/\.ttf$/);
    }
    let checked = 0;
    for (const page of b.doc.pages) {
      for (const u of [...page.content, ...page.annotations.flatMap((a) => a.units)]) {
        if (u.kind !== 'text') continue;
        const font = opened.get(u.font)!;
        for (const g of u.glyphs) {
          expect(font.hasGlyphForCodePoint(g.c.codePointAt(0)!), g.c).toBe(true);
          expect(g.glyph).toBe(font.glyphForCodePoint(g.c.codePointAt(0)!).id);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
    // The same faces as the PDF.
    const pdfFaces = new Set(tracedGlyphs(b.pdf).map((g) => g.font));
    expect(new Set([...b.doc.fonts.values()].map((f) => f.fontName))).toEqual(pdfFaces);
  });

  it('embeds the subsets the PDF embeds: each character drawn with the glyph id the PDF draws it with', () => {
    const pdfGlyph = new Map(tracedGlyphs(b.pdf).map((g) => [`${g.font}\0${g.unicode}`, g.glyph]));
    let checked = 0;
    for (const page of b.doc.pages) {
      for (const u of [...page.content, ...page.annotations.flatMap((a) => a.units)]) {
        if (u.kind !== 'text') continue;
        const font = b.doc.fonts.get(u.font)!.fontName;
        for (const g of u.glyphs) {
          const theirs = pdfGlyph.get(`${font}\0${g.c}`);
          if (theirs === undefined) continue;
          expect(g.glyph, `${font} ${g.c}`).toBe(theirs);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('draws the red rule and the 报尾 rules where the Layout has them, at their thickness and colour', () => {
    const rules = b.layout.pages.flatMap((p, i) => p.items.filter((it) => it.kind === 'rule').map((r) => ({ page: i, r })));
    const paths = b.doc.pages.flatMap((p, i) => p.content.filter((u) => u.kind === 'path').map((u) => ({ page: i, u })));
    expect(paths).toHaveLength(rules.length);
    expect(rules.length).toBeGreaterThanOrEqual(3);
    rules.forEach(({ page, r }, k) => {
      const { page: pp, u } = paths[k]!;
      expect(pp).toBe(page);
      expect(u.points).toHaveLength(2);
      expect(u.points[0]![0]).toBeCloseTo(r.x1 * MM_PER_PT, 3);
      expect(u.points[0]![1]).toBeCloseTo(r.y1 * MM_PER_PT, 3);
      expect(u.points[1]![0]).toBeCloseTo(r.x2 * MM_PER_PT, 3);
      expect(u.points[1]![1]).toBeCloseTo(r.y2 * MM_PER_PT, 3);
      expect(u.lineWidth).toBeCloseTo(r.thickness * MM_PER_PT, 3);
      const hex = `#${u.stroke.map((v) => v.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
      expect(hex).toBe(r.color.rgb.toUpperCase());
    });
    // The masthead's rule is red.
    expect(paths[0]!.u.stroke).toEqual([0xe6, 0x00, 0x12]);
  });

  it('has one outline entry per article with its title, going to its page and the title’s top, as the PDF’s bookmarks', () => {
    const pdfOutline = execFileSync('mutool', ['show', b.pdf, 'outline'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const m = /"(.*)"\s+#page=(\d+)/.exec(l)!;
        return { title: m[1]!, page: Number(m[2]) };
      });
    expect(b.doc.outline.map((o) => ({ title: o.title, page: o.pageIndex + 1 }))).toEqual(pdfOutline);
    expect(b.doc.outline.map((o) => o.title)).toEqual(articleTitles(path.join(b.root, 'issues/2024-08')));
    b.doc.outline.forEach((o, i) => expect(o.top).toBeCloseTo(b.layout.outline[i]!.y * MM_PER_PT, 3));
  });

  it('is the same, byte for byte, when built again', async () => {
    const first = readFileSync(b.ofd);
    await buildIssue(loadProject(b.root, new Diagnostics()), '2024-08', { formats: ['ofd'] });
    expect(Buffer.compare(readFileSync(b.ofd), first)).toBe(0);
  });
});

describe('a draft as OFD', () => {
  let b: Built;
  beforeAll(async () => {
    b = await build(copySampleProject(), '2024-08', true);
  });

  it('marks every page 草稿 with a watermark annotation, turned as in the PDF, and keeps it out of the content', () => {
    for (const page of b.doc.pages) {
      expect(page.annotations.map((a) => [a.type, a.subtype])).toEqual([
        ['Watermark', 'Draft'],
        ['Watermark', 'PageNumber'],
      ]);
      expect(annotationText({ ...page, annotations: [page.annotations[0]!] })).toBe('草稿');
      expect(page.content.map((u) => (u.kind === 'text' ? u.text : '')).join('')).not.toContain('草稿');
    }
    // The watermark's glyphs (through its CTM) where the PDF draws them, like every other glyph.
    expectSamePositions(b);
    const mark = b.doc.pages[0]!.annotations[0]!.units[0]!;
    expect(mark.kind === 'text' && mark.glyphs[1]!.y < mark.glyphs[0]!.y).toBe(true); // rising to the right
  });
});

describe('every kind of block as OFD', () => {
  let b: Built;
  const photo = png(600, 400);
  beforeAll(async () => {
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': BLOCKS, 'issues/2024-09/images/photo.png': photo });
    b = await build(root, '2024-09');
  });

  it('puts every glyph where the PDF has it, in every face (黑体, 楷体, bold 仿宋)', () => {
    expectSamePositions(b);
    const faces = new Set([...b.doc.fonts.values()].map((f) => f.fontName));
    expect(faces).toEqual(new Set(['NotoSerifCJKsc-Bold', 'FandolFang-Regular', 'FandolHei-Regular', 'FandolKai-Regular', 'FandolSong-Regular']));
  });

  it('draws bold as fill and a stroke of 0.03 em in the text’s colour', () => {
    const bold = b.doc.pages[0]!.content.find((u) => u.kind === 'text' && u.text.includes('加粗'));
    expect(bold?.kind).toBe('text');
    if (bold?.kind !== 'text') return;
    expect(bold.lineWidth).toBeCloseTo(0.03 * bold.size, 3);
    expect(bold.stroke).toEqual(bold.fill);
    const plain = b.doc.pages[0]!.content.find((u) => u.kind === 'text' && u.text.includes('结尾'));
    expect(plain?.kind === 'text' && plain.lineWidth).toBe(false);
  });

  it('carries the image as a MultiMedia resource with its own bytes, drawn in its box', () => {
    expect(b.doc.images.size).toBe(1);
    const [id, image] = [...b.doc.images][0]!;
    expect(image.format).toBe('PNG');
    expect(Buffer.compare(Buffer.from(image.data), photo)).toBe(0);
    const item = b.layout.pages.flatMap((p) => p.items).find((it) => it.kind === 'image')!;
    const unit = b.doc.pages.flatMap((p) => p.content).find((u) => u.kind === 'image')!;
    expect(unit.kind === 'image' && unit.resource).toBe(id);
    if (item.kind !== 'image') return;
    [item.x, item.y, item.width, item.height].forEach((v, k) => expect(unit.boundary[k]!).toBeCloseTo(v * MM_PER_PT, 3));
  });

  it('draws the 编者按 box and the table’s rules as paths, one for each rule of the Layout', () => {
    const rules = b.layout.pages.flatMap((p) => p.items.filter((it) => it.kind === 'rule'));
    const paths = b.doc.pages.flatMap((p) => p.content.filter((u) => u.kind === 'path'));
    expect(paths).toHaveLength(rules.length);
    expect(rules.length).toBeGreaterThan(6);
  });

  it('nests the article under its section in the outline', () => {
    expect(b.doc.outline.map((o) => [o.title, o.children.map((c) => c.title)])).toEqual([['行业动态', ['各类内容的文章']]]);
  });
});

describe('bulletin build --format', () => {
  it('ofd writes <id>.ofd only; a list writes each; an unknown format is a usage error that writes nothing', async () => {
    const root = writeProject(MINIMAL);
    let r = await runCli(root, ['build', '2024-09', '--format', 'ofd', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(path.join(root, 'out'))).toEqual(['2024-09.ofd']);
    const report = JSON.parse(r.stdout) as { issues: Array<{ outputs: Array<{ format: string; file: string; pages: number }> }> };
    expect(report.issues[0]!.outputs.map((o) => [o.format, path.basename(o.file), o.pages])).toEqual([['ofd', '2024-09.ofd', 1]]);
    readOfd(readFileSync(path.join(root, 'out/2024-09.ofd')));
    r = await runCli(root, ['build', '2024-09', '--format', 'pdf,OFD,docx']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(path.join(root, 'out')).sort()).toEqual(['2024-09.docx', '2024-09.ofd', '2024-09.pdf']);
    const other = writeProject(MINIMAL);
    r = await runCli(other, ['build', '2024-09', '--format', 'ofd,xps']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ofd');
    expect(readdirSync(other)).not.toContain('out');
  });
});

// ——— What the sample issue says, read from its files ———

function articleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => path.join(dir, f));
}

function frontMatter(file: string): { data: Record<string, unknown>; body: string } {
  const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  return { data: YAML.parse(m[1]!) as Record<string, unknown>, body: m[2]! };
}

function articleTitles(dir: string): string[] {
  return articleFiles(dir).map((f) => {
    const t = frontMatter(f).data.title;
    return (Array.isArray(t) ? t.join('') : String(t)).normalize('NFC');
  });
}

/** The articles' paragraphs as written (the sample has no markup), blanks left out. */
function articleParagraphs(dir: string): string[] {
  return articleFiles(dir).flatMap((f) =>
    frontMatter(f)
      .body.split(/\n\s*\n/)
      .map((p) => p.replace(/\s/gu, '').normalize('NFC'))
      .filter(Boolean),
  );
}

function annotationText(page: OfdDocument['pages'][number]): string {
  return page.annotations.flatMap((a) => a.units.map((u) => (u.kind === 'text' ? u.text : ''))).join('');
}
