// Property: text drawn from the whole Unicode range — noncharacters, C0 and C1
// controls, lone surrogates, private use, combining marks, astral characters,
// bidi and zero-width controls — in an article's body, its title (front
// matter: raw, or as YAML double-quoted escapes such as "\uD800") and
// issue.yaml's strings either builds outputs that are all well-formed (every
// XML part of the DOCX, the OFD and the SVG pages parses as XML 1.0 with
// xmllint; the PDF passes `qpdf --check`), with the same text in the PDF and
// the DOCX, or is refused with errors at file:line:col and no output written
// (README “不可见字符”: controls are removed with a warning, noncharacters and
// lone surrogates refused). Never another exception.
//
// FUZZ_RUNS sets the number of builds (default 25, several strings each);
// FUZZ_SEED the seed (default fixed):
//   FUZZ_RUNS=300 FUZZ_SEED=7 npx vitest run tests/reliability/outputsWellFormed.test.ts
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIssue, type BuildResult } from '../../src/build.js';
import { InputError, type Diagnostic } from '../../src/diagnostics.js';
import { message } from '../../src/messages.js';
import { pdfText, squeeze } from '../helpers/pdf.js';
import { loadProjectOrThrow, MINIMAL } from '../helpers/project.js';
import { decode } from '../helpers/xml.js';
import { listFiles, messageProblems, realTempDir } from './helpers.js';

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 25));
const SEED = Number(process.env.FUZZ_SEED ?? 20241204);
/** A hang guard, not a speed limit. */
const PROPERTY_MS = Math.max(120_000, RUNS * 6_000);

// ---------------------------------------------------------------- generators

const range = (min: number, max: number) => fc.integer({ min, max });

/** Code points of every kind, the rare kinds weighted up. */
const CLASSES = {
  any: range(0, 0x10ffff),
  bmp: range(0, 0xffff),
  ascii: range(0x20, 0x7e),
  cjk: range(0x4e00, 0x9fa5),
  c0: fc.oneof(range(0, 0x1f), fc.constant(0x7f)),
  c1: range(0x80, 0x9f),
  nonchar: fc.oneof(range(0xfdd0, 0xfdef), range(0, 16).chain((plane) => fc.constantFrom(plane * 0x10000 + 0xfffe, plane * 0x10000 + 0xffff))),
  surrogate: range(0xd800, 0xdfff),
  privateUse: fc.oneof(range(0xe000, 0xf8ff), range(0xf0000, 0xffffd), range(0x100000, 0x10fffd)),
  combining: fc.oneof(range(0x300, 0x36f), range(0x1ab0, 0x1aff), range(0x20d0, 0x20ff), range(0xfe20, 0xfe2f), range(0x1dc0, 0x1dff)),
  astral: fc.oneof(range(0x1f300, 0x1faff), range(0x20000, 0x2a6df), range(0x10000, 0x1ffff), range(0xe0000, 0xe01ef)),
  bidi: fc.constantFrom(0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069),
  invisible: fc.constantFrom(0x00ad, 0x034f, 0x180e, 0x200b, 0x200c, 0x200d, 0x2028, 0x2029, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0xfe0f, 0xfff9, 0xfffa, 0xfffb, 0xfffc, 0xfffd),
  rtl: fc.oneof(range(0x0590, 0x05ff), range(0x0600, 0x06ff)),
} as const;

