// How the SVG writer should draw text — measured, not guessed (README: “SVG
// and PNG pages”). Two ways over the same Layout of the sample issue (drafts):
//   outlines: each glyph's outline from the build's font subsets, once a page in <defs>,
//     placed by <use>; an invisible <text> layer over it for selection
//     (what src/render/svg/ does);
//   fonts: <text> with an explicit x for every character, the fonts cut down
//     to the page's characters (hb-subset) and embedded with @font-face.
// For each: file size (all pages, raw and gzipped), time to write every page,
// time for resvg to rasterise one at 150 dpi (for `fonts` resvg, which reads
// no @font-face, is given the font files), pixels that differ from poppler's
// rendering of our PDF — rasterised by resvg and by Chromium — and whether
// Chromium selects the page's text.
// Run with `node bench/svgText.mjs` after `npm run build` (needs pdftoppm and
// /usr/bin/chromium, as the tests do).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { chromium } from 'playwright-core';
import { prepareIssue } from '../dist/build.js';
import { Diagnostics } from '../dist/diagnostics.js';
import { subsetFont } from '../dist/fonts/subsetFont.js';
import { loadProject } from '../dist/project/config.js';
import { renderPdf } from '../dist/render/pdf/renderPdf.js';
import { svgFacesOf } from '../dist/render/svg/svgGlyphs.js';
import { svgPage } from '../dist/render/svg/svgPage.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DPI = 150;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bulletin-svgtext-'));
const { layout } = prepareIssue(loadProject(repo, new Diagnostics()), '2024-08', { drafts: true });
const faces = await svgFacesOf(layout);
const pdfFile = path.join(tmp, 'sample.pdf');
writeFileSync(pdfFile, await renderPdf(layout, { producer: 'bench' }));

const num = (n, d = 2) => String(Math.round(n * 10 ** d) / 10 ** d);
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The `fonts` way: <text> with explicit x, subset fonts embedded. */
async function fontsPage(page) {
  const used = new Map();
  for (const it of page.items) if (it.kind === 'text') for (const ch of it.text) (used.get(it.face) ?? used.set(it.face, new Set()).get(it.face)).add(ch.codePointAt(0));
  const keys = Object.keys(layout.faces);
  const css = [];
  for (const [key, cps] of used) {
    const data = await subsetFont(readFileSync(layout.faces[key].file), 0, [...cps].sort((a, b) => a - b));
    css.push(`@font-face{font-family:b${keys.indexOf(key)};src:url(data:font/otf;base64,${data.toString('base64')})}`);
  }
  const body = [];
  for (const it of page.items) {
    if (it.kind === 'rule') body.push(`<line x1="${num(it.x1)}" y1="${num(it.y1)}" x2="${num(it.x2)}" y2="${num(it.y2)}" stroke="${it.color.rgb}" stroke-width="${num(it.thickness)}"/>`);
    if (it.kind !== 'text') continue;
    const face = faces.get(it.face);
    const scale = it.size / face.unitsPerEm;
    let dx = 0;
    const xs = [];
    for (const ch of it.text) {
      xs.push(num(it.x + dx));
      dx += face.advance(face.glyphId(ch.codePointAt(0))) * scale + it.charSpacing;
    }
    // Unquoted: resvg 2.6 drops a quoted name that follows a comma.
    const family = `b${keys.indexOf(it.face)}, ${layout.faces[it.face].familyName}`;
    // Two faces share the family Noto Serif CJK SC: resvg, matching by name, needs the weight too.
    const weight = /Bold/.test(layout.faces[it.face].postscriptName) ? ' font-weight="bold"' : '';
    const paint = it.bold ? `fill="${it.color.rgb}" stroke="${it.color.rgb}" stroke-width="${num(0.03 * it.size)}" stroke-miterlimit="10"` : `fill="${it.color.rgb}"`;
    const rot = it.rotation ? ` transform="rotate(${it.rotation.angle} ${num(it.rotation.cx)} ${num(it.rotation.cy)})"` : '';
    body.push(`<text x="${xs.join(' ')}" y="${num(it.y)}" font-family="${family}" font-size="${num(it.size)}"${weight} ${paint}${rot}>${esc(it.text)}</text>`);
  }
  const w = num(layout.width);
  const h = num(layout.height);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}pt" height="${h}pt" viewBox="0 0 ${w} ${h}" xml:space="preserve"><style>${css.join('')}</style><rect width="${w}" height="${h}" fill="#fff"/>${body.join('')}</svg>\n`;
}

const ways = {
  outlines: { page: async (p) => svgPage(layout, p, faces, { textLayer: true }), resvgFonts: [] },
  fonts: { page: fontsPage, resvgFonts: [...new Set(Object.values(layout.faces).map((f) => f.file))] },
};

