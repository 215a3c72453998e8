// The typesetting rules checked on the built sample issue, from the PDF
// itself (glyph positions read back with MuPDF), in both built-in templates.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIssue } from '../../src/build.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadProject } from '../../src/project/config.js';
import { loadTemplate, type Template } from '../../src/template/loadTemplate.js';
import { copySampleProject } from '../helpers/project.js';
import { pdfPages, type PdfLine, type PdfPage } from '../helpers/stext.js';
import { contextFor } from '../helpers/typeset.js';

/** The title face (Noto Serif CJK SC Bold, for 方正小标宋) as the PDF names it. */
const TITLE_FONT = 'NotoSerifCJKsc-Bold';
const CLOSING_HALF = new Set([...'，。、；：）》〉】〕〗］｝」』”’']);
const FULL_MARKS = new Set([...'，。、；：？！）》〉】〕〗］｝」』”’（《〈【〔〖［｛「『“‘']);
const isHan = (c: string) => /^\p{Script=Han}$/u.test(c);

interface Geometry {
  left: (page: number) => number;
  right: (page: number) => number;
  top: number;
  bottom: number;
  pitch: number;
  charPitch: number;
  chars: number;
  lines: number;
  bodyOffset: number;
  /** Grid tracking of a 16 pt character (charPitch − 16): MuPDF's boxes leave it out. */
  tracking: number;
}

function templateName(t: Template): string {
  return path.basename(t.files[0]!, '.yaml');
}

function geometryOf(t: Template): Geometry {
  const inner = t.textBlock.inner;
  const left = (page: number) => (page % 2 === 1 ? inner : t.page.width - inner - t.textBlock.width);
  return {
    left,
    right: (page) => left(page) + t.textBlock.width,
    top: t.textBlock.top,
    bottom: t.textBlock.top + t.textBlock.height,
    pitch: t.grid.linePitch,
    charPitch: t.textBlock.width / t.grid.charsPerLine,
    chars: t.grid.charsPerLine,
    lines: t.grid.linesPerPage,
    // The body face's em box (0.8 em above the baseline for FandolFang), centred in the line.
    bodyOffset: (t.grid.linePitch - 16) / 2 + contextFor(templateName(t)).fonts.face('fangsong').emAscent * 16,
    tracking: t.textBlock.width / t.grid.charsPerLine - 16,
  };
}

/** A body line with where it sits; `para` numbers paragraphs across pages. */
interface BodyLine extends PdfLine {
  page: number;
  gridLine: number;
  indented: boolean;
  paraEnd: boolean;
  para: number;
}

