// Running the real command line (bin/bulletin.js) in a project folder: the
// one runner of the tests, waiting (runCli), blocking (runCliSync) or in the
// background (start), always in an environment that does not depend on the
// shell the tests were started from (childEnv).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { CLI } from './project.js';

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** @deprecated The same as CliResult. */
export type Run = CliResult;

/**
 * Settings of the developer's shell that change what the CLI prints or
 * writes (message language: src/cli/report.ts reads LC_ALL before LANG;
 * colour; document dates). A child never inherits them; a test that wants
 * one sets it.
 */
export const CLEARED_ENV = ['LANG', 'LC_ALL', 'LC_MESSAGES', 'LANGUAGE', 'NO_COLOR', 'FORCE_COLOR', 'SOURCE_DATE_EPOCH'] as const;

/** The environment for a child: this process's, without CLEARED_ENV; then `set` added and `unset` removed. */
export function childEnv(set: Record<string, string> = {}, unset: string[] = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of CLEARED_ENV) delete env[k];
  Object.assign(env, set);
  for (const k of unset) delete env[k];
  return env;
}

/** Run `node bin/bulletin.js ...args` in `cwd` and wait for it; SIGKILL after `timeoutMs` (a hang guard). */
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

/** runCli, blocking. */
export function runCliSync(cwd: string, args: string[], env: NodeJS.ProcessEnv = childEnv(), timeoutMs = 120_000): CliResult {
  const start = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 << 20 });
  if (r.error && !r.signal) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - start };
}

/** runCliSync with `set` added to childEnv() (LANG unset unless given). */
export function bulletin(cwd: string, args: string[], set: Record<string, string> = {}): CliResult {
  return runCliSync(cwd, args, childEnv(set));
}

export interface Started {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr as they came. */
  output: () => string;
  /**
   * Resolves when the output from character `from` on matches `re`; rejects
   * after `ms`, or when the process has ended without printing it.
   */
  waitFor: (re: RegExp, ms?: number, from?: number) => Promise<void>;
}

/** Start bulletin in the background, collecting its output; `as`: another user to run it as (a test running as root). */
export function start(cwd: string, args: string[], env: NodeJS.ProcessEnv = childEnv(), as: { uid: number; gid: number } | undefined = undefined): Started {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...as });
  let out = '';
  let closed = false;
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.on('close', () => (closed = true));
  const waitFor = (re: RegExp, ms = 60_000, from = 0) =>
    new Promise<void>((resolve, reject) => {
      const t0 = Date.now();
      const fail = (why: string) =>
        reject(new Error(`${why} waiting for ${re} in the output after character ${from}:\n${out.slice(from)}\n--- output before it:\n${out.slice(0, from)}`));
      const tick = () => {
        if (re.test(out.slice(from))) resolve();
        else if (closed) fail(`the process ended (exit ${child.exitCode}, signal ${child.signalCode})`);
        else if (Date.now() - t0 > ms) fail(`timed out after ${ms} ms`);
        else setTimeout(tick, 50);
      };
      tick();
    });
  return { child, output: () => out, waitFor };
}