/** A noncharacter or a surrogate: what a build refuses. */
function refused(cp: number): boolean {
  return (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}

function codePoint(allowRefused: boolean): fc.Arbitrary<number> {
  const w = (weight: number, arbitrary: fc.Arbitrary<number>) => ({ weight, arbitrary });
  const all = fc.oneof(
    w(4, CLASSES.any), w(3, CLASSES.bmp), w(3, CLASSES.ascii), w(4, CLASSES.cjk), w(2, CLASSES.c0), w(2, CLASSES.c1),
    w(1, CLASSES.nonchar), w(1, CLASSES.surrogate), w(2, CLASSES.privateUse), w(2, CLASSES.combining), w(2, CLASSES.astral),
    w(2, CLASSES.bidi), w(2, CLASSES.invisible), w(1, CLASSES.rtl),
  );
  return allowRefused ? all : all.filter((cp) => !refused(cp));
}

/** A string of code points (a surrogate's code point is a lone surrogate in the JS string). */
const text = (allowRefused: boolean, maxLength: number) =>
  fc.array(codePoint(allowRefused), { minLength: 1, maxLength }).map((cps) => cps.map((cp) => String.fromCodePoint(cp)).join(''));

/** How a string goes into YAML: raw in a double-quoted scalar, as escapes only, or as a plain scalar. */
type YamlForm = 'raw' | 'escaped' | 'plain';
const yamlForm = fc.constantFrom<YamlForm>('raw', 'escaped', 'escaped', 'plain');

/** YAML 1.2 double-quoted escapes for every character but ASCII letters and digits. */
function yamlEscaped(s: string, variant: number): string {
  const named: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 0x0a: '\\n', 0x0b: '\\v', 0x0c: '\\f', 0x0d: '\\r', 0x1b: '\\e', 0x85: '\\N', 0xa0: '\\_', 0x2028: '\\L', 0x2029: '\\P' };
  let out = '';
  let i = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const v = (variant + i++) % 3;
    if (/[A-Za-z0-9]/.test(ch)) out += ch;
    else if (v === 0 && named[cp] !== undefined) out += named[cp];
    else if (v === 1 && cp < 0x100) out += `\\x${hex(cp, 2)}`;
    else if (v === 2) out += `\\U${hex(cp, 8)}`;
    else out += utf16Escapes(ch);
  }
  return `"${out}"`;
}

function utf16Escapes(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${hex(ch.charCodeAt(i), 4)}`;
  return out;
}

function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, '0');
}

function yamlScalar(s: string, form: YamlForm, variant: number): string {
  if (form === 'escaped') return yamlEscaped(s, variant);
  if (form === 'raw') return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  return s;
}

/** Markdown around a generated text: the block or inline it goes into. */
const MARKDOWN: ReadonlyMap<string, (s: string, lone: boolean) => string> = new Map([
  ['paragraph', (s: string, lone: boolean) => (lone ? s : `正文${s}。`)],
  ['heading', (s: string, lone: boolean) => `## ${lone ? '' : '小标题'}${s}`],
  ['subheading', (s: string, lone: boolean) => `### ${lone ? '' : '小标题'}${s}`],
  ['bullet', (s: string, lone: boolean) => `- ${lone ? '' : '一项'}${s}\n- 二项`],
  ['ordered', (s: string, lone: boolean) => `1. ${lone ? '' : '一项'}${s}`],
  ['quote', (s: string, lone: boolean) => `> ${lone ? '' : '引文'}${s}`],
  ['strong', (s: string, lone: boolean) => (lone ? `**${s}**` : `正文**重点${s}**后文`)],
  ['emphasis', (s: string, lone: boolean) => (lone ? `*${s}*` : `正文*强调${s}*后文`)],
  ['break', (s: string, lone: boolean) => (lone ? `${s}\\\n${s}` : `前行${s}\\\n后行`)],
  ['table', (s: string, lone: boolean) => `| 甲栏 | 乙栏 |\n| --- | --- |\n| ${lone ? '' : '表格'}${s} | 二 |`],
]);

