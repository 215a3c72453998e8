// The catalogue of bad inputs (tests/fixtures/bad/<case>/): each case is a
// small project and an expected.json. The CLI must exit with the expected
// status, print every problem as `file:line:col:` with a message in words,
// and write nothing; the library must report exactly the expected
// diagnostics (code, file, line, column).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIssue } from '../../src/build.js';
import { Diagnostics, InputError, type Diagnostic } from '../../src/diagnostics.js';
import { message } from '../../src/messages.js';
import { allIssues } from '../../src/cli/projectArg.js';
import { loadProject } from '../../src/project/config.js';
import { REPO_ROOT } from '../helpers/project.js';
import { childEnv, copyToTemp, diagnosticMessages, makeLinks, messageProblems, outputsUnder, runCli, runCliMeasured } from './helpers.js';

const BAD = path.join(REPO_ROOT, 'tests/fixtures/bad');

interface ExpectedProblem {
  code: string;
  file?: string;
  line?: number;
  col?: number;
}

interface Expected {
  note?: string;
  issue: string;
  args?: string[];
  exit: number;
  problems: ExpectedProblem[];
  /** Texts stderr must contain: every `file:line:col:` and key words. */
  stderr: string[];
  /** Texts stderr must not contain. */
  stderrNot?: string[];
  /** Symbolic links made in the copy at test time: link → target (see makeLinks). */
  links?: Record<string, string>;
  /** `build --all` instead of `build <issue>`: the library builds every folder allIssues lists. */
  all?: boolean;
  /** Outputs the run writes (default: none for a bad case, out/<issue>.* for a good one). */
  outputs?: string[];
  /** Environment variables set for the run (and for the library call). */
  env?: Record<string, string>;
}

/** Every case, however hostile, finishes within these (the reliability issue's bounds). */
const MAX_MS = 20_000;
const MAX_PEAK_MB = 1024;

const cases = readdirSync(BAD)
  .filter((n) => statSync(path.join(BAD, n)).isDirectory())
  .sort()
  .map((name) => ({ name, expected: JSON.parse(readFileSync(path.join(BAD, name, 'expected.json'), 'utf8')) as Expected }));

function project(name: string, e: Expected): string {
  const root = copyToTemp(path.join(BAD, name), ['expected.json'], `bulletin-bad-${name}-`);
  makeLinks(root, e.links);
  return root;
}

/** Run `f` with `env` set in this process, restoring it after. */
async function withEnv<T>(env: Record<string, string> | undefined, f: () => Promise<T>): Promise<T> {
  const saved = Object.entries(env ?? {}).map(([k]) => [k, process.env[k]] as const);
  Object.assign(process.env, env ?? {});
  try {
    return await f();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function outDirOption(e: Expected): string | undefined {
  const i = e.args?.indexOf('--out') ?? -1;
  return i >= 0 ? e.args![i + 1] : undefined;
}

/** Errors and warnings as code/file/line/col, files relative to `root`, in a stable order. */
function comparable(items: Diagnostic[], root: string): ExpectedProblem[] {
  return items
    .filter((d) => d.severity !== 'notice')
    .map((d) => {
      const p: ExpectedProblem = { code: d.code };
      if (d.file !== undefined) p.file = path.relative(root, d.file).split(path.sep).join('/');
      if (d.line !== undefined) p.line = d.line;
      if (d.col !== undefined) p.col = d.col;
      return p;
    })
    .sort(byPlace);
}

function byPlace(a: ExpectedProblem, b: ExpectedProblem): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0) || a.code.localeCompare(b.code);
}

describe('the catalogue', () => {
  it('has the cases the reliability issue asks for, each with a well-formed expected.json', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const { name, expected: e } of cases) {
      expect(typeof e.issue, name).toBe('string');
      expect([0, 1, 2], name).toContain(e.exit);
      expect(Array.isArray(e.problems), name).toBe(true);
      if (e.exit === 1) expect(e.problems.length, name).toBeGreaterThan(0);
      if (e.exit === 2) expect(e.problems, name).toEqual([]);
      for (const p of e.problems) {
        if (p.file !== undefined) {
          expect(existsSync(path.join(BAD, name, p.file)) || p.file in (e.links ?? {}), `${name}: ${p.file}`).toBe(true);
          expect(e.stderr, name).toContain(p.line === undefined ? `${p.file}:` : `${p.file}:${p.line}:${p.col}:`);
        }
      }
    }
    expect(cases.filter((c) => c.expected.exit === 0).length).toBeGreaterThanOrEqual(1);
    expect(cases.some((c) => new Set(c.expected.problems.map((p) => p.file)).size >= 3)).toBe(true);
  });
});

