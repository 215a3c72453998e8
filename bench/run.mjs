// Benchmarks: typesetting time for the sample issue and for a synthetic issue
// 20 times its size, from one run on this machine; growth should be linear.
// Then whole builds (read, typeset, PDF and DOCX written) of the large inputs
// the reliability issue names: one article of 1 MB, an issue of 200 articles.
// Run with `npm run bench` (builds first via the prepare step of npm ci).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildIssue } from '../dist/build.js';
import { Diagnostics } from '../dist/diagnostics.js';
import { FontSet } from '../dist/fonts/fontSet.js';
import { loadProject } from '../dist/project/config.js';
import { readIssue } from '../dist/read/readIssue.js';
import { renderPdf } from '../dist/render/pdf/renderPdf.js';
import { loadTemplate } from '../dist/template/loadTemplate.js';
import { TypesetContext } from '../dist/typeset/context.js';
import { typesetIssue } from '../dist/typeset/typesetIssue.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** A project whose issue holds the sample's articles `times` times over. */
function syntheticProject(times) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-'));
  cpSync(path.join(root, 'bulletin.config.yaml'), path.join(dir, 'bulletin.config.yaml'));
  const src = path.join(root, 'issues/2024-08');
  const dst = path.join(dir, 'issues/2024-08');
  cpSync(src, dst, { recursive: true });
  const articles = readdirSync(src).filter((f) => f.endsWith('.md'));
  for (const f of articles) rmSync(path.join(dst, f));
  for (let k = 0; k < times; k++) {
    for (const f of articles) writeFileSync(path.join(dst, `${String(k).padStart(3, '0')}-${f}`), readFileSync(path.join(src, f)));
  }
  return dir;
}

/** Characters of text in model blocks. */
function textLength(node) {
  if (Array.isArray(node)) return node.reduce((n, x) => n + textLength(x), 0);
  if (node && typeof node === 'object') {
    if (node.type === 'text') return [...node.value].length;
    return textLength(node.children ?? node.blocks ?? node.items ?? []);
  }
  return 0;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function measure(projectRoot) {
  const diags = new Diagnostics();
  const project = loadProject(projectRoot, diags);
  const dir = path.join(project.issuesDir, '2024-08');
  const template = loadTemplate('jianbao', project.templatesDir, diags);
  const fonts = FontSet.load(template, project.root, [], diags);
  const read = [];
  const typeset = [];
  const pdf = [];
  let layout;
  let chars = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    const t0 = performance.now();
    const { issue } = readIssue(project, dir);
    const t1 = performance.now();
    layout = typesetIssue(issue, new TypesetContext(template, fonts, new Diagnostics()), { draft: false, date: new Date(0) });
    const t2 = performance.now();
    await renderPdf(layout, { producer: 'bench' });
    const t3 = performance.now();
    if (i === 0) {
      chars = issue.articles.reduce((n, a) => n + textLength(a.blocks), 0);
      continue; // warm-up
    }
    read.push(t1 - t0);
    typeset.push(t2 - t1);
    pdf.push(t3 - t2);
  }
  globalThis.gc?.();
  return { read: median(read), typeset: median(typeset), pdf: median(pdf), pages: layout.pages.length, chars, heapMB: process.memoryUsage().heapUsed / 1048576 };
}

const small = await measure(root);
const bigRoot = syntheticProject(20);
const big = await measure(bigRoot);
rmSync(bigRoot, { recursive: true, force: true });

const fmt = (n) => n.toFixed(1).padStart(8);
console.log(`runs: ${RUNS} (median), node ${process.version}`);
console.log('                 chars  pages     read ms  typeset ms   render ms');
console.log(`sample issue   ${String(small.chars).padStart(7)} ${String(small.pages).padStart(6)} ${fmt(small.read)}   ${fmt(small.typeset)}   ${fmt(small.pdf)}`);
console.log(`20× synthetic  ${String(big.chars).padStart(7)} ${String(big.pages).padStart(6)} ${fmt(big.read)}   ${fmt(big.typeset)}   ${fmt(big.pdf)}`);
const ratio = big.typeset / small.typeset;
console.log(`typesetting time ratio 20× / 1×: ${ratio.toFixed(1)} (linear growth: about 20)`);
console.log(`typesetting per page: ${(small.typeset / small.pages).toFixed(2)} ms vs ${(big.typeset / big.pages).toFixed(2)} ms`);
console.log(`heap after the 20× run: ${big.heapMB.toFixed(0)} MB`);
/** A project with one issue of `articles` articles of `bytes` bytes of Chinese text each. */
function largeProject(articles, bytes) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-'));
  const issue = path.join(dir, 'issues/2024-09');
  cpSync(path.join(root, 'bulletin.config.yaml'), path.join(dir, 'bulletin.config.yaml'));
  mkdirSync(issue, { recursive: true });
  writeFileSync(path.join(issue, 'issue.yaml'), 'number: 9\ndate: 2024-09-30\n');
  const para = '为贯彻落实《“十四五”上海市邮政业发展规划》，推动快递业与制造业深度融合发展，上海市邮政管理局联合市经济和信息化委员会开展了典型案例征集工作。';
  const paras = Math.max(1, Math.round(bytes / Buffer.byteLength(`${para}\n\n`)));
  const body = Array.from({ length: paras }, () => para).join('\n\n');
  for (let k = 1; k <= articles; k++) {
    writeFileSync(path.join(issue, `${String(k).padStart(3, '0')}-a.md`), `---\ntitle: 第${k}篇\n---\n\n${body}\n`);
  }
  return dir;
}

async function buildOnce(projectRoot) {
  const t0 = performance.now();
  const result = await buildIssue(loadProject(projectRoot, new Diagnostics()), '2024-09');
  return { ms: performance.now() - t0, pages: result.outputs.find((o) => o.format === 'pdf')?.pages ?? 0 };
}

for (const [name, articles, bytes] of [
  ['one article of 1 MB', 1, 1024 * 1024],
  ['200 articles of 2 KB', 200, 2048],
]) {
  const dir = largeProject(articles, bytes);
  const { ms, pages } = await buildOnce(dir);
  rmSync(dir, { recursive: true, force: true });
  console.log(`whole build, ${name}: ${(ms / 1000).toFixed(1)} s, ${pages} pages`);
}

if (ratio > 40) {
  console.error('typesetting grows faster than linearly');
  process.exitCode = 1;
}
