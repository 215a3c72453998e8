// Fuzzing reading and typesetting with random Unicode, Markdown and YAML:
// every input either is refused with reported input errors (InputError, exit
// 1) or typesets with every character of the model in the Layout's text —
// never another exception (exit 3), never a hang.
//
// FUZZ_RUNS sets the number of cases per property (default 200); FUZZ_SEED the
// seed (default fixed). A long run:
//   FUZZ_RUNS=2000 npx vitest run tests/reliability/fuzz.test.ts
// Every case runs, however long the machine takes (how fast is bench/'s
// business); the test timeouts only stop a hang.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareIssue } from '../../src/build.js';
import { InputError } from '../../src/diagnostics.js';
import { isMessageCode, message } from '../../src/messages.js';
import type { Block, Inline, Issue } from '../../src/model.js';
import type { Layout } from '../../src/typeset/layout.js';
import { squeeze } from '../helpers/pdf.js';
import { loadProjectOrThrow, MINIMAL } from '../helpers/project.js';
import { realTempDir } from './helpers.js';

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 200));
const SEED = Number(process.env.FUZZ_SEED ?? 20240826);
/** Test timeout of a property, shrinking included: a hang guard, not a speed limit. */
const PROPERTY_MS = Math.max(60_000, RUNS * 1_000) + 30_000;

const ISSUE_YAML = MINIMAL['issues/2024-09/issue.yaml'];

// ---------------------------------------------------------------- generators

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((cp) => String.fromCodePoint(cp));
const cjkRun = fc.array(cjk, { minLength: 1, maxLength: 30 }).map((a) => a.join(''));
const latinWord = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);
const punctuation = fc.constantFrom('，', '。', '、', '；', '：', '“', '”', '‘', '’', '（', '）', '《', '》', '——', '……', '·', '!', '?', ',', '.', '"', "'", '%', '&', '-', '—', '～');
const special = fc.constantFrom(
  '😀', '\uE000', '\u200B', '\u00AD', '\u00A0', '\u3000', '\uFEFF', '\u2028', '\u0301', 'é', 'ﬁ', '𠮷', '喆', '\u2F00', '\u30FB', '\u0000', '\u0007', '\t', '\r', '\r\n', '\\', '&amp;', '&#x4E00;', '&#0;', '&nbsp;',
);
const markdown = fc.constantFrom(
  '**', '*', '_', '__', '~~', '`', '```\n', '# ', '## ', '### ', '#### ', '##### ', '> ', '>> ', '- ', '* ', '+ ', '1. ', '2) ', '  ', '    ',
  '|', '| --- |', '\n|---|---|\n', '[', ']', '(', ')', '![', '](images/a.png)', '<', '>', '<b>', '</b>', '<!-- x -->', '---', '===', '***',
  '[^1]', '[x]: http://a.b', 'http://example.com', '<http://a.b>', '\\*', '  \n', '\n', '\n\n', '\n\n', '\n\n',
);
const anyUnicode = fc.string({ unit: 'binary', maxLength: 12 });
const piece = fc.oneof(
  { weight: 5, arbitrary: cjkRun },
  { weight: 2, arbitrary: latinWord },
  { weight: 2, arbitrary: punctuation },
  { weight: 4, arbitrary: markdown },
  { weight: 1, arbitrary: special },
  { weight: 1, arbitrary: anyUnicode },
  { weight: 1, arbitrary: fc.constant(' ') },
);
const body = fc.array(piece, { minLength: 1, maxLength: 60 }).map((a) => a.join(''));
const plainText = fc.array(fc.oneof(cjkRun, latinWord, punctuation, special, fc.constant(' ')), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));

/** A YAML scalar: mostly well-formed (JSON strings are YAML), sometimes raw text that may break the YAML. */
const yamlScalar = fc.oneof(
  { weight: 4, arbitrary: plainText.map((s) => JSON.stringify(s)) },
  { weight: 2, arbitrary: fc.array(plainText, { minLength: 1, maxLength: 3 }).map((a) => `[${a.map((s) => JSON.stringify(s)).join(', ')}]`) },
  { weight: 1, arbitrary: plainText },
  { weight: 1, arbitrary: fc.oneof(fc.integer().map(String), fc.constantFrom('true', 'null', '~', '[]', '{}', '-3', '2024-13-45', '0x1F', '&a x', '*a', '!!binary aGk=', '"', "'", '[', '{')) },
);