describe.each(cases)('bad input: $name', ({ name, expected: e }) => {
  it(`the CLI exits ${e.exit}, names every problem as file:line:col in words, writes nothing, in bounded time and memory`, async () => {
    const root = project(name, e);
    const r = await runCliMeasured(root, ['build', ...(e.all ? ['--all'] : [e.issue]), '--lang', 'en', ...(e.args ?? [])], childEnv(e.env ?? {}));
    const context = `${e.note ?? name}\n--- stderr ---\n${r.stderr}`;
    expect(r.status, context).toBe(e.exit);
    expect(r.ms, `${context}\ntook ${r.ms} ms`).toBeLessThan(MAX_MS);
    expect(r.peakMB, `${context}\npeak ${r.peakMB} MB`).toBeLessThan(MAX_PEAK_MB);
    for (const text of e.stderr) expect(r.stderr, context).toContain(text);
    for (const text of e.stderrNot ?? []) expect(r.stderr, context).not.toContain(text);
    expect(messageProblems(r.stderr), context).toEqual([]);
    const messages = diagnosticMessages(r.stderr);
    if (e.exit === 2) {
      expect(r.stderr.trim(), context).not.toBe('');
      expect(outputsUnder(root), context).toEqual([]);
    } else if (e.exit === 1) {
      // One message per expected problem at least, each a sentence in English words.
      expect(messages.length, context).toBeGreaterThanOrEqual(e.problems.length);
      for (const m of messages) expect(m, context).toMatch(/[A-Za-z]{3,}.*\s.*[A-Za-z]{2,}/);
      expect(outputsUnder(root), context).toEqual(e.outputs ?? []);
    } else {
      expect(outputsUnder(root)).toEqual(e.outputs ?? [`out/${e.issue}.docx`, `out/${e.issue}.pdf`]);
    }
  });

  it('the library reports exactly the expected diagnostics', () => withEnv(e.env, async () => {
    const root = project(name, e);
    if (e.exit === 2) {
      // Wrong usage is not an input problem: the library refuses with an error that is not an InputError.
      const proj = loadProject(root, new Diagnostics());
      const err = await buildIssue(proj, e.issue, { cwd: root }).then(() => undefined, (x: unknown) => x);
      expect(err, e.note).toBeInstanceOf(Error);
      expect(err, e.note).not.toBeInstanceOf(InputError);
      expect(outputsUnder(root)).toEqual([]);
      return;
    }
    const diags = new Diagnostics();
    const proj = loadProject(root, diags);
    let got: Diagnostic[];
    if (diags.hasErrors()) {
      got = diags.items;
    } else {
      const out = outDirOption(e);
      got = [];
      for (const ref of e.all ? allIssues(proj) : [e.issue]) {
        try {
          const result = await buildIssue(proj, ref, { cwd: root, ...(out !== undefined ? { outDir: out } : {}) });
          got.push(...result.diagnostics);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          got.push(...err.diagnostics);
        }
      }
    }
    expect(comparable(got, root), e.note).toEqual([...e.problems].sort(byPlace));
    if (e.exit === 1) expect(outputsUnder(root)).toEqual(e.outputs ?? []);
    // Every message, in both languages, is words with its parameters filled in.
    for (const d of got) {
      const en = message(d.code, d.params, 'en');
      const zh = message(d.code, d.params, 'zh');
      expect(messageProblems(en), en).toEqual([]);
      expect(messageProblems(zh), zh).toEqual([]);
      expect(en).toMatch(/[A-Za-z]{3,}.*\s.*[A-Za-z]{2,}/);
      expect(zh).toMatch(/\p{Script=Han}{2,}/u);
    }
  }));
});

describe('messages are in Chinese by default', () => {
  const date = cases.find((c) => c.name === 'date-invalid')!;

  it('with LANG and LC_ALL unset: 错误 and a Chinese sentence', async () => {
    const root = project(date.name, date.expected);
    const r = await runCli(root, ['build', date.expected.issue], childEnv());
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('issues/2024-09/issue.yaml:4:7: 错误: ');
    expect(r.stderr).toMatch(/日期.*2024-13-45.*不存在/);
    expect(r.stderr).not.toMatch(/\berror\b/);
    expect(messageProblems(r.stderr)).toEqual([]);
  });

  it('--lang zh wins over LANG=en_US.UTF-8; LANG=en_US.UTF-8 alone gives English', async () => {
    const root = project(date.name, date.expected);
    const zh = await runCli(root, ['build', date.expected.issue, '--lang', 'zh'], childEnv({ LANG: 'en_US.UTF-8' }));
    expect(zh.status).toBe(1);
    expect(zh.stderr).toContain('issue.yaml:4:7: 错误: ');
    const en = await runCli(root, ['build', date.expected.issue], childEnv({ LANG: 'en_US.UTF-8' }));
    expect(en.status).toBe(1);
    expect(en.stderr).toContain('issue.yaml:4:7: error: the date "2024-13-45" does not exist');
  });
});
