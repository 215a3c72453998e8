// The OFD drawn by an independent viewer — ofd.js in Debian's Chromium
// (tests/helpers/ofdViewer.ts) — beside the PDF drawn by poppler
// (pdftoppm): page 1 and the last page differ in at most 2 % of their
// pixels, and the text comes from the fonts embedded in the package (the
// browser has no other: without them the pages come out all but blank).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIssue } from '../../src/build.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadProject } from '../../src/project/config.js';
import { readOfdFile, type OfdDocument } from '../helpers/ofdReader.js';
import { CHROMIUM, renderOfdPages, type RenderedPage } from '../helpers/ofdViewer.js';
import { decodePng, differingShare, inkShare, type Pixels } from '../helpers/pngPixels.js';
import { copySampleProject } from '../helpers/project.js';

/** CSS pixels across the page: about 127 dpi for A4. */
const WIDTH = 1240;
const MAX_DIFFERING = 0.02;

function pdfPage(pdf: string, page: number, width: number, height: number): Pixels {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bulletin-pdfpage-'));
  const out = path.join(dir, 'p');
  execFileSync('pdftoppm', ['-png', '-f', String(page), '-l', String(page), '-scale-to-x', String(width), '-scale-to-y', String(height), '-singlefile', pdf, out]);
  return decodePng(readFileSync(`${out}.png`));
}

// Without Chromium the comparison is skipped on a developer's machine; CI installs it (.ci/run) and fails without it.
describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('the OFD in ofd.js (Chromium) beside the PDF in poppler', () => {
  let pdf: string;
  let ofd: string;
  let doc: OfdDocument;
  let withFonts: RenderedPage[];
  let without: RenderedPage[];
  let last: number;

  beforeAll(async () => {
    const root = copySampleProject();
    await buildIssue(loadProject(root, new Diagnostics()), '2024-08', { formats: ['pdf', 'ofd'] });
    pdf = path.join(root, 'out/2024-08.pdf');
    ofd = path.join(root, 'out/2024-08.ofd');
    doc = readOfdFile(ofd);
    last = doc.pages.length - 1;
    withFonts = await renderOfdPages(ofd, doc, [0, last], WIDTH);
    without = await renderOfdPages(ofd, doc, [0, last], WIDTH, { embeddedFonts: false });
  }, 300_000);

  it('opens every page', () => {
    expect(withFonts[0]!.pages).toBe(doc.pages.length);
    // A4 at the viewer's scale.
    expect(withFonts[0]!.height / withFonts[0]!.width).toBeCloseTo(297 / 210, 2);
  });

  it.each([
    { name: 'page 1', k: 0 },
    { name: 'the last page', k: 1 },
  ])('draws $name as the PDF is drawn, but for at most 2 percent of its pixels', ({ k }) => {
    const page = withFonts[k]!;
    const ofdPixels = decodePng(page.png);
    const pdfPixels = pdfPage(pdf, k === 0 ? 1 : last + 1, ofdPixels.width, ofdPixels.height);
    expect(inkShare(pdfPixels)).toBeGreaterThan(0.01);
    const share = differingShare(ofdPixels, pdfPixels);
    console.log(`OFD vs PDF, ${k === 0 ? 'page 1' : 'last page'}: ${(share * 100).toFixed(2)} % of pixels differ`);
    expect(share).toBeLessThanOrEqual(MAX_DIFFERING);
  });

  it.each([
    { name: 'page 1', k: 0 },
    { name: 'the last page', k: 1 },
  ])('draws the text of $name with the embedded fonts: the browser has no other', ({ k }) => {
    const ofdPixels = decodePng(withFonts[k]!.png);
    const bare = decodePng(without[k]!.png);
    const pdfPixels = pdfPage(pdf, k === 0 ? 1 : last + 1, ofdPixels.width, ofdPixels.height);
    // Without the package's fonts no glyph is drawn (only the rules are left), and the page fails the comparison above.
    console.log(`without the embedded fonts: ink ${(inkShare(bare) * 100).toFixed(2)} % vs ${(inkShare(ofdPixels) * 100).toFixed(2)} %, ${(differingShare(bare, pdfPixels) * 100).toFixed(2)} % of pixels differ`);
    expect(inkShare(bare)).toBeLessThan(inkShare(ofdPixels) / 4);
    expect(differingShare(bare, pdfPixels)).toBeGreaterThan(MAX_DIFFERING);
  });
});
