// Characters no font has (an emoji, a private-use character): the CLI warns
// with the file and line and the character, still builds (exit 0), and
// --strict turns the warnings into errors (exit 1, nothing written). The text
// layer and glyph checks are in tests/e2e/fallbackFonts.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL, writeProject } from '../helpers/project.js';
import { childEnv, diagnosticMessages, messageProblems, outputsUnder, runCli } from './helpers.js';

const ARTICLE = '---\ntitle: 测试\n---\n\n第一段。\n\n表情😀和私用区\uE000字符。\n';

function project(): string {
  return writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': ARTICLE });
}

/** The diagnostic lines of stderr about `code` (e.g. U+1F600). */
function linesAbout(stderr: string, code: string): string[] {
  return stderr.split('\n').filter((l) => l.includes(`U+${code}`));
}

describe('a character no font has', () => {
  it('is a warning naming the character, its code and file:line; the build succeeds', async () => {
    const root = project();
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    for (const [ch, code] of [['😀', '1F600'], ['\uE000', 'E000']] as const) {
      const lines = linesAbout(r.stderr, code);
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^issues\/2024-09\/01-a\.md:7:\d+: warning: /);
      expect(lines[0]).toContain(`"${ch}"`);
    }
    expect(messageProblems(r.stderr)).toEqual([]);
    expect(outputsUnder(root)).toEqual(['out/2024-09.docx', 'out/2024-09.pdf']);
  });

  it('is a warning in Chinese by default (警告)', async () => {
    const root = project();
    const r = await runCli(root, ['build', '2024-09'], childEnv());
    expect(r.status, r.stderr).toBe(0);
    const lines = linesAbout(r.stderr, '1F600');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^issues\/2024-09\/01-a\.md:7:\d+: 警告: .*😀/);
  });

  it('--strict makes it an error: exit 1, both characters named, nothing written', async () => {
    const root = project();
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en', '--strict']);
    expect(r.status, r.stderr).toBe(1);
    for (const code of ['1F600', 'E000']) {
      const lines = linesAbout(r.stderr, code);
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^issues\/2024-09\/01-a\.md:7:\d+: error: /);
    }
    expect(diagnosticMessages(r.stderr).length).toBeGreaterThanOrEqual(2);
    expect(messageProblems(r.stderr)).toEqual([]);
    expect(outputsUnder(root)).toEqual([]);
  });

  it('--strict with an existing good build leaves its files in place, unchanged', async () => {
    const root = writeProject(MINIMAL);
    expect((await runCli(root, ['build', '2024-09', '--lang', 'en'])).status).toBe(0);
    const before = outputsUnder(root);
    const bytes = before.map((f) => readFileSync(path.join(root, f)));
    writeFileSync(path.join(root, 'issues/2024-09/01-a.md'), ARTICLE);
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en', '--strict']);
    expect(r.status, r.stderr).toBe(1);
    expect(outputsUnder(root)).toEqual(before);
    before.forEach((f, i) => expect(readFileSync(path.join(root, f)).equals(bytes[i]!), f).toBe(true));
  });
});

describe('where a missing character is reported', () => {
  it("at the character's own column, not the start of its run", async () => {
    const root = project();
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    // 表情😀和私用区\uE000字符。: 😀 at column 3, U+E000 (after the two UTF-16 units of 😀) at column 9.
    expect(linesAbout(r.stderr, '1F600')[0]).toMatch(/^issues\/2024-09\/01-a\.md:7:3: warning: /);
    expect(linesAbout(r.stderr, 'E000')[0]).toMatch(/^issues\/2024-09\/01-a\.md:7:9: warning: /);
  });

  it('in the masthead and in a title: at the issue.yaml value and the title line, once each', async () => {
    const root = writeProject({
      'issues/2024-09/issue.yaml': MINIMAL['issues/2024-09/issue.yaml'].replace('title: 党建、文明创建工作简报', 'title: 党建😀简报'),
      'issues/2024-09/01-a.md': '---\ntitle: 测试\uE000文章\n---\n\n第一段。\n',
    });
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    expect(linesAbout(r.stderr, '1F600'), r.stderr).toEqual([expect.stringMatching(/^issues\/2024-09\/issue\.yaml:2:8: warning: /)]);
    expect(linesAbout(r.stderr, 'E000'), r.stderr).toEqual([expect.stringMatching(/^issues\/2024-09\/01-a\.md:2:8: warning: /)]);
  });
});
