// Font benchmarks, each step in a new `node` (medians of BENCH_RUNS, default 5):
//   1. loading the template's faces (FontSet.load), then typesetting the sample issue,
//      with a warm and with a cold font cache;
//   2. cutting the subsets of the sample issue's faces (src/fonts/subsets.ts): hb's wasm
//      instantiated once, then each face, first in the process and again;
//   3. the size of fonts/.
//   npm run bench:fonts                    (= node bench/fonts.mjs)
//   node bench/fonts.mjs --against DIR     step 1 also for another checkout (its dist/), e.g. the code before
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const against = process.argv.includes('--against') ? path.resolve(process.argv[process.argv.indexOf('--against') + 1]) : undefined;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A child that loads the faces and typesets the sample issue of `checkout`; prints the times. */
const LOAD = (checkout) => `
const t0 = performance.now();
const { Diagnostics } = await import(${JSON.stringify(path.join(checkout, 'dist/diagnostics.js'))});
const { FontSet } = await import(${JSON.stringify(path.join(checkout, 'dist/fonts/fontSet.js'))});
const { loadTemplate } = await import(${JSON.stringify(path.join(checkout, 'dist/template/loadTemplate.js'))});
const { loadProject } = await import(${JSON.stringify(path.join(checkout, 'dist/project/config.js'))});
const { readIssue } = await import(${JSON.stringify(path.join(checkout, 'dist/read/readIssue.js'))});
const { TypesetContext } = await import(${JSON.stringify(path.join(checkout, 'dist/typeset/context.js'))});
const { typesetIssue } = await import(${JSON.stringify(path.join(checkout, 'dist/typeset/typesetIssue.js'))});
const diags = new Diagnostics();
const project = loadProject(${JSON.stringify(root)}, diags);
const { issue } = readIssue(project, ${JSON.stringify(path.join(root, 'issues/2024-08'))});
const template = loadTemplate('jianbao', project.templatesDir, diags);
const t1 = performance.now();
const fonts = FontSet.load(template, project.root, [], diags);
const t2 = performance.now();
typesetIssue(issue, new TypesetContext(template, fonts, diags), { draft: false, date: new Date(0) });
const t3 = performance.now();
console.log(JSON.stringify({ imports: t1 - t0, load: t2 - t1, typeset: t3 - t2, rss: process.memoryUsage().rss }));
`;

function child(script, env) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1));
}

function loading(checkout, label) {
  for (const cache of ['warm', 'cold']) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-cache-'));
    if (cache === 'warm') child(LOAD(checkout), { BULLETIN_CACHE_DIR: dir });
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      if (cache === 'cold') rmSync(dir, { recursive: true, force: true });
      runs.push(child(LOAD(checkout), { BULLETIN_CACHE_DIR: dir }));
    }
    rmSync(dir, { recursive: true, force: true });
    const m = (k) => median(runs.map((r) => r[k]));
    console.log(`${label}, ${cache} cache: face loading ${m('load').toFixed(1)} ms, typesetting the sample ${m('typeset').toFixed(1)} ms (fonts read as asked), rss ${(m('rss') / 1e6).toFixed(0)} MB`);
  }
}

const SUBSETS = `
const { prepareIssue } = await import(${JSON.stringify(path.join(root, 'dist/build.js'))});
const { loadProject } = await import(${JSON.stringify(path.join(root, 'dist/project/config.js'))});
const { Diagnostics } = await import(${JSON.stringify(path.join(root, 'dist/diagnostics.js'))});
const { codePointsByFace, subsetFace } = await import(${JSON.stringify(path.join(root, 'dist/fonts/subsets.js'))});
const { loadSubsetter } = await import(${JSON.stringify(path.join(root, 'dist/fonts/subsetFont.js'))});
const p = prepareIssue(loadProject(${JSON.stringify(root)}, new Diagnostics()), '2024-08', { lint: false });
const used = codePointsByFace(p.layout);
let t = performance.now();
await loadSubsetter();
const out = { instantiate: performance.now() - t, faces: {} };
for (const round of ['first', 'again']) {
  for (const [key, cps] of used) {
    t = performance.now();
    const s = await subsetFace(key, p.layout.faces[key].file, 0, cps);
    const ms = performance.now() - t;
    // The OpenType subset: hb-subset for every font (made lazily for fonts without subroutines).
    t = performance.now();
    const sfnt = s.sfnt.length;
    const sfntMs = performance.now() - t;
    out.faces[key] ??= { cps: cps.size, glyphs: s.widths.length, sfnt, cff: s.cff?.length ?? 0 };
    out.faces[key][round] = ms;
    out.faces[key][round + 'Sfnt'] = sfntMs;
  }
}
console.log(JSON.stringify(out));
`;

function subsets() {
  const runs = Array.from({ length: RUNS }, () => child(SUBSETS, {}));
  console.log(`hb-subset wasm instantiation (once per process): ${median(runs.map((r) => r.instantiate)).toFixed(1)} ms`);
  for (const key of Object.keys(runs[0].faces)) {
    const f = runs[0].faces[key];
    const first = median(runs.map((r) => r.faces[key].first));
    const again = median(runs.map((r) => r.faces[key].again));
    const firstSfnt = median(runs.map((r) => r.faces[key].firstSfnt));
    const againSfnt = median(runs.map((r) => r.faces[key].againSfnt));
    console.log(
      `subset ${key}: ${f.cps} code points, ${f.glyphs} glyphs: CID CFF ${f.cff} B in ${first.toFixed(1)} ms (${again.toFixed(1)} ms again); ` +
        `OpenType ${f.sfnt} B in ${firstSfnt.toFixed(1)} ms more (${againSfnt.toFixed(1)} ms again)`,
    );
  }
}

loading(root, 'this checkout');
if (against) loading(against, path.basename(against));
subsets();
const bytes = readdirSync(path.join(root, 'fonts')).reduce((n, f) => n + statSync(path.join(root, 'fonts', f)).size, 0);
console.log(`fonts/: ${bytes} bytes (${(bytes / 1e6).toFixed(2)} MB)`);
