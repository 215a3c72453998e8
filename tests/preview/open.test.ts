// `bulletin preview --open` starts the platform's opener with the preview's
// address as its one argument (src/preview/openBrowser.ts). On Linux that is
// xdg-open: a stand-in on PATH records what it was given. Without a working
// opener, the preview says so and goes on serving.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openerFor } from '../../src/preview/openBrowser.js';
import { childEnv, start } from '../helpers/cli.js';
import { MINIMAL, writeProject } from '../helpers/project.js';

const URL_RE = /http:\/\/127\.0\.0\.1:\d+\//;

async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('preview --open', () => {
  it.runIf(process.platform === 'linux')('runs xdg-open with the preview address, and the address only', async () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'opener-'));
    const record = path.join(bin, 'args.json');
    writeFileSync(path.join(bin, 'xdg-open'), `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)));\n`);
    chmodSync(path.join(bin, 'xdg-open'), 0o755);
    const root = writeProject(MINIMAL);
    const p = start(root, ['preview', '2024-09', '--open'], childEnv({ PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` }));
    try {
      await p.waitFor(URL_RE);
      const url = URL_RE.exec(p.output())![0];
      await until(() => existsSync(record));
      expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual([url]);
      // The address it was given serves the preview.
      expect((await fetch(url)).status).toBe(200);
    } finally {
      p.child.kill('SIGINT');
    }
  }, 120_000);

  it.runIf(process.platform === 'linux')('says so when no opener can start, and keeps serving', async () => {
    const root = writeProject(MINIMAL);
    const empty = mkdtempSync(path.join(os.tmpdir(), 'no-opener-'));
    const p = start(root, ['preview', '2024-09', '--open'], childEnv({ PATH: empty }));
    try {
      await p.waitFor(/无法打开浏览器.*请手动打开 http:\/\/127\.0\.0\.1:\d+\//);
      const url = URL_RE.exec(p.output())![0];
      expect((await fetch(url)).status).toBe(200);
      expect(p.child.exitCode).toBeNull();
    } finally {
      p.child.kill('SIGINT');
    }
  }, 120_000);

  it('names each platform’s opener, never a shell command line', () => {
    expect(openerFor('linux', 'http://127.0.0.1:1/')).toEqual({ command: 'xdg-open', args: ['http://127.0.0.1:1/'] });
    expect(openerFor('darwin', 'http://127.0.0.1:1/')).toEqual({ command: 'open', args: ['http://127.0.0.1:1/'] });
    expect(openerFor('win32', 'http://127.0.0.1:1/')).toEqual({ command: 'cmd.exe', args: ['/d', '/c', 'start', '""', 'http://127.0.0.1:1/'] });
  });
});
