// The SVG writer draws what the PDF draws: page 1 and the last page of the
// sample issue, rasterised from our SVG by resvg and from our PDF by poppler
// (pdftoppm) at 150 dpi, differ in at most 0.5 % of their pixels — and the
// same comparison does fail for a page drawn 1 pt off or without its
// watermark. Two pixels differ when, both images seen through a 3 × 3 box
// blur, their grey differs by more than 32 levels from every pixel within
// one pixel of the same place in the other image: the rasterisers shade and
// place glyph edges a fraction of a pixel apart (poppler puts glyph origins
// on whole pixels vertically), which this forgives and nothing else. Glyph advances are the typesetter's; the text is selectable
// (the text layer) and carries where it was written only when asked.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareIssue } from '../../src/build.js';
import { layoutSubsets } from '../../src/fonts/subsets.js';
import { svgFacesOf } from '../../src/render/svg/svgGlyphs.js';
import { renderSvg } from '../../src/render/svg/renderSvg.js';
import type { Layout } from '../../src/typeset/layout.js';
import { bulletin } from '../helpers/cli.js';
import { squeeze } from '../helpers/pdf.js';
import { boxBlur, differingShareNear, pdfPageGray, svgGray, type Gray } from '../helpers/pixels.js';
import { copySampleProject, loadProjectOrThrow } from '../helpers/project.js';
import { typesetFiles } from '../helpers/typeset.js';

const DPI = 150;
/** Grey levels two rasterisers may shade an edge apart by (after the blur), within one pixel. */
const TOLERANCE = 32;
const MAX_SHARE = 0.005;

describe('SVG pages against the PDF', () => {
  let root: string;
  let layout: Layout;
  let pages: number;
  const svgFile = (n: number) => path.join(root, 'out/2024-08', `2024-08-${String(n).padStart(2, '0')}.svg`);
  const pdf = () => path.join(root, 'out/2024-08.pdf');

  beforeAll(() => {
    root = copySampleProject();
    const r = bulletin(root, ['build', '2024-08', '--format', 'pdf,svg', '--drafts']);
    expect(r.status, r.stderr).toBe(0);
    layout = prepareIssue(loadProjectOrThrow(root), '2024-08', { drafts: true }).layout;
    pages = layout.pages.length;
  }, 180_000);

  const compare = async (page: number, svg: string): Promise<{ share: number; ours: Gray; theirs: Gray }> => {
    const theirs = pdfPageGray(pdf(), page, DPI);
    const ours = await svgGray(svg, DPI);
    return { share: differingShareNear(boxBlur(ours), boxBlur(theirs), TOLERANCE, 1), ours, theirs };
  };

  it('draws page 1 and the last page as the PDF does', async () => {
    for (const n of [1, pages]) {
      const { share, ours } = await compare(n, readFileSync(svgFile(n), 'utf8'));
      expect(ours.width).toBe(Math.round((layout.width / 72) * DPI));
      expect(share, `page ${n}: ${(share * 100).toFixed(3)} % of pixels differ`).toBeLessThanOrEqual(MAX_SHARE);
    }
  }, 120_000);

  it('tells a page drawn 1 pt off, or without its watermark, from the PDF', async () => {
    const svg = readFileSync(svgFile(1), 'utf8');
    const shifted = svg.replace(/(<rect [^>]*\/>)/, '$1<g transform="translate(1 1)">').replace('</svg>', '</g></svg>');
    expect((await compare(1, shifted)).share).toBeGreaterThan(MAX_SHARE);
    const noWatermark = svg.replace(/<g transform="rotate\([^"]*\)">.*?<\/g><\/g>/g, '');
    expect(noWatermark.length).toBeLessThan(svg.length);
    expect((await compare(1, noWatermark)).share).toBeGreaterThan(MAX_SHARE);
  }, 120_000);

  it('puts every glyph at the typesetter’s advance, drawn from the subset the PDF embeds', async () => {
    const fonts = prepareIssue(loadProjectOrThrow(root), '2024-08', { drafts: true }).fonts;
    const faces = await svgFacesOf(layout);
    const subsets = await layoutSubsets(layout);
    let checked = 0;
    for (const face of fonts.all) {
      const used = new Set(layout.pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'text' && i.face === face.key && i.actualText === undefined ? [...i.text] : []))));
      if (used.size === 0) continue;
      const svg = faces.get(face.key)!;
      const subset = subsets.get(face.key)!;
      for (const ch of used) {
        const cp = ch.codePointAt(0)!;
        const glyph = svg.glyphId(cp);
        expect(glyph, `${face.key} ${ch}`).toBe(subset.glyphOf.get(cp));
        expect(svg.advance(glyph) / svg.unitsPerEm, `${face.key} ${ch}`).toBeCloseTo(face.advance(cp), 9);
        expect(svg.advance(glyph) * (1000 / svg.unitsPerEm)).toBeCloseTo(subset.widths[glyph]!, 9);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(800);
  });

  it('lays the text over the glyphs, selectable, in reading order, without the watermark or page numbers', () => {
    const svg = readFileSync(svgFile(1), 'utf8');
    const layer = /<g class="text" fill="transparent"[^>]*>(.*)<\/g>/s.exec(svg)![1]!;
    const text = squeeze(layer.replace(/<[^>]+>/g, ''));
    const page1 = layout.pages[0]!.lines.map((l) => squeeze(l.text)).filter(Boolean);
    let at = 0;
    for (const line of page1.slice(0, -1)) {
      const found = text.indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(at);
      at = found + line.length;
    }
    expect(text).not.toContain('草稿');
    expect(text).not.toContain(page1.at(-1)!);
    // Written files say nothing of where the text came from (no author's paths in a published page).
    expect(svg).not.toContain('data-source');
  });

  it('gives resvg nothing to look up: no text, no font, in the SVG a PNG is drawn from', async () => {
    const [svg] = await renderSvg(layout);
    expect(svg).not.toMatch(/<text|font-family|@font-face/);
  });
});

describe('SVG pages of characters from the compressed fallback faces', () => {
  it('draw them: the outlines come from the build’s subsets, which read WOFF2 faces (HarfBuzz does not)', async () => {
    const rare = '㑳㖞㘚';
    const { layout } = typesetFiles({ 'issues/2024-09/01-a.md': `---\ntitle: 标题\n---\n\n正文${rare}。\n` });
    const faces = await svgFacesOf(layout);
    let checked = 0;
    for (const page of layout.pages) {
      for (const item of page.items) {
        if (item.kind !== 'text' || !rare.includes([...item.text][0]!)) continue;
        expect(layout.faces[item.face]!.file, item.text).toMatch(/\.woff2$/);
        const face = faces.get(item.face)!;
        for (const ch of item.text) {
          const glyph = face.glyphId(ch.codePointAt(0)!);
          expect(glyph, ch).toBeGreaterThan(0);
          expect(face.outline(glyph), ch).toMatch(/^M-?\d/);
          checked++;
        }
      }
    }
    expect(checked).toBe([...rare].length);
    const [svg] = await renderSvg(layout);
    expect(svg).toMatch(/<use xlink:href="#g\d+-\d+"/);
  });
});