const caseArb = fc.boolean().chain((dirty) => {
  const allowRefused = dirty;
  return fc.record({
    dirty: fc.constant(dirty),
    paragraphs: fc.array(text(allowRefused, 24), { minLength: 1, maxLength: 4 }),
    blocks: fc.array(fc.constantFrom(...MARKDOWN.keys()), { minLength: 4, maxLength: 4 }),
    /** Which texts stand alone, without the words around them (they may be nothing once controls are removed). */
    lone: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    title: text(allowRefused, 10),
    titleForm: yamlForm,
    issueTitle: text(allowRefused, 4),
    editor: text(allowRefused, 6),
    editorForm: yamlForm,
    recipients: fc.array(text(allowRefused, 8), { minLength: 1, maxLength: 3 }),
    recipientForm: yamlForm,
    variant: fc.nat(2),
    crlf: fc.boolean(),
  });
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

/** The files of a case as text (a lone surrogate is written as the three bytes UTF-8 does not allow: see wtf8). */
function filesOf(c: Case): Record<string, string> {
  const eol = (s: string) => (c.crlf ? s.replace(/\n/g, '\r\n') : s);
  const issueYaml =
    `organization: 上海市邮政快递行业\ntitle: ${yamlScalar(`${c.lone[6] ? '' : '工作简报'}${c.issueTitle}`, c.editorForm, c.variant + 2)}\n` +
    `editor: ${yamlScalar(`${c.lone[4] ? '' : '编辑部'}${c.editor}`, c.editorForm, c.variant)}\ndate: 2024-09-30\n` +
    `distribution:\n  报: [${c.recipients.map((r) => yamlScalar(r, c.recipientForm === 'plain' ? 'raw' : c.recipientForm, c.variant + 1)).join(', ')}]\n  送: ${yamlScalar(`${c.lone[5] ? '' : '各处'}${c.recipients[0]}`, c.recipientForm, c.variant)}\n`;
  const article = `---\ntitle: ${yamlScalar(c.title, c.titleForm, c.variant)}\n---\n\n${c.paragraphs.map((p, i) => MARKDOWN.get(c.blocks[i]!)!(p, c.lone[i]!)).join('\n\n')}\n`;
  return {
    'issues/2024-09/issue.yaml': eol(issueYaml),
    'issues/2024-09/01.md': eol(article),
    'issues/2024-09/02.md': eol(MINIMAL['issues/2024-09/01-a.md']),
  };
}

/** UTF-8, but a lone surrogate as its own three bytes (what Node would make U+FFFD). */
function wtf8(s: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(bytes);
}

// ------------------------------------------------------------------ checking

/** xmllint's complaints about the XML files (empty: all well-formed). */
function xmlProblems(files: string[]): string {
  if (files.length === 0) return '';
  const r = spawnSync('xmllint', ['--noout', '--nonet', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return r.status === 0 && r.stderr.trim() === '' ? '' : `xmllint exit ${r.status}:\n${r.stderr.slice(0, 4000)}`;
}

/** The XML parts of a ZIP package (DOCX, OFD), written out under `dir`; their paths. */
function xmlPartsOf(zip: string, dir: string): string[] {
  const parts = unzipSync(new Uint8Array(readFileSync(zip)));
  const out: string[] = [];
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const file = path.join(dir, ...name.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
    out.push(file);
  }
  return out;
}

function qpdfProblems(pdf: string): string {
  const r = spawnSync('qpdf', ['--check', pdf], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ok = r.status === 0 && /No syntax or stream encoding errors found/.test(r.stdout) && !/WARNING|error/i.test(r.stderr);
  return ok ? '' : `qpdf --check exit ${r.status}:\n${r.stdout.slice(0, 2000)}\n${r.stderr.slice(0, 2000)}`;
}

/** The text of the DOCX's body, headers and footers. */
function docxText(docx: string): string {
  const parts = unzipSync(new Uint8Array(readFileSync(docx)));
  let out = '';
  for (const [name, data] of Object.entries(parts)) {
    if (!/^word\/(document|header\d*|footer\d*)\.xml$/.test(name)) continue;
    const xml = new TextDecoder().decode(data);
    for (const m of xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)) out += decode(m[1]!);
    out += '\n';
  }
  return out;
}

/** The text of the OFD's pages (ofd:TextCode) or of SVG pages (text), from their XML files. */
function xmlText(files: string[], element: RegExp): string {
  let out = '';
  for (const f of files) {
    for (const m of readFileSync(f, 'utf8').matchAll(element)) out += decode(m[1]!);
    out += '\n';
  }
  return out;
}

function counts(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of squeeze(s)) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

function name(ch: string): string {
  return [...ch].map((c) => `U+${hex(c.codePointAt(0)!, 4)}`).join(' ');
}

/** The removed controls: C0 but tab and line ends, DEL, C1. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/**
 * pdftotext wraps a right-to-left run in RLE … PDF (U+202B … U+202C) of its
 * own: the PDF's count of these can only be at least the DOCX's.
 */
const POPPLER_BIDI = new Set(['\u202B', '\u202C']);

type Outcome = 'built' | 'refused';

/** Error codes of the refusals, for the tally. */
const refusalCodes: Record<string, number> = {};

async function buildCase(root: string, c: Case, baseline: Set<string>): Promise<Outcome> {
  rmSync(path.join(root, 'issues'), { recursive: true, force: true });
  rmSync(path.join(root, 'out'), { recursive: true, force: true });
  rmSync(path.join(root, 'parts'), { recursive: true, force: true });
  const files = filesOf(c);
  for (const [rel, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), wtf8(data));
  }
  let result: BuildResult;
  try {
    result = await buildIssue(loadProjectOrThrow(root), '2024-09', { cwd: root, formats: ['pdf', 'docx', 'ofd', 'svg'] });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    checkRefusal(root, err.diagnostics, files);
    if (process.env.FUZZ_DEBUG && !c.dirty) console.log(JSON.stringify(c), JSON.stringify(err.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.line, d.col, d.params])));
    for (const d of err.diagnostics) if (d.severity === 'error') refusalCodes[d.code] = (refusalCodes[d.code] ?? 0) + 1;
    return 'refused';
  }
  checkOutputs(root, result, c, baseline);
  return 'built';
}

/**
 * Every error at file:line:col inside a file of the case, in words; nothing
 * written. A refused character is named where it stands: a lone surrogate
 * (not UTF-8 in the file) at the first one, a noncharacter at itself, or
 * one an escape makes at the start of its YAML scalar.
 */
function checkRefusal(root: string, diagnostics: Diagnostic[], files: Record<string, string>): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  expect(errors.length, JSON.stringify(diagnostics)).toBeGreaterThan(0);
  for (const d of errors) {
    const where = JSON.stringify(d);
    expect(d.file, where).toBeDefined();
    const rel = path.relative(root, d.file!).split(path.sep).join('/');
    expect(Object.keys(files), where).toContain(rel);
    const lines = files[rel]!.replace(/\r\n?/g, '\n').split('\n');
    expect(d.line, where).toBeGreaterThanOrEqual(1);
    expect(d.line, where).toBeLessThanOrEqual(lines.length);
    expect(d.col, where).toBeGreaterThanOrEqual(1);
    expect(d.col, where).toBeLessThanOrEqual(lines[d.line! - 1]!.length + 1);
    const line = lines[d.line! - 1]!;
    const at = line.slice(d.col! - 1);
    if (d.code === 'file.notUtf8') {
      const text = lines.join('\n');
      const first = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text)!;
      expect(first, where).not.toBeNull();
      expect(lines.slice(0, d.line! - 1).reduce((n, l) => n + l.length + 1, 0) + d.col! - 1, where).toBe(first.index);
    } else if (d.code === 'text.notCharacter') {
      const cp = at.codePointAt(0)!;
      expect(refused(cp) || at.startsWith('"'), `${where} at ${name(at.slice(0, 2))}`).toBe(true);
    }
    for (const lang of ['en', 'zh'] as const) expect(messageProblems(message(d.code, d.params, lang)), where).toEqual([]);
  }
  expect(listFiles(path.join(root, 'out'))).toEqual([]);
}