describe.each([['jianbao'], ['gbt9704']])('the sample issue set in %s', (templateName) => {
  let pages: PdfPage[];
  let t: Template;
  let geo: Geometry;
  let body: BodyLine[];
  let noStart: Set<string>;
  let noEnd: Set<string>;

  beforeAll(async () => {
    const root = copySampleProject();
    const config = path.join(root, 'bulletin.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^template: .*$/m, `template: ${templateName}`));
    const diags = new Diagnostics();
    const project = loadProject(root, diags);
    const result = await buildIssue(project, '2024-08', { formats: ['pdf'] });
    pages = pdfPages(result.outputs[0]!.file);
    t = loadTemplate(templateName, undefined, new Diagnostics())!;
    geo = geometryOf(t);
    noStart = new Set([...t.lineBreaking.noStart]);
    noEnd = new Set([...t.lineBreaking.noEnd]);
    body = bodyLines(pages, geo);
  });

  it('puts every body baseline on the grid, at most linesPerPage lines a page', () => {
    expect(body.length).toBeGreaterThan(200);
    for (const l of body) {
      const k = (l.y - geo.top - geo.bodyOffset) / geo.pitch;
      expect(Math.abs(k - Math.round(k)), `page ${l.page} ${l.text}`).toBeLessThan(0.01);
      expect(Math.round(k)).toBeGreaterThanOrEqual(0);
      expect(Math.round(k)).toBeLessThan(geo.lines);
    }
    // No two body lines share a grid line, so no page holds more than the grid has.
    for (const p of pages) {
      const onPage = body.filter((l) => l.page === p.number);
      expect(onPage.length, `page ${p.number}`).toBeLessThanOrEqual(geo.lines);
      expect(new Set(onPage.map((l) => l.gridLine)).size, `page ${p.number}`).toBe(onPage.length);
    }
  });

  it('starts every line at the text block edge of its page (mirrored on even pages)', () => {
    for (const l of body) {
      const expected = geo.left(l.page) + (l.indented ? 2 * geo.charPitch : 0);
      expect(l.chars[0]!.x, `page ${l.page}: ${l.text}`).toBeCloseTo(expected, 2);
    }
    expect(new Set(body.map((l) => geo.left(l.page).toFixed(2))).size).toBe(2);
  });

  it('justifies every line but a paragraph’s last to the full measure', () => {
    let full = 0;
    for (const l of body) {
      const last = l.chars.at(-1)!;
      const right = (CLOSING_HALF.has(last.c) ? last.x + last.size / 2 : last.right) + geo.tracking;
      if (l.paraEnd) expect(right).toBeLessThanOrEqual(geo.right(l.page) + 0.01);
      else {
        expect(Math.abs(right - geo.right(l.page)), `page ${l.page}: ${l.text}`).toBeLessThan(0.01);
        full++;
      }
    }
    expect(full).toBeGreaterThan(150);
  });

  it(`holds exactly the grid's number of characters on full lines of pure Chinese text`, () => {
    // Unless push-out moved the last character down with a mark that may not
    // start a line, or the line gave its last character to a paragraph's last
    // line that would otherwise hold one alone (clreq: no lone last character).
    const gaveOne = (i: number) => body[i + 1]?.paraEnd === true && body[i + 1]!.para === body[i]!.para && [...body[i + 1]!.text].filter(isHan).length === 2;
    const pushedOut = (i: number) => noStart.has(body[i + 1]?.chars[1]?.c ?? '') || gaveOne(i);
    const pure = body.filter((l, i) => !l.paraEnd && !l.indented && [...l.text].every(isHan) && !pushedOut(i));
    expect(pure.length).toBeGreaterThan(3);
    for (const l of pure) expect([...l.text], l.text).toHaveLength(geo.chars);
    // Push-out takes one character: never more.
    for (const [i, l] of body.entries()) {
      if (!l.paraEnd && !l.indented && [...l.text].every(isHan)) expect([...l.text].length).toBeGreaterThanOrEqual(geo.chars - (pushedOut(i) ? 1 : 0));
    }
  });

  it('never starts a line with a forbidden mark or ends one with an opening mark', () => {
    for (const l of body) {
      const first = l.chars[0]!.c;
      if (!l.indented) expect(noStart.has(first) && !l.text.startsWith('——'), `starts: ${l.text}`).toBe(false);
      if (!l.paraEnd) expect(noEnd.has(l.chars.at(-1)!.c), `ends: ${l.text}`).toBe(false);
    }
  });

  it('never splits a number, a Latin word, —— or …… across lines', () => {
    for (let i = 0; i + 1 < body.length; i++) {
      const a = body[i]!;
      const b = body[i + 1]!;
      if (a.para !== b.para) continue;
      const x = a.chars.at(-1)!.c;
      const y = b.chars[0]!.c;
      const pair = `${x}${y}`;
      expect(/^[0-9A-Za-z.,%]{2}$/.test(pair) && /[0-9A-Za-z]/.test(x) && /[0-9A-Za-z.,%]/.test(y), pair).toBe(false);
      expect(pair === '——' || pair === '……', pair).toBe(false);
    }
  });

  it('sets two adjacent full-width marks in 1.5 em', () => {
    let pairs = 0;
    for (const l of body) {
      const steps = l.chars.slice(1).map((c, i) => (isHan(c.c) && isHan(l.chars[i]!.c) ? c.x - l.chars[i]!.x : NaN)).filter((s) => !Number.isNaN(s));
      if (steps.length === 0) continue;
      const step = steps.sort((a, b) => a - b)[Math.floor(steps.length / 2)]!;
      // Lines squeezed by push-in compress other marks too: look at stretched lines only.
      if (step < geo.charPitch + 1e-3) continue;
      for (let i = 0; i + 1 < l.chars.length; i++) {
        const a = l.chars[i]!;
        const b = l.chars[i + 1]!;
        if (!FULL_MARKS.has(a.c) || !FULL_MARKS.has(b.c)) continue;
        if (!CLOSING_HALF.has(a.c) && !'（《〈【〔〖［｛「『“‘'.includes(b.c)) continue;
        expect(b.x - a.x, `${a.c}${b.c} in ${l.text}`).toBeCloseTo(step - 8, 2);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(10);
  });

  it('keeps every article title with at least two lines of its body', () => {
    let titles = 0;
    for (const p of pages) {
      const lines = p.lines.filter((l) => l.y > geo.top + (p.number === 1 ? 150 : 0));
      lines.forEach((l, i) => {
        if (!(l.chars[0]!.font === TITLE_FONT && l.chars[0]!.size >= 18)) return;
        const next = lines[i + 1];
        if (next && next.chars[0]!.font === TITLE_FONT) return; // a two-line title
        titles++;
        const after = body.filter((b) => b.page === p.number && b.y > l.y);
        expect(after.length, `title "${l.text}" on page ${p.number}`).toBeGreaterThanOrEqual(2);
      });
    }
    expect(titles).toBe(11);
  });

  it('never leaves one line of a paragraph of three or more alone at a page foot or head', () => {
    const paras = new Map<number, BodyLine[]>();
    for (const l of body) paras.set(l.para, [...(paras.get(l.para) ?? []), l]);
    let split = 0;
    for (const lines of paras.values()) {
      if (lines.length < 3) continue;
      const perPage = new Map<number, number>();
      for (const l of lines) perPage.set(l.page, (perPage.get(l.page) ?? 0) + 1);
      if (perPage.size > 1) split++;
      for (const n of perPage.values()) expect(n, lines[0]!.text).toBeGreaterThanOrEqual(2);
    }
    expect(split).toBeGreaterThan(3);
  });

  it('numbers each page — N —, odd pages right and even pages left, one character in, 7 mm below the text block', () => {
    for (const p of pages) {
      const pn = p.lines.find((l) => l.text === `—${p.number}—`);
      expect(pn, `page ${p.number}`).toBeDefined();
      const c = pn!.chars;
      expect(c[0]!.font).toBe('FandolSong-Regular');
      expect(c[0]!.size).toBe(14);
      // FandolSong-Regular's em box: 0.8 em above the baseline.
      expect(pn!.y - 0.8 * 14).toBeCloseTo(geo.bottom + 7 * (72 / 25.4), 2);
      if (p.number % 2 === 1) expect(c.at(-1)!.right + (geo.tracking * 14) / 16).toBeCloseTo(geo.right(p.number) - 14, 2);
      else expect(c[0]!.x).toBeCloseTo(geo.left(p.number) + 14, 2);
    }
  });

  it('sets the 报尾 at the foot of the last page, below the last article', () => {
    const last = pages.at(-1)!;
    const dist = last.lines.filter((l) => l.chars[0]!.size === 14 && l.chars[0]!.font === 'FandolFang-Regular');
    expect(dist[0]!.text.startsWith('报：国家邮政局')).toBe(true);
    expect(dist.at(-1)!.text.endsWith('各快递企业')).toBe(true);
    const lastBody = body.filter((l) => l.page === last.number).at(-1);
    expect(lastBody, 'the last page has body text above the 报尾').toBeDefined();
    expect(dist[0]!.y).toBeGreaterThan(lastBody!.y + geo.pitch);
    // The last line's em box ends within the bottom row: row padding + rule above the block's foot.
    const bottomOfText = dist.at(-1)!.y + 0.12 * 14;
    expect(geo.bottom - bottomOfText).toBeGreaterThan(0);
    expect(geo.bottom - bottomOfText).toBeLessThan(t.distribution.linePitch);
  });
});

/** Body lines (仿宋 16 pt below the masthead), in reading order, with paragraph structure. */
function bodyLines(pages: PdfPage[], geo: Geometry): BodyLine[] {
  const out: BodyLine[] = [];
  for (const p of pages) {
    const firstTitle = p.number === 1 ? p.lines.find((l, i) => i > 1 && l.chars[0]!.font === TITLE_FONT) : undefined;
    for (const l of p.lines) {
      const c = l.chars[0]!;
      if (c.font !== 'FandolFang-Regular' || c.size !== 16) continue;
      if (firstTitle && l.y < firstTitle.y) continue;
      const indented = Math.abs(c.x - (geo.left(p.number) + 2 * geo.charPitch)) < 0.01;
      out.push({ ...l, page: p.number, gridLine: Math.round((l.y - geo.top - geo.bodyOffset) / geo.pitch), indented, paraEnd: false, para: 0 });
    }
  }
  // A line ends its paragraph when the next body line is indented, or when a
  // title or section comes between them.
  let para = 0;
  out.forEach((l, i) => {
    l.para = para;
    const next = out[i + 1];
    const consecutive = next && (next.page === l.page ? next.gridLine === l.gridLine + 1 : true);
    if (!next || next.indented || !consecutive) {
      l.paraEnd = true;
      para++;
    }
  });
  return out;
}
