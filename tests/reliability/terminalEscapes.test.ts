// File names reach the terminal escaped: a name holding an escape sequence
// (ESC [ 2 J clears the screen) or another control character is printed
// with \x1b, \x07…, never raw.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonReportSchema } from '../../src/cli/jsonReport.js';
import { MINIMAL, writeProject } from '../helpers/project.js';
import { runCli } from './helpers.js';

/** C0 controls but tab and line feed, DEL, C1 controls: none may reach the terminal raw. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const posix = process.platform !== 'win32';

describe('control characters in file names', () => {
  it('are printed escaped in messages', async () => {
    const root = writeProject(MINIMAL);
    const name = '02-\u001b[2J\u001b]0;owned\u0007.md';
    writeFileSync(path.join(root, 'issues/2024-09', name), 'no front-matter here\n');
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('02-\\x1b[2J\\x1b]0;owned\\x07.md:1:1: error:');
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });

  // Windows file names cannot hold C0 controls; DEL and C1 they can, but the test needs one name for all.
  it.runIf(posix)('DEL, C1 controls and a line feed are escaped in check output; --json keeps the real name', async () => {
    const root = writeProject(MINIMAL);
    const name = '02-\u007f\u009b31m\nfake.md:1:1: error: x.md';
    writeFileSync(path.join(root, 'issues/2024-09', name), 'no front-matter here\n');
    const human = await runCli(root, ['check', '2024-09', '--lang', 'en']);
    expect(human.status, human.stderr).toBe(1);
    expect(human.stderr + human.stdout).not.toMatch(RAW_CONTROL);
    expect(human.stderr).toContain('02-\\x7f\\x9b31m\\nfake.md:1:1: error: x.md:1:1: error:');
    // The line feed is escaped too: the name cannot start a forged line.
    expect(human.stderr.split('\n').filter((l) => l.startsWith('fake.md'))).toEqual([]);

    const json = await runCli(root, ['check', '2024-09', '--json', '--lang', 'en']);
    expect(json.status).toBe(1);
    const report = jsonReportSchema.parse(JSON.parse(json.stdout));
    const files = report.issues[0]!.problems.map((p) => p.file);
    expect(files.some((f) => f !== undefined && path.basename(f) === name)).toBe(true);
    expect(json.stdout + json.stderr).not.toMatch(RAW_CONTROL);
  });

  it('bidirectional controls and line separators in a file name are escaped, in messages and in --json; --json keeps the real name', async () => {
    const root = writeProject(MINIMAL);
    // RLO would show the name reversed from there on; U+2028 breaks the line on some terminals.
    const name = '02-\u202egpj.exe\u2028\u2066x\u2069.md';
    writeFileSync(path.join(root, 'issues/2024-09', name), 'no front-matter here\n');
    const LAYOUT = /[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
    const human = await runCli(root, ['check', '2024-09', '--lang', 'en']);
    expect(human.status, human.stderr).toBe(1);
    expect(human.stderr).toContain('02-\\u202egpj.exe\\u2028\\u2066x\\u2069.md:1:1: error:');
    expect(human.stderr + human.stdout).not.toMatch(LAYOUT);
    const json = await runCli(root, ['check', '2024-09', '--json', '--lang', 'en']);
    expect(json.status).toBe(1);
    expect(json.stdout + json.stderr).not.toMatch(LAYOUT);
    const report = jsonReportSchema.parse(JSON.parse(json.stdout));
    expect(report.issues[0]!.problems.some((p) => p.file !== undefined && path.basename(p.file) === name)).toBe(true);
  });

  it('an issue named with a control character on the command line is echoed escaped', async () => {
    const root = writeProject(MINIMAL);
    const r = await runCli(root, ['check', '2024-\u001b[2J', '--lang', 'en']);
    expect(r.status).not.toBe(0);
    expect(r.stderr + r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stderr + r.stdout).toContain('2024-\\x1b[2J');
  });

  it('the diff check --fix prints shows an article\'s own controls escaped', async () => {
    const article = '---\ntitle: 测试文章\n---\n\n正文,第一段\u001b[2J。\n';
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': article });
    const r = await runCli(root, ['check', '2024-09', '--fix', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('-正文,第一段\\x1b[2J。');
    expect(r.stdout).toContain('+正文，第一段\\x1b[2J。');
    // The file itself keeps its character: only the terminal sees the escape.
    expect(readFileSync(path.join(root, 'issues/2024-09/01-a.md'), 'utf8')).toBe(article.replace(',', '，'));
  });
});