function checkOutputs(root: string, result: BuildResult, c: Case, baseline: Set<string>): void {
  const out = path.join(root, 'out');
  const pdf = path.join(out, '2024-09.pdf');
  const docx = path.join(out, '2024-09.docx');
  const ofd = path.join(out, '2024-09.ofd');
  const svgs = result.outputs.find((o) => o.format === 'svg')!.files!;
  expect(svgs.length).toBeGreaterThan(0);
  const xml = [...xmlPartsOf(docx, path.join(root, 'parts', 'docx')), ...xmlPartsOf(ofd, path.join(root, 'parts', 'ofd')), ...svgs];
  const pdfBytes = readFileSync(pdf).toString('latin1');
  const xmp = /<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/.exec(pdfBytes);
  expect(xmp, 'the PDF has an XMP packet').not.toBeNull();
  writeFileSync(path.join(root, 'parts', 'xmp.xml'), Buffer.from(xmp![0], 'latin1'));
  xml.push(path.join(root, 'parts', 'xmp.xml'));
  expect(xmlProblems(xml)).toBe('');
  expect(qpdfProblems(pdf)).toBe('');
  // Every output carries the same text: what the reader removed is in none.
  const texts = {
    PDF: counts(pdfText(pdf)),
    DOCX: counts(docxText(docx)),
    OFD: counts(xmlText(xml.filter((f) => /[\\/]Content\.xml$/.test(f)), /<ofd:TextCode\b[^>]*>([^<]*)<\/ofd:TextCode>/g)),
    SVG: counts(xmlText(svgs, /<text\b[^>]*>([^<]*)<\/text>/g)),
  };
  const input = [c.title, c.issueTitle, c.editor, ...c.paragraphs, ...c.recipients].join('');
  const removedWarned = result.diagnostics.some((d) => d.code === 'text.controlRemoved');
  if ([...input].some((ch) => CONTROL.test(ch))) expect(removedWarned, 'a control removed without a warning').toBe(true);
  const differences: string[] = [];
  for (const ch of new Set([...squeeze(input.normalize('NFC'))])) {
    if (baseline.has(ch)) continue;
    const n = Object.fromEntries(Object.entries(texts).map(([k, m]) => [k, m.get(ch) ?? 0]));
    const d = n.DOCX!;
    const agree = CONTROL.test(ch)
      ? Object.values(n).every((x) => x === 0)
      : n.OFD === d && n.SVG === d && (POPPLER_BIDI.has(ch) ? n.PDF! >= d : n.PDF === d);
    if (!agree) differences.push(`${name(ch)}: ${JSON.stringify(n)}`);
  }
  expect(differences).toEqual([]);
}