function gray(rgba, width, height, channels = 4) {
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) {
    const a = channels === 4 ? rgba[i * 4 + 3] / 255 : 1;
    const c = (k) => rgba[i * channels + k] * a + 255 * (1 - a);
    data[i] = Math.round(0.299 * c(0) + 0.587 * c(1) + 0.114 * c(2));
  }
  return { width, height, data };
}
function blur(g) {
  const out = new Uint8Array(g.data.length);
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++) {
      let s = 0;
      let n = 0;
      for (let yy = Math.max(0, y - 1); yy <= Math.min(g.height - 1, y + 1); yy++)
        for (let xx = Math.max(0, x - 1); xx <= Math.min(g.width - 1, x + 1); xx++) (s += g.data[yy * g.width + xx]), n++;
      out[y * g.width + x] = Math.round(s / n);
    }
  return { ...g, data: out };
}
/** The test's measure (tests/render/svgPages.test.ts): blurred, 32 levels, within one pixel. */
function differing(a0, b0) {
  const [a, b] = [blur(a0), blur(b0)];
  const w = Math.min(a.width, b.width);
  const h = Math.min(a.height, b.height);
  const far = (p, q, x, y) => {
    const v = p.data[y * p.width + x];
    for (let yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) for (let xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) if (Math.abs(q.data[yy * q.width + xx] - v) <= 32) return false;
    return true;
  };
  let n = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (Math.abs(a.data[y * a.width + x] - b.data[y * b.width + x]) > 32 && (far(a, b, x, y) || far(b, a, x, y))) n++;
  return n / (w * h);
}
function pdfGray(n) {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(DPI), '-f', String(n), '-l', String(n), pdfFile], { maxBuffer: 1 << 28 });
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  return { width: +m[1], height: +m[2], data: new Uint8Array(pgm.subarray(m[0].length)) };
}
/** A PNG Chromium wrote (8-bit RGB or RGBA, not interlaced) as grey. */
function pngGray(buf) {
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const channels = buf[25] === 6 ? 4 : 3;
  const idat = [];
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at);
    if (buf.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? px[y * stride + x - channels] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      px[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return gray(px, width, height, channels);
}

const squeeze = (s) => s.replace(/\s+/g, '');
const pageText = (p) => squeeze(p.lines.slice(0, -1).map((l) => l.text).join(''));
const probe = [1, layout.pages.length];
const profile = mkdtempSync(path.join(os.tmpdir(), 'bulletin-svgtext-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1240, height: 1754 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const tab = browser.pages()[0] ?? (await browser.newPage());

const results = {};
for (const [name, way] of Object.entries(ways)) {
  await way.page(layout.pages[0]); // warm up: fonts and outlines loaded
  const t0 = performance.now();
  const svgs = [];
  for (const p of layout.pages) svgs.push(await way.page(p));
  const writeMs = performance.now() - t0;
  const bytes = svgs.reduce((n, s) => n + Buffer.byteLength(s), 0);
  const gz = svgs.reduce((n, s) => n + gzipSync(s).length, 0);
  const r = { pages: svgs.length, totalKB: bytes / 1024, gzipKB: gz / 1024, writeMsAllPages: writeMs, resvgMs: [], resvgDiff: [], chromiumDiff: [], selection: [] };
  for (const n of probe) {
    const svg = svgs[n - 1];
    const t1 = performance.now();
    const img = new Resvg(svg, { fitTo: { mode: 'zoom', value: DPI / 96 }, background: '#fff', font: { loadSystemFonts: false, fontFiles: way.resvgFonts }, logLevel: 'off' }).render();
    r.resvgMs.push(performance.now() - t1);
    const theirs = pdfGray(n);
    r.resvgDiff.push(differing(gray(img.pixels, img.width, img.height), theirs) * 100);
    const file = path.join(tmp, `${name}-${n}.html`);
    writeFileSync(file, `<!doctype html><meta charset="utf-8"><style>body{margin:0}svg{display:block;width:${theirs.width}px;height:${theirs.height}px}</style>${svg}`);
    await tab.goto(`file://${file}`);
    await tab.evaluate(() => document.fonts.ready);
    const shot = await tab.screenshot({ clip: { x: 0, y: 0, width: theirs.width, height: theirs.height } });
    r.chromiumDiff.push(differing(pngGray(shot), theirs) * 100);
    const selected = await tab.evaluate(() => {
      getSelection().selectAllChildren(document.body);
      return getSelection().toString();
    });
    const want = pageText(layout.pages[n - 1]);
    r.selection.push(squeeze(selected).replace(/草稿/g, '').includes(want) ? 'all, in order' : `not all (${squeeze(selected).length} of ${want.length} characters)`);
  }
  results[name] = r;
}
await browser.close();
rmSync(profile, { recursive: true, force: true });
rmSync(tmp, { recursive: true, force: true });

const f = (a, d = 1) => a.map((x) => x.toFixed(d)).join(' / ');
console.log(`SVG text, sample issue (${layout.pages.length} pages, drafts), ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}; pages ${probe.join(' and ')} where one is measured:`);
console.log('| | outlines + text layer | <text> + @font-face subsets |');
console.log('|---|---|---|');
const row = (label, get) => console.log(`| ${label} | ${get(results.outlines)} | ${get(results.fonts)} |`);
row('size of all pages (raw)', (r) => `${(r.totalKB / 1024).toFixed(2)} MB`);
row('size of all pages (gzip)', (r) => `${(r.gzipKB / 1024).toFixed(2)} MB`);
row('writing all pages (warm)', (r) => `${r.writeMsAllPages.toFixed(0)} ms`);
row('resvg, one page at 150 dpi', (r) => `${f(r.resvgMs, 0)} ms`);
row('pixels differing from the PDF, resvg', (r) => `${f(r.resvgDiff, 2)} %`);
row('pixels differing from the PDF, Chromium', (r) => `${f(r.chromiumDiff, 2)} %`);
row('text Chromium selects', (r) => r.selection.join(' / '));
