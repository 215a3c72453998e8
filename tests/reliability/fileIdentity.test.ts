// check --fix writes an article back without changing what the file is: its
// mode stays, a symbolic link stays a link (the fix goes to its target), and
// a file with other hard links is not replaced but left alone with a message.
// The links are made here, at test time.
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonReportSchema } from '../../src/cli/jsonReport.js';
import { CLI, MINIMAL, tempDir, writeProject } from '../helpers/project.js';
import { childEnv, messageProblems, runCli } from './helpers.js';

const ARTICLE = 'issues/2024-09/01-a.md';
/** A half-width comma between Chinese characters: a safe fix (，). */
const FIXABLE = '---\ntitle: 测试文章\n---\n\n正文,第一段。\n';

const posix = process.platform !== 'win32';

describe('check --fix keeps the file an article is', () => {
  it.runIf(posix)('a 0600 article stays 0600', async () => {
    const root = writeProject({ ...MINIMAL, [ARTICLE]: FIXABLE });
    chmodSync(path.join(root, ARTICLE), 0o600);
    const r = await runCli(root, ['check', '2024-09', '--fix', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(root, ARTICLE), 'utf8')).toContain('正文，第一段。');
    expect(statSync(path.join(root, ARTICLE)).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.join(root, 'issues/2024-09')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it.runIf(posix)('a 0640 article stays 0640 and keeps its owner', async () => {
    const root = writeProject({ ...MINIMAL, [ARTICLE]: FIXABLE });
    chmodSync(path.join(root, ARTICLE), 0o640);
    const before = statSync(path.join(root, ARTICLE));
    const r = await runCli(root, ['check', '2024-09', '--fix']);
    expect(r.status, r.stderr).toBe(0);
    const after = statSync(path.join(root, ARTICLE));
    expect(readFileSync(path.join(root, ARTICLE), 'utf8')).toContain('正文，第一段。');
    expect(after.mode & 0o7777).toBe(0o640);
    expect([after.uid, after.gid]).toEqual([before.uid, before.gid]);
  });

  // Only root may give a file to another user: the test needs it to make such a file.
  it.runIf(posix && process.getuid?.() === 0)('an article of another user stays theirs', async () => {
    const root = writeProject({ ...MINIMAL, [ARTICLE]: FIXABLE });
    chownSync(path.join(root, ARTICLE), 4321, 4322);
    chmodSync(path.join(root, ARTICLE), 0o664);
    const r = await runCli(root, ['check', '2024-09', '--fix', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    const after = statSync(path.join(root, ARTICLE));
    expect(readFileSync(path.join(root, ARTICLE), 'utf8')).toContain('正文，第一段。');
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([4321, 4322, 0o664]);
  });

  it('a symbolic link stays a link; its target inside the issue folder is fixed', async () => {
    const root = writeProject({ 'issues/2024-09/issue.yaml': MINIMAL['issues/2024-09/issue.yaml'], 'issues/2024-09/text/a.md': FIXABLE });
    symlinkSync('text/a.md', path.join(root, ARTICLE));
    const r = await runCli(root, ['check', '2024-09', '--fix', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(path.join(root, ARTICLE)).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(root, 'issues/2024-09/text/a.md'), 'utf8')).toContain('正文，第一段。');
    expect(readdirSync(path.join(root, 'issues/2024-09/text'))).toEqual(['a.md']);
  });

  it('a symbolic link to a file outside the issue folder is refused, and that file is not written', async () => {
    const root = writeProject({ 'issues/2024-09/issue.yaml': MINIMAL['issues/2024-09/issue.yaml'], 'elsewhere/a.md': FIXABLE });
    symlinkSync('../../elsewhere/a.md', path.join(root, ARTICLE));
    const r = await runCli(root, ['check', '2024-09', '--fix', '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(messageProblems(r.stderr)).toEqual([]);
    expect(r.stderr).toMatch(/issues\/2024-09\/01-a\.md:1:1: error: .*outside the issue folder/);
    expect(lstatSync(path.join(root, ARTICLE)).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(root, 'elsewhere/a.md'), 'utf8')).toBe(FIXABLE);
    expect(readdirSync(path.join(root, 'elsewhere'))).toEqual(['a.md']);
  });

  it('a file with another hard link is left as it is, with a message naming it', async () => {
    const root = writeProject({ ...MINIMAL, [ARTICLE]: FIXABLE });
    mkdirSync(path.join(root, 'backup'));
    linkSync(path.join(root, ARTICLE), path.join(root, 'backup/01-a.md'));
    const r = await runCli(root, ['check', '2024-09', '--fix', '--lang', 'en']);
    expect(messageProblems(r.stderr)).toEqual([]);
    expect(r.stderr).toMatch(/issues\/2024-09\/01-a\.md:1:1: warning: .*hard link/);
    expect(readFileSync(path.join(root, ARTICLE), 'utf8')).toBe(FIXABLE);
    expect(statSync(path.join(root, ARTICLE)).nlink).toBe(2);
    expect(statSync(path.join(root, ARTICLE)).ino).toBe(statSync(path.join(root, 'backup/01-a.md')).ino);
  });

  it('the hard-link message is in Chinese by default; the other articles are still fixed', async () => {
    const root = writeProject({ ...MINIMAL, [ARTICLE]: FIXABLE, 'issues/2024-09/02-b.md': FIXABLE.replace('测试文章', '第二篇') });
    mkdirSync(path.join(root, 'backup'));
    linkSync(path.join(root, ARTICLE), path.join(root, 'backup/01-a.md'));
    const r = await runCli(root, ['check', '2024-09', '--fix']);
    expect(messageProblems(r.stderr)).toEqual([]);
    expect(r.stderr).toMatch(/issues\/2024-09\/01-a\.md:1:1: 警告: .*硬链接/);
    expect(readFileSync(path.join(root, ARTICLE), 'utf8')).toBe(FIXABLE);
    expect(readFileSync(path.join(root, 'issues/2024-09/02-b.md'), 'utf8')).toContain('正文，第一段。');
  });

  it('with --json the hard-link warning is among the diagnostics', async () => {
    const root = writeProject({ ...MINIMAL, [ARTICLE]: FIXABLE });
    linkSync(path.join(root, ARTICLE), path.join(root, 'backup.md'));
    const r = await runCli(root, ['check', '2024-09', '--fix', '--json', '--lang', 'en']);
    const report = jsonReportSchema.parse(JSON.parse(r.stdout));
    const hard = report.issues[0]!.problems.filter((d) => d.code === 'fix.hardLink');
    expect(hard).toHaveLength(1);
    expect(hard[0]).toMatchObject({ severity: 'warning', line: 1 });
    expect(hard[0]!.file).toMatch(/01-a\.md$/);
  });
});

// Where a new file could not be given the article's owner, or its folder may
// not be written, the article is overwritten in place: the same file (inode),
// owner and mode. Only root can make the users for this, so it runs as root,
// and only where those users can reach the CLI at all (a checkout under a
// folder only root may enter, as `mktemp -d` makes, cannot be run by them).
const OWNER = 4321;
const GROUP = 4322;
const OTHER = 4323;

/** Why the CLI cannot be run as OTHER here; undefined when it can. */
function noOtherUser(): string | undefined {
  if (!posix || process.getuid?.() !== 0) return 'not running as root';
  const r = spawnSync(process.execPath, [CLI, '--help'], { uid: OTHER, gid: GROUP, encoding: 'utf8', timeout: 60_000 });
  return r.status === 0 ? undefined : `user ${OTHER} cannot run the CLI here (${(r.stderr || r.error?.message || '').split('\n')[0]})`;
}
const NO_OTHER_USER = noOtherUser();

describe.skipIf(NO_OTHER_USER !== undefined)(`check --fix run by another user than the article's${NO_OTHER_USER ? ` (skipped: ${NO_OTHER_USER})` : ''}`, () => {

  /** A project whose files belong to OWNER:GROUP, each folder rwxrwxr-x but `issueDirMode`. */
  function sharedProject(articleMode: number, issueDirMode = 0o775): string {
    const root = writeProject({ ...MINIMAL, [ARTICLE]: FIXABLE });
    for (const rel of ['', 'issues', 'issues/2024-09', 'issues/2024-09/issue.yaml', ARTICLE]) chownSync(path.join(root, rel), OWNER, GROUP);
    chmodSync(root, 0o775);
    chmodSync(path.join(root, 'issues'), 0o775);
    chmodSync(path.join(root, ARTICLE), articleMode);
    chmodSync(path.join(root, 'issues/2024-09'), issueDirMode);
    return root;
  }

  function runAs(uid: number, root: string) {
    const home = tempDir('bulletin-home-');
    chmodSync(home, 0o777);
    return spawnSync(process.execPath, [CLI, 'check', '2024-09', '--fix', '--lang', 'en'], {
      cwd: root,
      uid,
      gid: GROUP,
      env: childEnv({ HOME: home, XDG_CACHE_HOME: home }),
      encoding: 'utf8',
      timeout: 120_000,
    });
  }

  it('a group member fixes the owner\'s group-writable article: still the owner\'s, the same file', () => {
    const root = sharedProject(0o664);
    const before = statSync(path.join(root, ARTICLE));
    const r = runAs(OTHER, root);
    expect(r.status, r.stderr).toBe(0);
    const after = statSync(path.join(root, ARTICLE));
    expect(readFileSync(path.join(root, ARTICLE), 'utf8')).toContain('正文，第一段。');
    expect([after.ino, after.uid, after.gid, after.mode & 0o7777]).toEqual([before.ino, OWNER, GROUP, 0o664]);
    expect(readdirSync(path.join(root, 'issues/2024-09')).sort()).toEqual(['01-a.md', 'issue.yaml']);
  });

  it('the owner fixes an article in a folder they may not write: the same file, fixed', () => {
    const root = sharedProject(0o644, 0o555);
    const before = statSync(path.join(root, ARTICLE));
    const r = runAs(OWNER, root);
    expect(r.status, r.stderr).toBe(0);
    const after = statSync(path.join(root, ARTICLE));
    expect(readFileSync(path.join(root, ARTICLE), 'utf8')).toContain('正文，第一段。');
    expect([after.ino, after.mode & 0o7777]).toEqual([before.ino, 0o644]);
  });

  it('an article the user may not write is reported, file and reason, and left as it is', () => {
    const root = sharedProject(0o644);
    const r = runAs(OTHER, root);
    expect(r.status).toBe(1);
    expect(messageProblems(r.stderr)).toEqual([]);
    expect(r.stderr).toMatch(/01-a\.md.*EACCES/);
    expect(readFileSync(path.join(root, ARTICLE), 'utf8')).toBe(FIXABLE);
  });
});
