// The watcher outlives losing the issue folder (issue 11, point 7): the
// folder moved away and back, or made unreadable (chmod 000) and readable
// again, is said once while it is gone, watched again once it is back, and
// every later save rebuilds — in `bulletin preview` and `build --watch`
// alike. Each fault is made twice: slowly (the process sees the folder gone
// and says so) and at once (away and back before anything could look).
//
// chmod 000 does not stop root from reading. When the tests run as root the
// CLI is run as the unprivileged user nobody (uid 65534), in a project that
// user owns, so the fault is real; when even that is impossible (nobody
// cannot run the CLI) the chmod tests are skipped and say why.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv, start, type Started } from '../helpers/cli.js';
import { pdfText, squeeze } from '../helpers/pdf.js';
import { CLI, MINIMAL, tempDir, writeProject } from '../helpers/project.js';

/** How long a save (or the folder's return) may take to be rebuilt on a busy machine. */
const REBUILD_MS = 30_000;
/** How long to watch that the folder's absence is said once only (several of the watcher's polls). */
const QUIET_MS = 2_000;

interface RunAs {
  /** Undefined: this process's own user. */
  user: { uid: number; gid: number } | undefined;
  /** Why chmod 000 cannot be made a fault here; undefined when it can. */
  noChmod: string | undefined;
}

