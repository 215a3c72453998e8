// Shared helpers of the reliability suite: running the CLI in a project,
// listing outputs, checking that messages are words and not stack traces.
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMessageCode } from '../../src/messages.js';
import { CLI, tempDir } from '../helpers/project.js';

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The environment for a child: no colours; `unset` keys removed, `set` added. */
export function childEnv(set: Record<string, string> = {}, unset: string[] = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...set };
  for (const k of unset) delete env[k];
  return env;
}

/** Run `node bin/bulletin.js ...args` in `cwd` and wait for it. */
export function runCli(cwd: string, args: string[], env: NodeJS.ProcessEnv = childEnv(), timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, ms: Date.now() - start });
    });
  });
}

/** A fresh temporary folder, with symlinks resolved so paths compare. */
export function realTempDir(prefix: string): string {
  return realpathSync(tempDir(prefix));
}

/** Copy folder `src` into a new temporary folder, leaving out top-level files in `skip`. */
export function copyToTemp(src: string, skip: string[] = [], prefix = 'bulletin-rel-'): string {
  const root = realTempDir(prefix);
  const skipped = new Set(skip.map((s) => path.join(src, s)));
  cpSync(src, root, { recursive: true, filter: (s) => !skipped.has(s) });
  return root;
}

/** Every file under `dir` (relative paths, forward slashes). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      const p = path.join(d, n);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Output files (PDF, DOCX) and leftover temporaries anywhere under `dir`. */
export function outputsUnder(dir: string): string[] {
  return listFiles(dir).filter((f) => /\.(pdf|docx)$/i.test(f) || /(^|\/)\.[^/]+\.\d+\.[0-9a-f]+\.tmp$/.test(f));
}

/**
 * Why a stderr text is not a plain message for people, or [] when it is: no
 * stack frames, no "undefined"/"NaN"/"[object Object]", no internal error,
 * no raw message code in place of words.
 */
export function messageProblems(stderr: string): string[] {
  const found: string[] = [];
  for (const line of stderr.split('\n')) {
    if (/^\s+at\s.+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/.test(line)) found.push(`stack frame: ${line}`);
    if (/\bundefined\b|\bNaN\b|\[object Object\]/.test(line)) found.push(`placeholder text: ${line}`);
    if (/internal error|内部错误|RangeError|TypeError|ReferenceError/.test(line)) found.push(`internal error: ${line}`);
    for (const m of line.matchAll(/\b[a-z]+\.[a-z][A-Za-z0-9]*\b/g)) {
      if (isMessageCode(m[0])) found.push(`raw message code "${m[0]}": ${line}`);
    }
  }
  return found;
}

/** The message part of each diagnostic line `file:line:col: severity: message`. */
export function diagnosticMessages(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((l) => /(?:^|: )(?:error|warning|错误|警告): (.*)$/.exec(l)?.[1])
    .filter((m): m is string => m !== undefined);
}
