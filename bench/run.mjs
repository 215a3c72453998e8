// `npm run bench`: bulletin measured as a user meets it — every figure a whole
// process (a new `node bin/bulletin.js …` each time) on a fresh temporary copy
// of the sample project, medians of BENCH_RUNS runs (5), ours and the peer
// (Typst 0.10 compiling bench/peers/sample.typ) alternating run by run:
//   1. cold `build 2024-08` (PDF + DOCX), `--format pdf`, `--format docx`,
//      `check 2024-08`, `--version`;
//   2. a rebuild inside a running `preview`, from an article's save to the
//      new output (bench/preview.mjs);
//   3. `build --all` over 24 copies of the sample issue;
//   4. an issue holding the sample's articles 20 times over;
//   5. Typst on the same issue, PDF only.
// Peak RSS comes from separate runs under GNU time (BENCH_RSS_RUNS, 3).
// Then the targets of the performance issue, met or not; the results also
// go to bench/results/latest.json. See README, "性能 / Performance".
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canMeasureRss, childEnv, median, runChild } from './child.mjs';
import { textCharacters } from './pdfText.mjs';
import { measurePreview } from './preview.mjs';
import { SAMPLE, copiesOfSample, makeProject, repoRoot, sampleArticles } from './projects.mjs';
import { figuresTable, targets, targetsTable } from './report.mjs';
import { bundledFontsOnly, findTypst, typstArgs } from './typst.mjs';

const count = (name, fallback) => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1, not ${process.env[name]}`);
  return n;
};
const RUNS = count('BENCH_RUNS', 5);
const RSS_RUNS = count('BENCH_RSS_RUNS', 3);
const SAVES = count('BENCH_SAVES', 8);
const X20 = 20;

const node = process.execPath;
const cli = path.join(repoRoot, 'bin', 'bulletin.js');
const typst = findTypst();
const fontsOnly = typst.binary ? bundledFontsOnly() : undefined;

/** Each case: the project it runs in, its command and arguments, the outputs to weigh. */
const ours = (key, args, issues, outputs = {}) => ({ key, issues, command: node, args: (p) => [cli, ...args(p)], outputs });
const cases = [
  ours('build', (p) => ['build', SAMPLE, '--out', p.out], undefined, { pdf: `${SAMPLE}.pdf`, docx: `${SAMPLE}.docx` }),
  ...(typst.binary ? [{ key: 'typst', command: typst.binary, args: typstArgs, env: childEnv(fontsOnly.env), outputs: { pdf: 'sample.pdf' } }] : []),
  ours('pdf', (p) => ['build', SAMPLE, '--format', 'pdf', '--out', p.out]),
  ours('docx', (p) => ['build', SAMPLE, '--format', 'docx', '--out', p.out]),
  ...(typst.binary ? [{ key: 'typstSystemFonts', command: typst.binary, args: typstArgs }] : []),
  ours('check', () => ['check', SAMPLE]),
  ours('version', () => ['--version']),
  // Node's own start-up and exit, the floor under every figure of ours.
  { key: 'nodeAlone', command: node, args: () => ['-e', '0'] },
  ours('all24', (p) => ['build', '--all', '--out', p.out], copiesOfSample(24)),
  ours('x20', (p) => ['build', SAMPLE, '--out', p.out], { [SAMPLE]: X20 }),
];

const results = Object.fromEntries(cases.map((c) => [c.key, { times: [], rss: [] }]));
const pdfs = {};

/** One run of a case on a fresh project copy; the first timed run also weighs its outputs. */
async function runCase(c, rss) {
  const project = makeProject(c.issues);
  try {
    const r = await runChild(c.command, c.args(project), { cwd: project.root, env: c.env ?? childEnv(), rss });
    const into = results[c.key];
    if (rss) into.rss.push(r.rssKB);
    else into.times.push(r.ms);
    if (!rss && into.bytes === undefined && Object.keys(c.outputs ?? {}).length > 0) {
      into.bytes = Object.fromEntries(Object.entries(c.outputs).map(([kind, file]) => [kind, statSync(path.join(project.out, file)).size]));
      if (c.outputs.pdf && (c.key === 'build' || c.key === 'typst')) pdfs[c.key] = textCharacters(path.join(project.out, c.outputs.pdf));
    }
  } finally {
    project.dispose();
  }
}

const progress = (line) => process.stderr.write(`${line}\n`);
const started = Date.now();
const loadAtStart = os.loadavg()[0];
try {
  for (let i = 1; i <= RUNS; i++) {
    progress(`timing run ${i}/${RUNS} …`);
    for (const c of cases) await runCase(c, false);
  }
  if (canMeasureRss) {
    for (let i = 1; i <= RSS_RUNS; i++) {
      progress(`peak RSS run ${i}/${RSS_RUNS} …`);
      for (const c of cases) await runCase(c, true);
    }
  }
  progress(`preview: ${SAVES} saves …`);
  const preview = await measurePreview(node, cli, SAVES);

  const figures = Object.fromEntries(
    Object.entries(results).map(([key, r]) => [key, { ms: median(r.times), times: r.times, rssKB: median(r.rss), rssRunsKB: r.rss, bytes: r.bytes }]),
  );
  const report = {
    date: new Date().toISOString(),
    machine: { cores: os.availableParallelism?.() ?? os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}` },
    // Other work on the machine slows every figure: the 1-minute load average before and after.
    loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
    runs: RUNS,
    rssRuns: canMeasureRss ? RSS_RUNS : 0,
    environment: 'children run with the bench environment less NODE_EXTRA_CA_CERTS',
    typst: typst.binary ? { version: typst.version, fonts: 'bundled fonts only (FONTCONFIG_FILE naming an empty folder)' } : { skipped: typst.skipped },
    x20Articles: X20 * sampleArticles.length,
    figures,
    preview,
    text: { ours: pdfs.build, typst: pdfs.typst },
  };
  report.targets = targets(report);
  report.benchSeconds = Math.round((Date.now() - started) / 1000);

  const dir = path.join(repoRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);

  const m = report.machine;
  console.log(`bulletin bench, ${report.date.slice(0, 10)}: ${m.cores} cores, ${m.cpu}, node ${m.node}, ${m.platform}`);
  console.log(`Medians of ${RUNS} runs (BENCH_RUNS), ours and Typst alternating; peak RSS: ${canMeasureRss ? `medians of ${RSS_RUNS} separate runs under GNU time (BENCH_RSS_RUNS)` : 'not measured (needs GNU time, /usr/bin/time)'}.`);
  console.log('Every figure is a new process on a fresh copy of the project, run without NODE_EXTRA_CA_CERTS (it costs node about 35 ms at start-up).');
  if (process.platform !== 'win32') console.log(`Load average (1 min) at the start and the end: ${report.loadAverage.start.toFixed(1)}, ${report.loadAverage.end.toFixed(1)}.`);
  console.log(typst.binary ? `Peer: ${typst.version}, given the bundled fonts only (Typst 0.10 has no --ignore-system-fonts); its default, reading the system fonts too, is shown apart.` : `Typst: skipped (${typst.skipped}).`);
  console.log('');
  console.log(figuresTable(report));
  console.log('');
  console.log(targetsTable(report));
  console.log('');
  console.log(`The bench took ${report.benchSeconds} s; results in ${path.relative(process.cwd(), path.join(dir, 'latest.json'))}.`);
} finally {
  fontsOnly?.dispose();
}