function runAs(): RunAs {
  if (process.platform === 'win32') return { user: undefined, noChmod: 'Windows has no chmod 000' };
  if (process.getuid?.() !== 0) return { user: undefined, noChmod: undefined };
  const nobody = { uid: 65534, gid: 65534 };
  const r = spawnSync(process.execPath, [CLI, '--version'], { ...nobody, encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 ? { user: nobody, noChmod: undefined } : { user: undefined, noChmod: `running as root, and the user nobody cannot run the CLI (${r.stderr || r.error?.message})` };
}

const RUN_AS = runAs();

interface Project {
  root: string;
  dir: string;
  article: string;
  /** A folder outside the project on the same file system, to move the issue folder to. */
  away: string;
}

function project(): Project {
  const root = writeProject(MINIMAL);
  const away = path.join(tempDir('bulletin-away-'), '2024-09');
  if (RUN_AS.user) {
    const own = (p: string): void => {
      chownSync(p, RUN_AS.user!.uid, RUN_AS.user!.gid);
      if (statSync(p).isDirectory()) for (const e of readdirSync(p)) own(path.join(p, e));
    };
    own(root);
  }
  return { root, dir: path.join(root, 'issues/2024-09'), article: path.join(root, 'issues/2024-09/01-a.md'), away };
}

function launch(p: Project, args: string[]): Started {
  // HOME: the unprivileged user cannot read root's.
  return start(p.root, args, childEnv({ HOME: p.root }), RUN_AS.user);
}

const count = (s: string, re: RegExp): number => s.match(new RegExp(re.source, 'g'))?.length ?? 0;

/** The text of the preview's first page. */
async function pageText(url: string): Promise<string> {
  return (await (await fetch(`${url}pages/1.svg`)).text()).replace(/<[^>]+>/g, '');
}

function article(body: string): string {
  return `---\ntitle: 测试文章\n---\n\n${body}\n`;
}

/**
 * Make the fault slowly: `away` and wait until `gone` is printed; check it
 * is printed once and nothing else is (no failed rebuilds); `back`, and wait
 * for `resumed` and a rebuild.
 */
async function slowFault(run: Started, away: () => void, back: () => void, marks: { gone: RegExp; resumed: RegExp; rebuilt: RegExp; not: RegExp }): Promise<void> {
  const from = run.output().length;
  away();
  await run.waitFor(marks.gone, REBUILD_MS, from);
  await new Promise((r) => setTimeout(r, QUIET_MS));
  const said = run.output().slice(from);
  expect(count(said, marks.gone), `said once while the folder is gone:\n${said}`).toBe(1);
  expect(said, 'no rebuild is tried while the folder is gone').not.toMatch(marks.not);
  expect(run.child.exitCode, 'still running').toBeNull();
  const before = run.output().length;
  back();
  await run.waitFor(new RegExp(`${marks.resumed.source}[\\s\\S]*${marks.rebuilt.source}`), REBUILD_MS, before);
}

/** Make the fault at once (away and back with nothing between), and wait for the rebuild that follows. */
async function quickFault(run: Started, away: () => void, back: () => void, rebuilt: RegExp): Promise<void> {
  const from = run.output().length;
  away();
  back();
  await run.waitFor(rebuilt, REBUILD_MS, from);
}

/** Save the article with `body`; wait for the rebuild. */
async function save(run: Started, p: Project, body: string, rebuilt: RegExp): Promise<void> {
  const from = run.output().length;
  writeFileSync(p.article, article(body));
  await run.waitFor(rebuilt, REBUILD_MS, from);
}

const moveAway = (p: Project) => () => renameSync(p.dir, p.away);
const moveBack = (p: Project) => () => renameSync(p.away, p.dir);
const lock = (p: Project) => () => chmodSync(p.dir, 0o000);
const unlock = (p: Project) => () => chmodSync(p.dir, 0o755);

describe('bulletin preview, when the issue folder goes and comes back', () => {
  const REBUILT = /2024-09: 已重新生成（\d+ 毫秒，1 页）/;
  const NOT = /找不到期次|缺少 issue\.yaml|已重新生成|预览中仍显示上一次正确的页面/;

  async function previewOf(p: Project): Promise<{ run: Started; url: string }> {
    const run = launch(p, ['preview', '2024-09']);
    await run.waitFor(/预览：在浏览器中打开 (http:\/\/127\.0\.0\.1:\d+\/)/);
    return { run, url: /http:\/\/127\.0\.0\.1:\d+\//.exec(run.output())![0] };
  }

  it('moved away and back: said once, watched again, and every later save rebuilds', async () => {
    const p = project();
    const { run, url } = await previewOf(p);
    try {
      await slowFault(run, moveAway(p), moveBack(p), { gone: /issues\/2024-09: 错误: 期次目录不见了/, resumed: /issues\/2024-09：期次目录已恢复/, rebuilt: REBUILT, not: NOT });
      await save(run, p, '移回之后改过的正文。', REBUILT);
      expect(await pageText(url)).toContain('移回之后改过的正文。');
      await quickFault(run, moveAway(p), moveBack(p), REBUILT);
      await save(run, p, '再次移回之后改过的正文。', REBUILT);
      expect(await pageText(url)).toContain('再次移回之后改过的正文。');
      await save(run, p, '又一次保存。', REBUILT);
      expect(await pageText(url)).toContain('又一次保存。');
      expect(run.output()).not.toContain('监视文件时出错');
    } finally {
      run.child.kill('SIGINT');
    }
  }, 180_000);

  it.skipIf(RUN_AS.noChmod !== undefined)(`chmod 000 then 755: said once, watched again, and every later save rebuilds${RUN_AS.noChmod ? ` (skipped: ${RUN_AS.noChmod})` : ''}`, async () => {
    const p = project();
    const { run, url } = await previewOf(p);
    try {
      await slowFault(run, lock(p), unlock(p), { gone: /issues\/2024-09: 错误: 无法读取期次目录/, resumed: /issues\/2024-09：期次目录已恢复/, rebuilt: REBUILT, not: NOT });
      await save(run, p, '恢复权限之后改过的正文。', REBUILT);
      expect(await pageText(url)).toContain('恢复权限之后改过的正文。');
      await quickFault(run, lock(p), unlock(p), REBUILT);
      await save(run, p, '再次恢复权限之后改过的正文。', REBUILT);
      expect(await pageText(url)).toContain('再次恢复权限之后改过的正文。');
    } finally {
      chmodSync(p.dir, 0o755);
      run.child.kill('SIGINT');
    }
  }, 180_000);
});

describe('bulletin build --watch (in English), when the issue folder goes and comes back', () => {
  const REBUILT = /2024-09: rebuilt \(\d+ ms\)/;
  const NOT = /no issue "2024-09"|has no issue\.yaml|rebuilt \(|last good PDF/;

  async function watchOf(p: Project): Promise<Started> {
    const run = launch(p, ['build', '2024-09', '--watch', '--format', 'pdf', '--lang', 'en']);
    await run.waitFor(/watching for changes/);
    return run;
  }
  const pdf = (p: Project): string => squeeze(pdfText(path.join(p.root, 'out/2024-09.pdf')));

  it('moved away and back: said once, watched again, and every later save rebuilds', async () => {
    const p = project();
    const run = await watchOf(p);
    try {
      await slowFault(run, moveAway(p), moveBack(p), { gone: /issues\/2024-09: error: the issue folder is gone/, resumed: /issues\/2024-09: the issue folder is back/, rebuilt: REBUILT, not: NOT });
      await save(run, p, '移回之后改过的正文。', REBUILT);
      expect(pdf(p)).toContain('移回之后改过的正文。');
      await quickFault(run, moveAway(p), moveBack(p), REBUILT);
      await save(run, p, '再次移回之后改过的正文。', REBUILT);
      expect(pdf(p)).toContain('再次移回之后改过的正文。');
    } finally {
      run.child.kill('SIGINT');
    }
  }, 180_000);

  it.skipIf(RUN_AS.noChmod !== undefined)(`chmod 000 then 755: said once, watched again, and every later save rebuilds${RUN_AS.noChmod ? ` (skipped: ${RUN_AS.noChmod})` : ''}`, async () => {
    const p = project();
    const run = await watchOf(p);
    try {
      await slowFault(run, lock(p), unlock(p), { gone: /issues\/2024-09: error: the issue folder cannot be read/, resumed: /issues\/2024-09: the issue folder is back/, rebuilt: REBUILT, not: NOT });
      await save(run, p, '恢复权限之后改过的正文。', REBUILT);
      expect(pdf(p)).toContain('恢复权限之后改过的正文。');
    } finally {
      chmodSync(p.dir, 0o755);
      run.child.kill('SIGINT');
    }
  }, 180_000);
});
