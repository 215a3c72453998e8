// The command line at its edges: --fix under --strict, --fix on a file with
// mixed line ends, no command at all, --lang=en, a --date that does not
// exist, and a config changed while preview is watching.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin } from '../helpers/cli.js';
import { MINIMAL, writeProject } from '../helpers/project.js';

describe('check --fix --strict', () => {
  it('applies the fixes even when a warning is present, then fails on what is left', () => {
    // A half-width comma (fixable) and an empty heading (a warning no fix removes).
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': '---\ntitle: 测试\n---\n\n今天,我们开会。\n\n## \n\n后文。\n' });
    const r = bulletin(root, ['check', '2024-09', '--fix', '--strict', '--lang', 'en']);
    expect(readFileSync(path.join(root, 'issues/2024-09/01-a.md'), 'utf8')).toContain('今天，我们开会。');
    expect(r.stdout).toContain('+今天，我们开会。');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/01-a\.md:7:1: error: an empty heading/);
  });
});

describe('check --fix on a file with mixed line ends', () => {
  it('keeps the end of every line as written (CRLF, LF and CR alike)', () => {
    const lines = ['---', 'title: 测试', '---', '', '今天,我们开会。', '', '第二段。', '第三行'];
    const ends = ['\r\n', '\r\n', '\n', '\r\n', '\n', '\r', '\n', '\n'];
    const original = lines.map((l, i) => l + ends[i]).join('');
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': original });
    const r = bulletin(root, ['check', '2024-09', '--fix']);
    expect(r.status).toBe(0);
    const fixed = readFileSync(path.join(root, 'issues/2024-09/01-a.md'), 'utf8');
    expect(fixed).toBe(original.replace('今天,我们', '今天，我们'));
  });
});

describe('usage', () => {
  it('no command at all is wrong usage (exit 2); --help is not', () => {
    const root = writeProject(MINIMAL);
    expect(bulletin(root, []).status).toBe(2);
    expect(bulletin(root, ['--help']).status).toBe(0);
  });

  it('--lang=en is read like --lang en, also for the parser’s own errors', () => {
    const root = writeProject(MINIMAL);
    const r = bulletin(root, ['--lang=en', 'build', '--bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
    const zh = bulletin(root, ['--lang', 'xx', 'build', '2024-09']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toMatch(/错误：选项 .*--lang.* 的取值 xx 无效/);
  });

  it('new --date names what is wrong with the date, in the user’s language', () => {
    const root = writeProject(MINIMAL);
    const zh = bulletin(root, ['new', '2024-10', '--date', '2024-02-30']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('日期“2024-02-30”不存在');
    const en = bulletin(root, ['new', '2024-10', '--date', '30/09/2024', '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stderr).toMatch(/--date: .*30\/09\/2024.*YYYY-MM-DD/);
  });
});

describe('bulletin new', () => {
  it('writes issue.yaml and the article stub together', () => {
    const root = writeProject(MINIMAL);
    writeFileSync(path.join(root, 'issues/2024-09/issue.yaml'), `${MINIMAL['issues/2024-09/issue.yaml']}number: 3\n`);
    const r = bulletin(root, ['new', '2024-10', '--date', '2024-10-31']);
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(root, 'issues/2024-10/issue.yaml'), 'utf8')).toMatch(/^number: 4$/m);
    expect(readFileSync(path.join(root, 'issues/2024-10/01-article.md'), 'utf8')).toMatch(/^title: /m);
  });
});