describe(`outputs are well-formed for text from the whole Unicode range (${RUNS} builds, seed ${SEED})`, () => {
  const root = realTempDir('bulletin-wellformed-');
  // FUZZ_KEEP=1 keeps the last case's project and outputs to look at.
  afterAll(() => (process.env.FUZZ_KEEP ? console.log(`kept ${root}`) : rmSync(root, { recursive: true, force: true })));
  writeFileSync(path.join(root, 'bulletin.config.yaml'), 'outDir: out\n');

  it('every output parses (xmllint, qpdf --check) with the same text in PDF and DOCX, or the input is refused at file:line:col with nothing written', async () => {
    // Characters the scaffolding itself puts in the outputs are not compared.
    const plain: Case = { dirty: false, paragraphs: ['甲'], blocks: ['paragraph'], lone: Array(8).fill(false), title: '乙', issueTitle: '戊', titleForm: 'raw', editor: '丙', editorForm: 'raw', recipients: ['丁'], recipientForm: 'raw', variant: 0, crlf: false };
    expect(await buildCase(root, plain, new Set())).toBe('built');
    // (The PDF and the DOCX hold all the fixed text between them.)
    const baseline = new Set([...counts(pdfText(path.join(root, 'out', '2024-09.pdf'))).keys(), ...counts(docxText(path.join(root, 'out', '2024-09.docx'))).keys()]);
    for (const ch of '甲乙丙丁戊') baseline.delete(ch);

    const tally: Record<string, number> = { built: 0, refused: 0, dirtyBuilt: 0 };
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const o = await buildCase(root, c, baseline);
        tally[o]!++;
        if (c.dirty && o === 'built') tally.dirtyBuilt!++;
      }),
      { seed: SEED, numRuns: RUNS, verbose: 1, endOnFailure: true },
    );
    console.log(`outputsWellFormed (${RUNS} builds, seed ${SEED}): ${JSON.stringify(tally)}; errors by code ${JSON.stringify(refusalCodes)}`);
    expect(tally.built).toBeGreaterThan(0);
    if (RUNS >= 10) expect(tally.refused).toBeGreaterThan(0);
  }, PROPERTY_MS);
});
