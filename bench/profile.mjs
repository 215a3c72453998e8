// `npm run bench:profile`: where a cold command's time goes. Runs
// `node --cpu-prof bin/bulletin.js <command>` BENCH_RUNS times (5) on fresh
// copies of the sample project, gives every sample of each profile to the
// innermost phase it falls in (a function of the list below on its stack,
// nearest the leaf first), and prints each phase's median share in ms, for
// `build 2024-08` (PDF + DOCX) and `check 2024-08`. The profiler samples
// from the moment the bin starts; Node's own start before that is measured
// apart, as `node -e 0`. Profiling slows everything a little (the sampling
// interval is 0.5 ms). See README, "性能 / Performance".
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childEnv, median, runChild } from './child.mjs';
import { SAMPLE, makeProject, repoRoot } from './projects.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const cli = path.join(repoRoot, 'bin', 'bulletin.js');

/** Phases, each named by the functions that start it. A sample goes to the phase of the innermost such function on its stack. */
const PHASES = [
  ['garbage collection', /^\(garbage collector\)$/],
  ['loading the bundle (code cache, chunks’ top level)', /^loadChunk$/],
  ['Node’s own modules, start-up and exit', /^(compileForInternalLoader|\(program\)|requireBuiltin|loadBuiltinModule)$/],
  ['reading the project and issue (YAML, Markdown)', /^(readIssue|loadProject)$/],
  ['loading the template (YAML, schema)', /^loadTemplate$/],
  ['checking the text (lint)', /^lintIssue$/],
  ['typesetting', /^typesetIssue$/],
  ['font subsets', /^(layoutSubsets|subsetFace)$/],
  ['PDF writer', /^renderPdf$/],
  ['DOCX writer', /^renderDocx$/],
  ['writing the files (atomic, fsync)', /^(writeFilesAtomic|writeFileAtomic)$/],
  ['waiting (idle)', /^\(idle\)$/],
];

function phasesOf(file) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseOfNode = new Map();
  const phaseOf = (id) => {
    if (phaseOfNode.has(id)) return phaseOfNode.get(id);
    const n = byId.get(id);
    const own = PHASES.findIndex(([, re]) => re.test(n.callFrame.functionName));
    const up = parent.get(id);
    const phase = own >= 0 ? own : up === undefined ? -1 : phaseOf(up);
    phaseOfNode.set(id, phase);
    return phase;
  };
  const ms = new Array(PHASES.length + 1).fill(0);
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const d = (p.timeDeltas[i] ?? 0) / 1000;
    total += d;
    const phase = phaseOf(p.samples[i]);
    ms[phase < 0 ? PHASES.length : phase] += d;
  }
  return { total, ms };
}

async function profile(args) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const project = makeProject();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bulletin-profile-'));
    try {
      await runChild(process.execPath, ['--cpu-prof', '--cpu-prof-interval', '500', '--cpu-prof-dir', dir, cli, ...args(project)], { cwd: project.root, env: childEnv() });
      const [file] = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
      runs.push(phasesOf(path.join(dir, file)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
      project.dispose();
    }
  }
  return { total: median(runs.map((r) => r.total)), ms: PHASES.map((_, k) => median(runs.map((r) => r.ms[k]))), other: median(runs.map((r) => r.ms[PHASES.length])) };
}

const nodeAlone = [];
for (let i = 0; i < RUNS; i++) {
  const project = makeProject();
  try {
    nodeAlone.push((await runChild(process.execPath, ['-e', '0'], { cwd: project.root, env: childEnv() })).ms);
  } finally {
    project.dispose();
  }
}
const build = await profile((p) => ['build', SAMPLE, '--out', p.out]);
const check = await profile(() => ['check', SAMPLE]);
const f = (v) => `${Math.round(v)} ms`;
console.log(`Where the time goes: medians of ${RUNS} profiled runs (node --cpu-prof, 0.5 ms), ${new Date().toISOString().slice(0, 10)}, load ${os.loadavg()[0].toFixed(1)}.`);
console.log(`Node starting and exiting with nothing to do (\`node -e 0\`, unprofiled): ${f(median(nodeAlone))}.`);
console.log('');
console.log('| phase | `build 2024-08` | `check 2024-08` |');
console.log('| --- | --- | --- |');
PHASES.forEach(([name], k) => console.log(`| ${name} | ${f(build.ms[k])} | ${f(check.ms[k])} |`));
console.log(`| everything else (commands, diagnostics, the DOCX's and PDF's shared steps) | ${f(build.other)} | ${f(check.other)} |`);
console.log(`| sampled in all | ${f(build.total)} | ${f(check.total)} |`);
