// `build --format png` (and svg): one file a page in <outDir>/<id>/, the page
// size at the asked resolution (read from the PNG's header), written with the
// other outputs in one step. A rebuild with fewer pages leaves none of the
// old last pages; a build that fails leaves the old pages as they were.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageFileName } from '../../src/pageFiles.js';
import { bulletin } from '../helpers/cli.js';
import { boxBlur, differingShareNear, pdfPageGray, pngGray } from '../helpers/pixels.js';
import { copySampleProject } from '../helpers/project.js';

/** Width, height and pixels per metre (pHYs) of a PNG, from its chunks. */
function pngHeader(file: string): { width: number; height: number; perMetre?: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.toString('latin1', 12, 16)).toBe('IHDR');
  const out: { width: number; height: number; perMetre?: number } = { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  for (let at = 8; at < b.length; ) {
    const len = b.readUInt32BE(at);
    if (b.toString('latin1', at + 4, at + 8) === 'pHYs') out.perMetre = b.readUInt32BE(at + 8);
    at += 12 + len;
  }
  return out;
}

/** A4 in points (the sample's template). */
const A4 = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 };

describe('page images', () => {
  let root: string;
  const folder = () => path.join(root, 'out/2024-08');
  const files = (ext: string) => readdirSync(folder()).filter((n) => n.endsWith(`.${ext}`)).sort();
  let pages: number;

  beforeAll(() => {
    root = copySampleProject();
    const r = bulletin(root, ['build', '2024-08', '--format', 'pdf,png', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { issues: Array<{ outputs: Array<{ format: string; file: string; pages?: number; files?: string[] }> }> };
    const pdf = report.issues[0]!.outputs.find((o) => o.format === 'pdf')!;
    const png = report.issues[0]!.outputs.find((o) => o.format === 'png')!;
    pages = pdf.pages!;
    expect(png.pages).toBe(pages);
    expect(png.file).toBe(folder());
    expect(png.files).toEqual(Array.from({ length: pages }, (_, i) => path.join(folder(), pageFileName('2024-08', i + 1, pages, 'png'))));
  }, 180_000);

  it('writes one PNG a page, <id>-01.png …, the page size at 150 dpi by default', () => {
    expect(files('png')).toEqual(Array.from({ length: pages }, (_, i) => `2024-08-${String(i + 1).padStart(2, '0')}.png`));
    for (const f of files('png')) {
      const h = pngHeader(path.join(folder(), f));
      expect(h.width, f).toBe(Math.round((A4.width / 72) * 150));
      expect(h.height, f).toBe(Math.round((A4.height / 72) * 150));
      expect(h.perMetre, f).toBe(Math.round(150 / 0.0254));
    }
  });

  it('takes --dpi, and refuses one it cannot draw', () => {
    const r = bulletin(root, ['build', '2024-08', '--format', 'png', '--dpi', '72', '--out', 'low']);
    expect(r.status, r.stderr).toBe(0);
    const h = pngHeader(path.join(root, 'low/2024-08/2024-08-01.png'));
    expect([h.width, h.height]).toEqual([Math.round(A4.width), Math.round(A4.height)]);
    for (const bad of ['0', '5000', 'abc', '1.5']) {
      const b = bulletin(root, ['build', '2024-08', '--format', 'png', '--dpi', bad, '--out', 'bad']);
      expect(b.status, bad).toBe(2);
      expect(b.stderr).toContain('--dpi');
    }
    expect(existsSync(path.join(root, 'bad'))).toBe(false);
    const f = bulletin(root, ['build', '2024-08', '--format', 'pdf,jpg']);
    expect(f.status).toBe(2);
    expect(f.stderr).toContain('png、svg');
  });

  it('draws each page as poppler draws the PDF at the same resolution, across the bands a large page is drawn in', () => {
    // At 300 dpi an A4 page (2480 × 3508) is drawn in two bands (src/render/png.ts): a band
    // placed a pixel off, or one left white, shows against poppler's page of the same PDF.
    const r = bulletin(root, ['build', '2024-08', '--format', 'png', '--dpi', '300', '--out', 'hi']);
    expect(r.status, r.stderr).toBe(0);
    for (const page of [1, pages]) {
      const ours = pngGray(readFileSync(path.join(root, 'hi/2024-08', pageFileName('2024-08', page, pages, 'png'))));
      expect([ours.width, ours.height]).toEqual([Math.round((A4.width / 72) * 300), Math.round((A4.height / 72) * 300)]);
      const theirs = pdfPageGray(path.join(root, 'out/2024-08.pdf'), page, 300);
      const share = differingShareNear(boxBlur(ours), boxBlur(theirs), 32, 1);
      expect(share, `page ${page}: ${(share * 100).toFixed(3)} % of pixels differ`).toBeLessThanOrEqual(0.005);
      // Ink in both halves of the page: the lower band is drawn too.
      const inkRows = (y0: number, y1: number) => Array.from({ length: y1 - y0 }, (_, k) => ours.data.subarray((y0 + k) * ours.width, (y0 + k + 1) * ours.width).some((v) => v < 128)).filter(Boolean).length;
      expect(inkRows(0, ours.height >> 1), `page ${page}, upper half`).toBeGreaterThan(100);
      expect(inkRows(ours.height >> 1, ours.height), `page ${page}, lower half`).toBeGreaterThan(100);
    }
  }, 180_000);

  it('writes SVG pages beside them without touching the PNGs', () => {
    const before = files('png').map((f) => statSync(path.join(folder(), f)).mtimeMs);
    const r = bulletin(root, ['build', '2024-08', '--format', 'svg']);
    expect(r.status, r.stderr).toBe(0);
    expect(files('svg')).toHaveLength(pages);
    expect(readFileSync(path.join(folder(), '2024-08-01.svg'), 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="595\.28pt" height="841\.89pt"/);
    expect(files('png').map((f) => statSync(path.join(folder(), f)).mtimeMs)).toEqual(before);
  });

  it('leaves the old pages as they were when a build fails, for bad input or an output in the way', () => {
    const snapshot = () =>
      files('png')
        .filter((f) => statSync(path.join(folder(), f)).isFile())
        .map((f) => `${f}:${readFileSync(path.join(folder(), f)).length}:${statSync(path.join(folder(), f)).mtimeMs}`);
    const before = snapshot();
    const article = path.join(root, 'issues/2024-08/01-manufacturing-cases.md');
    const good = readFileSync(article, 'utf8');
    writeFileSync(article, good.replace(/^title:/m, 'titel:'));
    const bad = bulletin(root, ['build', '2024-08', '--format', 'png']);
    expect(bad.status).toBe(1);
    expect(snapshot()).toEqual(before);
    writeFileSync(article, good);
    // A folder where the last page must go: nothing may be replaced, no temporary file is left.
    const last = path.join(folder(), pageFileName('2024-08', pages, pages, 'png'));
    rmSync(last);
    mkdirSync(last);
    const blocked = bulletin(root, ['build', '2024-08', '--format', 'png,pdf']);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain(path.basename(last));
    expect(snapshot()).toEqual(before.slice(0, -1));
    expect(readdirSync(folder()).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    rmSync(last, { recursive: true });
  });

  it('a rebuild with fewer pages leaves none of the old last pages, and nothing else is removed', () => {
    expect(bulletin(root, ['build', '2024-08', '--format', 'png']).status).toBe(0);
    const notes = path.join(folder(), 'notes.txt');
    writeFileSync(notes, 'mine');
    const dir = path.join(root, 'issues/2024-08');
    for (const n of readdirSync(dir).filter((f) => f.endsWith('.md')).slice(3)) rmSync(path.join(dir, n));
    const r = bulletin(root, ['build', '2024-08', '--format', 'png', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const now = (JSON.parse(r.stdout) as { issues: Array<{ outputs: Array<{ pages: number }> }> }).issues[0]!.outputs[0]!.pages;
    expect(now).toBeLessThan(pages);
    expect(files('png')).toEqual(Array.from({ length: now }, (_, i) => `2024-08-${String(i + 1).padStart(2, '0')}.png`));
    // Pages of the other format are another output: a PNG build leaves them.
    expect(files('svg')).toHaveLength(pages);
    expect(readFileSync(notes, 'utf8')).toBe('mine');
  });

  it('numbers pages with as many digits as the last page needs', () => {
    expect(pageFileName('2024-08', 7, 9, 'png')).toBe('2024-08-07.png');
    expect(pageFileName('2024-08', 7, 100, 'png')).toBe('2024-08-007.png');
    expect(pageFileName('2024年10月', 12, 12, 'svg')).toBe('2024年10月-12.svg');
  });
});
