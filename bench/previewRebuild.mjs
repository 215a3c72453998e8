// The preview's rebuild, as an editor meets it: the time from an article's
// save (the write returning) to the `pages` event that brings the new pages,
// over SAVES saves of a copy of the sample issue, in a running
// `bulletin preview` (a child process, as a user starts it). Prints the median
// and the worst, and the rebuild time the preview itself reports.
// Run with `node bench/previewRebuild.mjs` after `npm run build`;
// PROFILE=1 writes a CPU profile of the preview process to bench/profiles/.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAVES = Number(process.env.SAVES ?? 20);
const ARTICLE = '05-fengxian-jinshan-symposium.md';

const root = mkdtempSync(path.join(os.tmpdir(), 'bulletin-preview-bench-'));
cpSync(path.join(repo, 'bulletin.config.yaml'), path.join(root, 'bulletin.config.yaml'));
cpSync(path.join(repo, 'issues'), path.join(root, 'issues'), { recursive: true });

const profileArgs = process.env.PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(repo, 'bench/profiles')}`] : [];
const child = spawn(process.execPath, [...profileArgs, path.join(repo, 'bin/bulletin.js'), 'preview', '2024-08'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
child.stdout.on('data', (d) => (output += d));
child.stderr.on('data', (d) => (output += d));

const url = await new Promise((resolve, reject) => {
  const timer = setInterval(() => {
    const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
    if (m) {
      clearInterval(timer);
      resolve(m[0]);
    }
  }, 20);
  child.on('exit', () => reject(new Error(`preview ended:\n${output}`)));
});

/** Each `pages` event as it arrives, with the time it came. */
const waiting = [];
const events = [];
http.get(`${url}events`, (res) => {
  let buffer = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (!block.startsWith('event: pages\n')) continue;
      const at = performance.now();
      const state = JSON.parse(block.slice(block.indexOf('data: ') + 6));
      events.push({ at, state });
      for (const w of waiting.splice(0)) w();
    }
  });
});
const nextEvent = (after) =>
  new Promise((resolve) => {
    const look = () => {
      const e = events.find((ev) => ev.state.version > after);
      if (e) resolve(e);
      else waiting.push(look);
    };
    look();
  });

const first = await nextEvent(0);
const file = path.join(root, 'issues/2024-08', ARTICLE);
const original = readFileSync(file, 'utf8');
const times = [];
const reported = [];
let version = first.state.version;
for (let i = 1; i <= SAVES; i++) {
  await new Promise((r) => setTimeout(r, 300));
  writeFileSync(file, `${original}\n第 ${i} 次保存时加上的一段，让后面的页面都往后移。\n`);
  const saved = performance.now();
  const e = await nextEvent(version);
  version = e.state.version;
  times.push(e.at - saved);
  reported.push(e.state.ms);
}
child.kill('SIGINT');
await new Promise((r) => child.once('exit', r));
rmSync(root, { recursive: true, force: true });

const sorted = [...times].sort((a, b) => a - b);
const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`preview rebuild, save → pages event, ${SAVES} saves of ${ARTICLE} (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}):`);
console.log(`  median ${median(times).toFixed(1)} ms, worst ${sorted.at(-1).toFixed(1)} ms, best ${sorted[0].toFixed(1)} ms`);
console.log(`  of which the rebuild itself (as the preview reports it): median ${median(reported).toFixed(1)} ms, worst ${Math.max(...reported).toFixed(1)} ms`);
console.log(`  all (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`);