const frontMatter = fc.record(
  {
    title: yamlScalar,
    section: yamlScalar,
    source: yamlScalar,
    draft: fc.constantFrom('true', 'false', 'yes', '1'),
    // Now and then a key that does not belong.
    extra: fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('titel', 'sectoin', 'author', 'x'), yamlScalar) },
    ),
  },
  { requiredKeys: ['title', 'extra'] },
).map((fm) =>
  Object.entries(fm)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => (Array.isArray(v) ? `${v[0]}: ${v[1]}` : `${k}: ${v}`))
    .join('\n'),
);

const article = fc.record({ front: frontMatter, body, crlf: fc.boolean(), bom: fc.boolean() }).map(({ front, body, crlf, bom }) => {
  const text = `---\n${front}\n---\n\n${body}\n`;
  return `${bom ? '\uFEFF' : ''}${crlf ? text.replace(/\n/g, '\r\n') : text}`;
});

const issueExtras = fc.array(
  fc.oneof(
    fc.tuple(fc.constantFrom('number', 'totalNumber', 'copies', 'template', 'draft', 'organization', 'title', 'editor', 'date', 'numbr', 'x'), yamlScalar).map(([k, v]) => `${k}: ${v}`),
    fc.array(fc.tuple(fc.constantFrom('报', '送', '发', '抄送'), yamlScalar), { minLength: 1, maxLength: 3 }).map((entries) => `distribution:\n${entries.map(([k, v]) => `  ${k}: ${v}`).join('\n')}`),
  ),
  { maxLength: 3 },
);

/** An article with a well-formed front matter, so the issue.yaml additions decide the outcome more often. */
const plainArticle = body.map((b) => `---\ntitle: 标题\n---\n\n${b}\n`);
const issueCase = fc.record({ articles: fc.array(fc.oneof(article, plainArticle), { minLength: 1, maxLength: 3 }), extras: issueExtras });

// ------------------------------------------------------------------ checking

/** Every character the model carries into the outputs. */
function modelText(issue: Issue): string {
  const out: string[] = [];
  const inlines = (xs: Inline[]): void => {
    for (const x of xs) {
      if (x.type === 'text') out.push(x.value);
      else if (x.type !== 'break') inlines(x.children);
    }
  };
  const blocks = (bs: Block[]): void => {
    for (const b of bs) {
      switch (b.type) {
        case 'paragraph':
        case 'heading':
          inlines(b.children);
          break;
        case 'list':
          for (const item of b.items) blocks(item.blocks);
          break;
        case 'quote':
          blocks(b.blocks);
          break;
        case 'table':
          for (const row of b.rows) for (const cell of row) inlines(cell.children);
          break;
        case 'image':
          inlines(b.caption);
          break;
      }
    }
  };
  // In reading order: masthead, then the articles, then the 报尾.
  const m = issue.meta;
  out.push(m.organization, m.title);
  if (typeof m.number === 'string') out.push(m.number);
  out.push(m.editor);
  let section: string | undefined;
  for (const a of issue.articles) {
    if (a.section !== undefined && a.section !== section) out.push(a.section);
    section = a.section;
    out.push(...a.title.map((t) => t.text));
    blocks(a.blocks);
    if (a.source !== undefined) out.push(a.source);
  }
  for (const d of m.distribution) out.push(d.label, ...(d.kind === 'list' ? d.recipients : [d.text]));
  return out.join('');
}

function layoutText(layout: Layout): string {
  return layout.pages.flatMap((p) => p.lines.map((l) => l.text)).join('');
}

/** Where `model` stops being a subsequence of `layout` (whitespace ignored), or -1 when it is one. */
function firstOutOfOrder(model: string, layout: string): number {
  const have = [...squeeze(layout)];
  const want = [...squeeze(model)];
  let j = 0;
  for (let i = 0; i < want.length; i++) {
    while (j < have.length && have[j] !== want[i]) j++;
    if (j === have.length) return i;
    j++;
  }
  return -1;
}

