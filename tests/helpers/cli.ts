// Running the real command line (bin/bulletin.js) in a project folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { CLI } from './project.js';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run bulletin with `args` in `cwd`; LANG is unset unless given. */
export function bulletin(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const base = { ...process.env };
  delete base.LANG;
  delete base.LC_ALL;
  delete base.NO_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...base, ...env }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Start bulletin in the background, collecting its output. */
export function start(cwd: string, args: string[]): { child: ChildProcess; output: () => string; waitFor: (re: RegExp, ms?: number) => Promise<void> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const waitFor = (re: RegExp, ms = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const t0 = Date.now();
      const tick = () => {
        if (re.test(out)) resolve();
        else if (Date.now() - t0 > ms) reject(new Error(`timed out waiting for ${re}; output:\n${out}`));
        else setTimeout(tick, 50);
      };
      tick();
    });
  return { child, output: () => out, waitFor };
}
