// Running one command as a whole process: its wall time, or its peak
// resident set size from its own rusage (GNU time's %M, Debian's `time`
// package). The two come from separate runs: `time` is one more process to
// start (5–10 ms here), which must not sit inside a figure like `--version`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const TIME = '/usr/bin/time';

/** Whether peak RSS can be measured here (GNU time on Linux). */
export const canMeasureRss = process.platform === 'linux' && existsSync(TIME);

/**
 * The environment of every child: the bench's own, less NODE_EXTRA_CA_CERTS,
 * which makes each node start about 35 ms slower loading CA certificates
 * (bulletin makes no network connections).
 */
export function childEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/**
 * Run `command args` in `cwd` to its end. With `rss`, run it under GNU time
 * and return its peak RSS in KiB; otherwise return its wall time in ms, from
 * the spawn to its exit. A failing command throws with its output.
 */
export async function runChild(command, args, { cwd, env = childEnv(), rss = false } = {}) {
  const tmp = rss ? mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-rss-')) : undefined;
  const report = tmp ? path.join(tmp, 'rusage') : undefined;
  const [file, argv] = report ? [TIME, ['-f', '%M', '-o', report, command, ...args]] : [command, args];
  try {
    const { ms, code, signal, stdout, stderr } = await spawnTimed(file, argv, { cwd, env });
    if (code !== 0) {
      throw new Error(`${[command, ...args].join(' ')} (in ${cwd}) exited with ${code ?? signal}\n${stdout}${stderr}`);
    }
    return report ? { rssKB: lastNumber(readFileSync(report, 'utf8')), stdout, stderr } : { ms, stdout, stderr };
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

function spawnTimed(file, argv, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const out = [];
    const err = [];
    const t0 = performance.now();
    const child = spawn(file, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let ms = 0;
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', reject);
    child.on('exit', () => {
      ms = performance.now() - t0;
    });
    child.on('close', (code, signal) =>
      resolve({ ms, code, signal, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }),
    );
  });
}

/** GNU time writes "Command exited with non-zero status N" before the figure. */
export function lastNumber(textOut) {
  const lines = textOut.trim().split('\n');
  const n = Number(lines[lines.length - 1]);
  if (!Number.isFinite(n)) throw new Error(`no figure in GNU time's report: ${textOut}`);
  return n;
}

export function median(xs) {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