function hasTable(issue: Issue): boolean {
  const any = (bs: Block[]): boolean =>
    bs.some((b) => b.type === 'table' || (b.type === 'list' && b.items.some((i) => any(i.blocks))) || (b.type === 'quote' && any(b.blocks)));
  return issue.articles.some((a) => any(a.blocks));
}

/** Characters of `model` missing from `layout` (counted with multiplicity). */
function lostCharacters(model: string, layout: string): string[] {
  const have = new Map<string, number>();
  for (const ch of squeeze(layout)) have.set(ch, (have.get(ch) ?? 0) + 1);
  const lost: string[] = [];
  for (const ch of squeeze(model)) {
    const n = have.get(ch) ?? 0;
    if (n === 0) lost.push(ch);
    else have.set(ch, n - 1);
  }
  return lost;
}

function codePoints(chars: string[]): string {
  return [...new Set(chars)].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}${/\p{L}|\p{N}|\p{P}|\p{S}/u.test(c) ? ` ${c}` : ''}`).join(', ');
}

type Outcome = { kind: 'input-error'; codes: string[]; messages: string[] } | { kind: 'typeset'; pages: number };

/** Write `files` as the project in `root` and read and typeset the issue. Throws anything but InputError. */
function prepare(root: string, files: Record<string, string>): Outcome {
  rmSync(path.join(root, 'issues'), { recursive: true, force: true });
  rmSync(path.join(root, 'bulletin.config.yaml'), { force: true });
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  try {
    const project = loadProjectOrThrow(root);
    const prepared = prepareIssue(project, '2024-09', { cwd: root });
    const model = modelText(prepared.issue);
    const laidOut = layoutText(prepared.layout);
    const lost = lostCharacters(model, laidOut);
    if (lost.length > 0) throw new Error(`characters lost between the model and the layout: ${codePoints(lost)}`);
    // Tables are laid out row by row across cells, so only text outside them is checked for order.
    const at = hasTable(prepared.issue) ? -1 : firstOutOfOrder(model, laidOut);
    if (at >= 0) {
      const want = [...squeeze(model)];
      throw new Error(`the layout's text is out of reading order at "${want.slice(Math.max(0, at - 10), at).join('')}[${want[at]}]${want.slice(at + 1, at + 10).join('')}"`);
    }
    return { kind: 'typeset', pages: prepared.layout.pages.length };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const errors = err.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) throw new Error('an InputError without an error');
    for (const d of err.diagnostics) {
      if (!isMessageCode(d.code)) throw new Error(`unknown message code ${d.code}`);
      if (d.line !== undefined && !(d.line >= 1)) throw new Error(`bad line ${d.line} in ${JSON.stringify(d)}`);
      if (d.col !== undefined && !(d.col >= 1)) throw new Error(`bad column ${d.col} in ${JSON.stringify(d)}`);
      for (const lang of ['en', 'zh'] as const) {
        const text = message(d.code, d.params, lang);
        if (/\bundefined\b|\bNaN\b|\[object Object\]/.test(text)) throw new Error(`message with a placeholder: ${text}`);
      }
    }
    const messages = errors.map((d) => `${d.file ? path.relative(root, d.file) : ''}:${d.line}:${d.col}: ${message(d.code, d.params, 'en')}`);
    return { kind: 'input-error', codes: errors.map((d) => d.code), messages };
  }
}

function articleFiles(articles: string[]): Record<string, string> {
  return Object.fromEntries(articles.map((a, i) => [`issues/2024-09/${String(i + 1).padStart(2, '0')}.md`, a]));
}

/** What the cases of one property came to: how many of each outcome, and the error codes reported. */
class Tally {
  readonly outcomes = { 'input-error': 0, typeset: 0 };
  readonly codes: Record<string, number> = {};

  add(o: Outcome): void {
    this.outcomes[o.kind]++;
    if (o.kind === 'input-error') for (const c of o.codes) this.codes[c] = (this.codes[c] ?? 0) + 1;
  }

