// Faults around the output folder: temporaries left by killed builds are
// removed at the start of any build, and a build interrupted by SIGINT or
// SIGTERM removes its own; an output folder that cannot be made (/proc/x,
// where a recursive mkdir loops for ever) fails with a message.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, MINIMAL, writeProject } from '../helpers/project.js';
import { childEnv, finalOutputs, listFiles, messageProblems, runCli, TMP_FILE, temporaries } from './helpers.js';

/** A pid no process has: that of a child that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('close', resolve));
  return child.pid!;
}

const PARA = '为贯彻落实《“十四五”上海市邮政业发展规划》，推动快递业与制造业深度融合发展。';

describe('temporaries of the output folder', () => {
  it('those of killed builds, of any output, are removed at the start of a build', async () => {
    const root = writeProject(MINIMAL);
    const out = path.join(root, 'out');
    mkdirSync(out);
    const pid = await deadPid();
    const stale = [`.2023-01.pdf.${pid}.0badc0de.tmp`, `.2024-09.docx.${pid}.deadbeef.tmp`];
    for (const name of stale) writeFileSync(path.join(out, name), 'half a file');
    // Only the PDF is built: the DOCX's and another issue's leftovers go too.
    const r = await runCli(root, ['build', '2024-09', '--format', 'pdf']);
    expect(r.status, r.stderr).toBe(0);
    expect(temporaries(out)).toEqual([]);
  });

  it('a temporary of a build that still runs is kept', async () => {
    const root = writeProject(MINIMAL);
    const out = path.join(root, 'out');
    mkdirSync(out);
    const live = `.2023-01.pdf.${process.pid}.0badc0de.tmp`;
    writeFileSync(path.join(out, live), 'being written');
    const r = await runCli(root, ['build', '2024-09', '--format', 'pdf']);
    expect(r.status, r.stderr).toBe(0);
    expect(temporaries(out)).toEqual([live]);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s during a build removes its temporaries and exits %i', async (signal, status) => {
    let body = '';
    for (let n = 0; Buffer.byteLength(body) < 600_000; n++) body += `${PARA}第${n}段。\n\n`;
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': `---\ntitle: 长文\n---\n\n${body}` });
    const out = path.join(root, 'out');
    mkdirSync(out);
    const child = spawn(process.execPath, [CLI, 'build', '2024-09'], { cwd: root, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // A temporary as the build's own writer names it (src/atomicWrite.ts), there while it works.
    const own = `.2024-09.pdf.${child.pid}.0badc0de.tmp`;
    writeFileSync(path.join(out, own), 'being written');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill(signal);
    const [code] = (await new Promise((resolve) => child.on('close', (c, s) => resolve([c, s])))) as [number | null, string | null];
    expect(code, stderr).toBe(status);
    expect(temporaries(out)).toEqual([]);
  }, 60_000);
  it('SIGINT during `build --all` stops its threads, removes its temporaries and exits 130', async () => {
    let body = '';
    for (let n = 0; Buffer.byteLength(body) < 600_000; n++) body += `${PARA}第${n}段。\n\n`;
    const issues = ['2024-07', '2024-08', '2024-09'];
    const files: Record<string, string> = {};
    for (const id of issues) {
      files[`issues/${id}/issue.yaml`] = MINIMAL['issues/2024-09/issue.yaml'].replace('2024-09-30', `${id}-28`);
      files[`issues/${id}/01-a.md`] = `---\ntitle: 长文\n---\n\n${body}`;
    }
    const root = writeProject(files);
    const out = path.join(root, 'out');
    mkdirSync(path.join(out, '2024-08'), { recursive: true });
    const child = spawn(process.execPath, [CLI, 'build', '--all', '--format', 'pdf,docx', '--lang', 'en'], { cwd: root, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Temporaries as the threads' writer names them (the pid is the process's), in the folder and in a page folder.
    for (const own of [path.join(out, `.2024-07.pdf.${child.pid}.0badc0de.tmp`), path.join(out, '2024-08', `.2024-08-01.png.${child.pid}.deadbeef.tmp`)]) writeFileSync(own, 'being written');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('close', (c) => resolve(c)));
    expect(code, stderr).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(messageProblems(stderr)).toEqual([]);
    // Stopped before the end: not every issue's outputs are there.
    expect(finalOutputs(out).length).toBeLessThan(2 * issues.length);
    expect(listFiles(out).filter((f) => TMP_FILE.test(path.posix.basename(f)))).toEqual([]);
  }, 60_000);
});

describe('an output folder that cannot be made', () => {
  it('--out /proc/x fails with a message instead of hanging', async () => {
    const root = writeProject(MINIMAL);
    const r = await runCli(root, ['build', '2024-09', '--out', '/proc/x', '--lang', 'en'], childEnv(), 30_000);
    expect(r.signal, 'killed after 30 s: it hung').toBeNull();
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('/proc/x');
    expect(messageProblems(r.stderr)).toEqual([]);
  }, 40_000);
});
