// Each command as a real process (bin/bulletin.js) and as a function: exit
// codes, message language, JSON against its schema, --all, new, fonts,
// check --fix, preview rebuilding on a save.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIssue, fixIssue } from '../../src/check.js';
import { jsonReportSchema } from '../../src/cli/jsonReport.js';
import { fontReport } from '../../src/fontReport.js';
import { newIssue } from '../../src/scaffold.js';
import { bulletin, start } from '../helpers/cli.js';
import { copySampleProject, loadProjectOrThrow, MINIMAL, writeProject } from '../helpers/project.js';

const ESC = '\u001b[';

describe('bulletin build', () => {
  it('exit 0 and Chinese messages by default; English with --lang en or LANG=en_*', () => {
    const root = writeProject(MINIMAL);
    const zh = bulletin(root, ['build', '2024-09']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toMatch(/^已生成 out\/2024-09\.pdf（1 页，\d+ KB）$/m);
    const en = bulletin(root, ['build', '2024-09', '--lang', 'en']);
    expect(en.stdout).toMatch(/^wrote out\/2024-09\.pdf \(1 pages, \d+ KB\)$/m);
    const lang = bulletin(root, ['build', '2024-09'], { LANG: 'en_US.UTF-8' });
    expect(lang.stdout).toMatch(/^wrote out\/2024-09\.docx/m);
  });

  it('exit 1 for wrong inputs, every problem as file:line:col, no colour when not a terminal', () => {
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/issue.yaml': 'organization: 甲\ntitel: 乙\neditor: 丙\ndate: 2024-02-30\n' });
    const r = bulletin(root, ['build', '2024-09']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('issues/2024-09/issue.yaml:2:1: 错误: 未知的键“titel”，是否想写“title”？');
    expect(r.stderr).toContain('issues/2024-09/issue.yaml:4:7: 错误: 日期“2024-02-30”不存在');
    expect(r.stderr).not.toContain(ESC);
    expect(existsSync(path.join(root, 'out/2024-09.pdf'))).toBe(false);
  });

  it('exit 2 for wrong usage', () => {
    const root = writeProject(MINIMAL);
    expect(bulletin(root, ['build']).status).toBe(2);
    expect(bulletin(root, ['build', '2024-09', '--format', 'xps']).status).toBe(2);
    expect(bulletin(root, ['frob']).status).toBe(2);
    expect(bulletin(root, ['build', '--nonsense']).stderr).toContain('未知选项 --nonsense');
    expect(bulletin(writeProject({}), ['build', 'x']).status).toBe(1);
  });

  it('--quiet prints problems only', () => {
    const root = writeProject(MINIMAL);
    const r = bulletin(root, ['--quiet', 'build', '2024-09']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('--json: one object on stdout that matches the schema', () => {
    const root = writeProject({ ...MINIMAL, 'issues/2024-10/issue.yaml': 'organization: 甲\n' });
    const r = bulletin(root, ['build', '2024-09', '2024-10', '--json', '--lang', 'en']);
    expect(r.status).toBe(1);
    const report = jsonReportSchema.parse(JSON.parse(r.stdout));
    expect(report).toMatchObject({ command: 'build', ok: false, exitCode: 1 });
    expect(report.issues.map((i) => [i.id, i.ok])).toEqual([
      ['2024-09', true],
      ['2024-10', false],
    ]);
    expect(report.issues[0]!.outputs.map((o) => o.format)).toEqual(['pdf', 'docx']);
    expect(report.issues[0]!.outputs[0]!.pages).toBe(1);
    expect(report.issues[1]!.problems).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'key.missingAnywhere', file: expect.stringMatching(/issue\.yaml$/), line: 1 }),
    );
    expect(report.issues[1]!.problems[0]!.message).toMatch(/required key/);
  });

  it('--all builds every issue in worker threads, a line per issue and a summary; the exit status is the worst', () => {
    const root = writeProject({
      ...MINIMAL,
      'issues/2024-10/issue.yaml': MINIMAL['issues/2024-09/issue.yaml'].replace('2024-09-30', '2024-10-31'),
      'issues/2024-10/01-a.md': '---\ntitle: 十月\n---\n\n十月的正文。\n',
      'issues/2024-11/issue.yaml': 'organization: 甲\n',
    });
    const r = bulletin(root, ['build', '--all']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^✓ 2024-09（\d+ 毫秒）$/m);
    expect(r.stdout).toMatch(/^✓ 2024-10（\d+ 毫秒）$/m);
    expect(r.stdout).toMatch(/^✗ 2024-11：\d+ 个错误$/m);
    expect(r.stdout).toContain('共 3 期：成功 2 期，失败 1 期');
    for (const id of ['2024-09', '2024-10']) expect(statSync(path.join(root, `out/${id}.pdf`)).size).toBeGreaterThan(1000);
  });
});

describe('bulletin build --all with no issues', () => {
  it('says there is nothing to build and succeeds; --json reports an empty list', () => {
    const root = writeProject({ 'bulletin.config.yaml': 'template: jianbao\n' });
    const r = bulletin(root, ['build', '--all', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/no issues/i);
    const json = bulletin(root, ['build', '--all', '--json']);
    expect(json.status).toBe(0);
    expect(jsonReportSchema.parse(JSON.parse(json.stdout))).toMatchObject({ ok: true, exitCode: 0, issues: [] });
  });
});

describe('bulletin build --strict', () => {
  it('fails on a typography warning too, and writes nothing', () => {
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': '---\ntitle: 测试\n---\n\n今天,我们开会。\n' });
    expect(bulletin(root, ['build', '2024-09']).status).toBe(0);
    const strict = bulletin(root, ['build', '2024-09', '--strict', '--out', 'strict']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/01-a\.md:5:3: 错误: \[punct\.halfWidth\]/);
    expect(existsSync(path.join(root, 'strict/2024-09.pdf'))).toBe(false);
  });
});

describe('bulletin check', () => {
  const withFindings = {
    ...MINIMAL,
    'issues/2024-09/01-a.md': '---\ntitle: 测试\n---\n\n今天,我们开会。会议在2024年08月06日举行...\n',
  };

  it('reports typography findings as file:line:col: [rule] message, writes nothing, exit 0 (1 with --strict)', () => {
    const root = writeProject(withFindings);
    const r = bulletin(root, ['check', '2024-09', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^issues\/2024-09\/01-a\.md:5:3: warning: \[punct\.halfWidth\] /m);
    expect(r.stderr).toMatch(/\[date\.zeroPadded\]/);
    expect(r.stderr).toMatch(/\[punct\.ellipsis\]/);
    expect(existsSync(path.join(root, 'out'))).toBe(false);
    expect(bulletin(root, ['check', '2024-09', '--strict']).status).toBe(1);
    const json = jsonReportSchema.parse(JSON.parse(bulletin(root, ['check', '2024-09', '--json']).stdout));
    expect(json.issues[0]!.problems.map((p) => p.rule)).toEqual(expect.arrayContaining(['punct.halfWidth', 'date.zeroPadded', 'punct.ellipsis']));
  });

  it('--fix applies the safe fixes, prints a unified diff, keeps CRLF line ends, and the check comes out clean', () => {
    const root = writeProject({ ...withFindings, 'issues/2024-09/01-a.md': withFindings['issues/2024-09/01-a.md'].replace(/\n/g, '\r\n') });
    const r = bulletin(root, ['check', '2024-09', '--fix']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--- a/issues/2024-09/01-a.md');
    expect(r.stdout).toContain('+今天，我们开会。会议在2024年8月6日举行……');
    const after = readFileSync(path.join(root, 'issues/2024-09/01-a.md'), 'utf8');
    expect(after).toBe('---\r\ntitle: 测试\r\n---\r\n\r\n今天，我们开会。会议在2024年8月6日举行……\r\n');
    expect(bulletin(root, ['check', '2024-09', '--strict']).status).toBe(0);
  });

  it('never touches a file it cannot parse', () => {
    const bad = '---\ntitle: [\n---\n\n今天,我们开会。\n';
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': bad });
    const project = loadProjectOrThrow(root);
    const { diffs, after } = fixIssue(project, '2024-09');
    expect(diffs.size).toBe(0);
    expect(after.diagnostics).toContainEqual(expect.objectContaining({ code: 'yaml.syntax' }));
    expect(readFileSync(path.join(root, 'issues/2024-09/01-a.md'), 'utf8')).toBe(bad);
  });

  it('as a function: the sample issue has one true finding (nested double quotes)', () => {
    const root = copySampleProject();
    const result = checkIssue(loadProjectOrThrow(root), '2024-08');
    expect(result.diagnostics.filter((d) => d.severity !== 'notice').map((d) => `${path.basename(d.file!)}:${d.line}:${d.rule}`)).toEqual([
      '02-baoshan-energy-saving.md:11:punct.unpaired',
    ]);
  });
});

describe('bulletin new', () => {
  it('starts the next issue from the latest: same settings, 期号 and 总期号 + 1, the date given, one article stub', () => {
    const root = writeProject({
      'issues/2024-08/issue.yaml': '# August\norganization: 甲\ntitle: 乙\neditor: 丙\nnumber: 8\ntotalNumber: 120\ndate: 2024-08-26\ncopies: 60\narticles: [01-a.md]\n',
      'issues/2024-08/01-a.md': MINIMAL['issues/2024-09/01-a.md'],
      'issues/2024-07/issue.yaml': 'organization: 甲\ntitle: 乙\neditor: 丙\nnumber: 7\ndate: 2024-07-26\n',
    });
    const r = bulletin(root, ['new', '2024-09', '--date', '2024-09-30']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已建立 issues/2024-09（仿照 issues/2024-08，第 9 期）');
    expect(readFileSync(path.join(root, 'issues/2024-09/issue.yaml'), 'utf8')).toBe(
      'organization: 甲\ntitle: 乙\neditor: 丙\nnumber: 9\ntotalNumber: 121\ndate: 2024-09-30\ncopies: 60\n',
    );
    expect(bulletin(root, ['build', '2024-09']).status).toBe(0);
    // Refuses to overwrite.
    const again = bulletin(root, ['new', '2024-09']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已存在');
  });

  it('after a 增刊 (no number of its own) the 期号 goes on from the last numbered issue', () => {
    const root = writeProject({
      'issues/2024-08/issue.yaml': 'organization: 甲\ntitle: 乙\neditor: 丙\nnumber: 8\ntotalNumber: 120\ndate: 2024-08-26\n',
      'issues/2024-08-s/issue.yaml': 'organization: 甲\ntitle: 乙\neditor: 丙\nnumber: 增刊\ndate: 2024-09-05\n',
    });
    const result = newIssue(loadProjectOrThrow(root), '2024-09', { date: { year: 2024, month: 9, day: 30 } });
    expect(result).toMatchObject({ number: 9, totalNumber: 121 });
    const yaml = readFileSync(path.join(root, 'issues/2024-09/issue.yaml'), 'utf8');
    expect(yaml).toMatch(/^number: 9$/m);
    expect(yaml).toMatch(/^totalNumber: 121$/m);
  });

  it('refuses a --date that is not a date, naming it, and creates nothing', () => {
    const root = writeProject({ 'issues/2024-08/issue.yaml': 'organization: 甲\ntitle: 乙\neditor: 丙\ndate: 2024-08-26\n' });
    const r = bulletin(root, ['new', '2024-09', '--date', '2024-02-30', '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('2024-02-30');
    expect(existsSync(path.join(root, 'issues/2024-09'))).toBe(false);
  });

  it('a new year restarts 期号 when the template says so; 总期号 goes on', () => {
    const root = writeProject({ 'issues/2024-12/issue.yaml': 'organization: 甲\ntitle: 乙\neditor: 丙\nnumber: 12\ntotalNumber: 124\ndate: 2024-12-30\n' });
    const result = newIssue(loadProjectOrThrow(root), '2025-01', { date: { year: 2025, month: 1, day: 27 } });
    expect(result).toMatchObject({ number: 1, totalNumber: 125 });
  });
});

describe('bulletin fonts', () => {
  it('shows the file of each face, and the characters that come from fallbacks, with file:line', () => {
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': '---\ntitle: 表彰\n---\n\n获奖者：\n李喆。\n' });
    const r = bulletin(root, ['fonts', '2024-09', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^fangsong \| 仿宋_GB2312 \| .*FandolFang-Regular\.otf \(FandolFang-Regular\) \| serifFallback/m);
    expect(r.stdout).toMatch(/issues\/2024-09\/01-a\.md:6:2: notice: the character "喆" \(U\+5586\) is drawn from the fallback serifFallback/);
    const report = fontReport(loadProjectOrThrow(root), '2024-09');
    expect(report.characters.map((d) => d.params.char)).toEqual(['喆']);
  });
});

describe('bulletin preview', () => {
  it('serves the pages with the draft mark, rebuilds on every save, keeps running after an input error, writes nothing', async () => {
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/02-draft.md': '---\ntitle: 草稿文章\ndraft: true\n---\n\n还没定稿。\n' });
    const p = start(root, ['preview', '2024-09']);
    try {
      await p.waitFor(/2024-09: 已重新生成（\d+ 毫秒，1 页）/);
      await p.waitFor(/预览：在浏览器中打开 http:\/\/127\.0\.0\.1:\d+\//);
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(p.output())![0];
      const pageText = async () => (await (await fetch(`${url}pages/1.svg`)).text()).replace(/<[^>]+>/g, '');
      // The draft article is in, under the watermark.
      expect(await pageText()).toContain('还没定稿。');
      const article = path.join(root, 'issues/2024-09/01-a.md');
      // One save each, and what it printed: the output after the save only.
      // The timeout is generous for a machine busy with other tests; a save
      // that is missed is the bug this test is for, so it is never repeated.
      const save = async (content: string, until: RegExp) => {
        const from = p.output().length;
        writeFileSync(article, content);
        await p.waitFor(until, 30_000, from);
      };
      await save('---\ntitle: 测试文章\n---\n\n改过的正文。\n', /2024-09: 已重新生成（\d+ 毫秒，1 页）/);
      expect(await pageText()).toContain('改过的正文。');
      await save('---\ntitle: [\n---\n\n坏了。\n', /01-a\.md:2:\d+: 错误[\s\S]*预览中仍显示上一次正确的页面/);
      expect(p.child.exitCode).toBeNull();
      expect(await pageText(), 'the last good pages are kept').toContain('改过的正文。');
      await save('---\ntitle: 又好了\n---\n\n又好了。\n', /2024-09: 已重新生成（\d+ 毫秒，1 页）/);
      expect(await pageText()).toContain('又好了。');
      expect(p.output()).not.toContain('监视文件时出错');
      expect(existsSync(path.join(root, 'out')), 'a preview writes no output').toBe(false);
    } finally {
      p.child.kill('SIGINT');
    }
  }, 120_000);

  it('takes --port, and says so when the port is taken', async () => {
    const root = writeProject(MINIMAL);
    const first = start(root, ['preview', '2024-09']);
    try {
      await first.waitFor(/http:\/\/127\.0\.0\.1:(\d+)\//);
      const port = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(first.output())![1]!;
      const second = bulletin(root, ['preview', '2024-09', '--port', port]);
      expect(second.status).toBe(2);
      expect(second.stderr).toContain(`端口 ${port} 已被占用`);
      expect(bulletin(root, ['preview', '2024-09', '--port', '70000']).status).toBe(2);
    } finally {
      first.child.kill('SIGINT');
    }
  }, 120_000);
});

describe('the CI workflow', () => {
  it('builds every issue on push and keeps the outputs as artifacts', () => {
    const yml = readFileSync(path.join(__dirname, '../../.github/workflows/bulletin.yml'), 'utf8');
    expect(yml).toMatch(/on:\s*\n\s*push:/);
    expect(yml).toContain('npx bulletin build --all');
    expect(yml).toContain('actions/upload-artifact');
    expect(yml).toContain('out/*.pdf');
  });
});
