// Images in the PDF (src/render/pdf/images.ts, pngDecode.ts) against decoders
// that are not ours: every PNG of the rich fixture — each colour type, bit
// depth, Adam7, tRNS, palette alpha — as poppler extracts it from the PDF
// (`pdfimages`) equals MuPDF's decoding of the source file, its alpha the
// soft mask; under PDF/A-1b the alpha is composited onto white. A JPEG is
// passed through byte for byte.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletin } from '../../helpers/cli.js';
import { PdfObjects } from '../../helpers/pdfObjects.js';
import { REPO_ROOT, tempDir } from '../../helpers/project.js';

interface Raster {
  width: number;
  height: number;
  /** Samples a pixel: 1 grey, 3 RGB, 4 RGBA. */
  depth: number;
  data: Buffer;
}

/** A PNM or PAM file (what pdfimages and mutool write). */
function readNetpbm(file: string): Raster {
  const b = readFileSync(file);
  const magic = b.toString('latin1', 0, 2);
  if (magic === 'P7') {
    const end = b.indexOf('ENDHDR\n');
    const head = b.toString('latin1', 0, end);
    const num = (k: string) => Number(new RegExp(`${k} (\\d+)`).exec(head)![1]);
    return { width: num('WIDTH'), height: num('HEIGHT'), depth: num('DEPTH'), data: b.subarray(end + 7) };
  }
  // P5 / P6: magic, width, height, maxval, one white-space byte.
  const tokens: string[] = [];
  let at = 2;
  while (tokens.length < 3) {
    while (/\s/.test(String.fromCharCode(b[at]!))) at++;
    let t = '';
    while (!/\s/.test(String.fromCharCode(b[at]!))) t += String.fromCharCode(b[at++]!);
    tokens.push(t);
  }
  return { width: Number(tokens[0]), height: Number(tokens[1]), depth: magic === 'P5' ? 1 : 3, data: b.subarray(at + 1) };
}

/** Each image the markdown of the issue names, in reading order. */
function imageSources(issueDir: string): string[] {
  return readdirSync(issueDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .flatMap((f) => [...readFileSync(path.join(issueDir, f), 'utf8').matchAll(/!\[[^\]]*\]\((images\/[^)]+)\)/g)].map((m) => m[1]!));
}

/** The images of the PDF as pdfimages extracts them, each with its soft mask when it has one, and its object number. */
function pdfImages(pdf: string, dir: string): Array<{ image: Raster; smask?: Raster; object: number }> {
  const list = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  execFileSync('pdfimages', [pdf, path.join(dir, 'i')]);
  const files = readdirSync(dir).filter((f) => /^i-\d+\./.test(f)).sort();
  const out: Array<{ image: Raster; smask?: Raster; object: number }> = [];
  list.forEach((line, i) => {
    const cols = line.trim().split(/\s+/);
    const raster = readNetpbm(path.join(dir, files[i]!));
    if (cols[2] === 'smask') out[out.length - 1]!.smask = raster;
    else out.push({ image: raster, object: Number(cols[10]) });
  });
  return out;
}

/** MuPDF's decoding of an image file, one pixel to one pixel, as RGBA. */
function mupdfDecode(file: string, dir: string): Raster {
  const out = path.join(dir, `${path.basename(file)}.pam`);
  execFileSync('mutool', ['draw', '-q', '-r', '96', '-F', 'pam', '-o', out, file], { stdio: 'ignore' });
  return readNetpbm(out);
}

/**
 * The largest difference of any sample of `got` (grey or RGB, or a mask) from
 * the RGBA `want`, as `differ` measures it for one sample.
 */
function largestDifference(got: Raster, want: Raster, differ: (sample: number, rgba: number[], channel: number) => number): number {
  expect([got.width, got.height]).toEqual([want.width, want.height]);
  let worst = 0;
  for (let p = 0; p < got.width * got.height; p++) {
    const rgba = [...want.data.subarray(p * 4, p * 4 + 4)];
    for (let c = 0; c < got.depth; c++) worst = Math.max(worst, differ(got.data[p * got.depth + c]!, rgba, got.depth === 1 ? 0 : c));
  }
  return worst;
}