  toString(): string {
    return `outcomes ${JSON.stringify(this.outcomes)}; errors by code ${JSON.stringify(this.codes)}`;
  }
}

/** Check `property` on RUNS cases, every one of them (no time limit). */
function check<Ts extends [unknown]>(property: fc.IRawProperty<Ts>): void {
  fc.assert(property, { seed: SEED, numRuns: RUNS, verbose: 1 });
}

/** The generators of a property reach both the typesetter and the error paths. */
function expectBothOutcomes(tally: Tally): void {
  console.log(`${expect.getState().currentTestName}: ${tally}`);
  expect(tally.outcomes.typeset, `${tally}`).toBeGreaterThan(0);
  expect(tally.outcomes['input-error'], `${tally}`).toBeGreaterThan(0);
}

describe(`fuzzing reading and typesetting (${RUNS} runs per property, seed ${SEED})`, () => {
  const root = realTempDir('bulletin-fuzz-');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('random article bodies (Markdown, CJK, any Unicode)', () => {
    const tally = new Tally();
    check(
      fc.property(body, (b) => {
        tally.add(prepare(root, { 'issues/2024-09/issue.yaml': ISSUE_YAML, 'issues/2024-09/01.md': `---\ntitle: 标题\n---\n\n${b}\n` }));
      }),
    );
    expectBothOutcomes(tally);
  }, PROPERTY_MS);

  it('random front-matter and articles (YAML well-formed or not, BOM, CRLF)', () => {
    const tally = new Tally();
    check(
      fc.property(fc.array(article, { minLength: 1, maxLength: 3 }), (articles) => {
        tally.add(prepare(root, { 'issues/2024-09/issue.yaml': ISSUE_YAML, ...articleFiles(articles) }));
      }),
    );
    expectBothOutcomes(tally);
  }, PROPERTY_MS);

  it('random issue.yaml additions and several articles', () => {
    const tally = new Tally();
    check(
      fc.property(issueCase, ({ articles, extras }) => {
        tally.add(prepare(root, { 'issues/2024-09/issue.yaml': `${ISSUE_YAML}${extras.join('\n')}\n`, ...articleFiles(articles) }));
      }),
    );
    expectBothOutcomes(tally);
  }, PROPERTY_MS);

  it('random text in every text field typesets with no character lost', () => {
    // Well-formed YAML and plain paragraphs only: these must all typeset.
    const field = plainText.filter((s) => s.trim() !== '' && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u2028\uFEFF\r]/.test(s));
    const tally = new Tally();
    check(
      fc.property(fc.record({ org: field, title: field, editor: field, art: field, para: field, label: fc.constantFrom('报', '送'), dist: field }), (v) => {
        const issueYaml = `organization: ${JSON.stringify(v.org)}\ntitle: ${JSON.stringify(v.title)}\neditor: ${JSON.stringify(v.editor)}\ndate: 2024-09-30\ndistribution:\n  ${v.label}: ${JSON.stringify(v.dist)}\n`;
        const para = v.para.replace(/[\\`*_[\]<>#&|~!-]/g, '').trim();
        const o = prepare(root, { 'issues/2024-09/issue.yaml': issueYaml, 'issues/2024-09/01.md': `---\ntitle: ${JSON.stringify(v.art)}\n---\n\n${para.trim() === '' ? '正文' : para}\n` });
        // A 报头 text too wide even at the template's minimum size is the one
        // refusal allowed, at the line of that text (organization 1, title 2, editor 3).
        const refusals = o.kind === 'typeset' ? [] : o.messages.filter((m) => !/^issues\/2024-09\/issue\.yaml:[123]:\d+: .*too long for the masthead/.test(m));
        expect(refusals).toEqual([]);
        tally.add(o);
      }),
    );
    // Most cases typeset: the masthead refusal is the exception.
    console.log(`${expect.getState().currentTestName}: ${tally}`);
    expect(tally.outcomes.typeset, `${tally}`).toBeGreaterThan(tally.outcomes['input-error']);
  }, PROPERTY_MS);
});
