// Shared helpers of the reliability suite: running the CLI in a project,
// listing outputs, checking that messages are words and not stack traces.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMessageCode } from '../../src/messages.js';
import { childEnv as cleanEnv, type CliResult } from '../helpers/cli.js';
import { CLI, tempDir } from '../helpers/project.js';

// The one CLI runner of the tests (tests/helpers/cli.ts).
export { childEnv, runCli, runCliSync, type CliResult } from '../helpers/cli.js';

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

/**
 * Symbolic links made at test time (git need not carry them): link path
 * (relative to `root`) → target as the link holds it (relative to the
 * link's folder, or absolute).
 */
export function makeLinks(root: string, links: Record<string, string> = {}): void {
  for (const [link, target] of Object.entries(links)) {
    const at = path.join(root, link);
    mkdirSync(path.dirname(at), { recursive: true });
    const dir = path.isAbsolute(target) ? false : statSafe(path.resolve(path.dirname(at), target))?.isDirectory();
    symlinkSync(target, at, dir ? 'dir' : 'file');
  }
}

function statSafe(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

const PEAK_PRELOAD = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'peakMemory.mjs')).href;

/** A CLI run with its peak resident memory (MiB, the whole process with its workers). */
export interface MeasuredRun extends CliResult {
  peakMB: number;
}

/** Run the CLI like runCli, preloading tests/reliability/peakMemory.mjs to learn its peak memory. */
export function runCliMeasured(cwd: string, args: string[], env: NodeJS.ProcessEnv = cleanEnv(), timeoutMs = 120_000): Promise<MeasuredRun> {
  const peakFile = path.join(realTempDir('bulletin-peak-'), 'peak');
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const child = spawn(process.execPath, ['--import', PEAK_PRELOAD, CLI, ...args], {
      cwd,
      env: { ...env, BULLETIN_TEST_PEAK_FILE: peakFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      const kib = existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) : NaN;
      resolve({ status, signal, stdout, stderr, ms: Date.now() - start, peakMB: kib / 1024 });
    });
  });
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
      // Links (made by a case) are not outputs, and may lead anywhere.
      const st = lstatSync(p);
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** An output's name: a PDF or DOCX. */
export const OUTPUT_FILE = /\.(pdf|docx)$/i;

/**
 * The name of an output's temporary file while it is written
 * (src/atomicWrite.ts): `.<output name>.<pid>.<random hex>.tmp`.
 */
export const TMP_FILE = /^\..+\.\d+\.[0-9a-f]+\.tmp$/;

/** The outputs (PDF, DOCX) in folder `dir`, by name; [] when there is no such folder. */
export function finalOutputs(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => OUTPUT_FILE.test(n)).sort() : [];
}

/** The temporary files of outputs in folder `dir`, by name; [] when there is no such folder. */
export function temporaries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => TMP_FILE.test(n)).sort() : [];
}

/** Outputs (PDF, DOCX) and leftover temporaries anywhere under `dir` (relative paths). */
export function outputsUnder(dir: string): string[] {
  return listFiles(dir).filter((f) => {
    const name = path.posix.basename(f);
    return OUTPUT_FILE.test(name) || TMP_FILE.test(name);
  });
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