/**
 * Colour, weighed by alpha: MuPDF keeps colour premultiplied, so what it gives
 * back of a nearly transparent pixel is coarse (and of an invisible one, 0).
 */
const colour = (v: number, rgba: number[], c: number) => Math.abs(v - rgba[c]!) * (rgba[3]! / 255);
const onWhite = (v: number, rgba: number[], c: number) => Math.abs(v - (rgba[c]! * rgba[3]! + 255 * (255 - rgba[3]!)) / 255);
const alpha = (v: number, rgba: number[]) => Math.abs(v - rgba[3]!);

describe('the images of the rich fixture', () => {
  let root: string;
  let sources: string[];
  beforeAll(() => {
    root = tempDir();
    cpSync(path.join(REPO_ROOT, 'tests/fixtures/rich'), root, { recursive: true });
    sources = imageSources(path.join(root, 'issues/rich'));
  });

  function build(args: string[]): string {
    const out = path.join(root, `out-${args.join('') || 'plain'}`);
    const r = bulletin(root, ['build', 'rich', '--format', 'pdf', '--out', out, ...args]);
    expect(r.status, r.stderr).toBe(0);
    return path.join(out, 'rich.pdf');
  }

  it('PNG pixels and alpha as MuPDF decodes the source; JPEG passed through', () => {
    const pdf = build([]);
    const dir = tempDir();
    const images = pdfImages(pdf, dir);
    expect(images).toHaveLength(sources.length);
    const objects = new PdfObjects(pdf);
    let pngs = 0;
    images.forEach((img, i) => {
      const src = path.join(root, 'issues/rich', sources[i]!);
      if (src.endsWith('.jpg')) {
        expect(objects.dict(`${img.object} 0 R`)['/Filter']).toBe('/DCTDecode');
        const raw = execFileSync('qpdf', [`--show-object=${img.object}`, '--raw-stream-data', pdf], { maxBuffer: 64 << 20 });
        expect(raw.equals(readFileSync(src)), sources[i]).toBe(true);
        return;
      }
      pngs++;
      const want = mupdfDecode(src, dir);
      // 16-bit samples are cut to 8 bits: MuPDF and bulletin may round one apart.
      expect(largestDifference(img.image, want, colour), sources[i]).toBeLessThanOrEqual(1);
      const transparent = [...want.data].some((v, k) => k % 4 === 3 && v < 255);
      expect(Boolean(img.smask), sources[i]).toBe(transparent);
      if (img.smask) expect(largestDifference(img.smask, want, alpha), sources[i]).toBeLessThanOrEqual(1);
    });
    expect(pngs).toBe(sources.filter((s) => s.endsWith('.png')).length);
    expect(pngs).toBeGreaterThanOrEqual(9);
  });

  it('--pdfa 1b: no soft mask; transparent pixels composited onto white', () => {
    const root1b = tempDir();
    cpSync(root, root1b, { recursive: true });
    const md = path.join(root1b, 'issues/rich/04-images.md');
    // PDF/A refuses the CMYK JPEG (archival.test.ts): leave it out here.
    writeFileSync(md, readFileSync(md, 'utf8').replace(/^!\[[^\]]*\]\(images\/cmyk-adobe\.jpg\)\n/m, ''));
    const out = path.join(root1b, 'out');
    const r = bulletin(root1b, ['build', 'rich', '--format', 'pdf', '--pdfa', '1b', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const dir = tempDir();
    const images = pdfImages(path.join(out, 'rich.pdf'), dir);
    const names = imageSources(path.join(root1b, 'issues/rich'));
    expect(images).toHaveLength(names.length);
    images.forEach((img, i) => {
      expect(img.smask).toBeUndefined();
      if (names[i]!.endsWith('.jpg')) return;
      const want = mupdfDecode(path.join(root1b, 'issues/rich', names[i]!), dir);
      expect(largestDifference(img.image, want, onWhite), names[i]).toBeLessThanOrEqual(1);
    });
  });
});
