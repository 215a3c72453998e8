// PDF/A (README, "PDF/A 与标签 / PDF/A and tagging"): --pdfa 1b validated by
// PDFBox Preflight for the sample issue, the rich fixture and an issue whose
// title holds & < > "; --pdfa 2b checked with qpdf and pdffonts (no offline
// validator for part 2): its identification, output intent, fonts, no
// encryption, no JavaScript, and Preflight's part-1 checks that hold for part
// 2. The document information and the XMP say the same; the bytes are the
// same whatever the time zone and the locale.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletin } from '../../helpers/cli.js';
import { pdfFonts, pdfInfo, pdfText } from '../../helpers/pdf.js';
import { havePreflight, PdfObjects, pdfString, preflight } from '../../helpers/pdfObjects.js';
import { copySampleProject, MINIMAL, REPO_ROOT, tempDir, writeProject } from '../../helpers/project.js';

const IN_CI = Boolean(process.env.CI);
const PREFLIGHT = havePreflight();

describe('PDFBox Preflight', () => {
  it.runIf(IN_CI)('is installed in CI (libpdfbox2-java, default-jre-headless)', () => {
    expect(PREFLIGHT).toBe(true);
  });
});

/** The rich fixture, less its CMYK JPEG (PDF/A refuses it: see the test of pdfa.cmykImage below). */
function richWithoutCmyk(): string {
  const root = tempDir();
  cpSync(path.join(REPO_ROOT, 'tests/fixtures/rich'), root, { recursive: true });
  const md = path.join(root, 'issues/rich/04-images.md');
  writeFileSync(md, readFileSync(md, 'utf8').replace(/^!\[[^\]]*\]\(images\/cmyk-adobe\.jpg\)\n/m, ''));
  return root;
}

/** The sample project set in the other built-in template. */
function sampleInGbt9704(): string {
  const root = copySampleProject();
  const config = path.join(root, 'bulletin.config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^template: jianbao$/m, 'template: gbt9704'));
  return root;
}

const AWKWARD_TITLE = 'A&B <简报> "测试" & 5 < 6';

/** MINIMAL with a title of XML's special characters, and a draft article (the 草稿 watermark). */
function awkwardTitle(): string {
  return writeProject({
    ...MINIMAL,
    'issues/2024-09/issue.yaml': MINIMAL['issues/2024-09/issue.yaml'].replace('title: 党建、文明创建工作简报', `title: '${AWKWARD_TITLE}'`),
    'issues/2024-09/02-draft.md': '---\ntitle: 草稿文章\ndraft: true\n---\n\n还在修改的一篇。\n',
  });
}

/** Build `issue` of the project at `root` as PDF with `args`; the PDF's path. */
function buildPdf(root: string, issue: string, args: string[], env: Record<string, string> = {}): string {
  const out = path.join(root, `out-${args.join('').replace(/\W/g, '') || 'plain'}`);
  const r = bulletin(root, ['build', issue, '--format', 'pdf', '--out', out, ...args], env);
  expect(r.status, r.stderr).toBe(0);
  return path.join(out, `${issue}.pdf`);
}

const cases = [
  { name: 'the sample issue', project: copySampleProject, issue: '2024-08', args: [] as string[] },
  { name: 'the sample issue in the gbt9704 template', project: sampleInGbt9704, issue: '2024-08', args: [] },
  { name: 'the rich fixture', project: richWithoutCmyk, issue: 'rich', args: [] },
  { name: 'an issue titled & < > ", with the 草稿 watermark', project: awkwardTitle, issue: '2024-09', args: ['--drafts'] },
];

describe.each(cases)('PDF/A of $name', ({ project, issue, args }) => {
  let root: string;
  let a1b: string;
  let a2b: string;
  beforeAll(() => {
    root = project();
    a1b = buildPdf(root, issue, [...args, '--pdfa', '1b']);
    a2b = buildPdf(root, issue, [...args, '--pdfa']);
  });

  it.runIf(PREFLIGHT)('--pdfa 1b: Preflight reports no error', () => {
    const r = preflight(a1b);
    expect(r.errors, r.output).toEqual([]);
    expect(r.valid, r.output).toBe(true);
  });

  it.runIf(PREFLIGHT)('--pdfa (2b): Preflight finds nothing but what part 1 forbids and part 2 allows', () => {
    const r = preflight(a2b);
    // 7.11.2: the XMP says part 2; 2.2.2: soft masks (PNG alpha), which part 2 allows.
    const part1Only = new Set(['7.11.2', '2.2.2']);
    expect(r.errors.filter((e) => !part1Only.has(e.code)), r.output).toEqual([]);
    expect(r.errors.some((e) => e.code === '7.11.2'), r.output).toBe(true);
  });

  it('--pdfa 1b and 2b: identification, output intent, version, fonts, no encryption, no JavaScript', () => {
    for (const [file, part, version] of [
      [a1b, '1', '1.4'],
      [a2b, '2', '1.7'],
    ] as const) {
      // qpdf finds the file sound: no damage, no warning (it exits 0 only then).
      expect(spawnSync('qpdf', ['--check', file], { encoding: 'utf8' }).status).toBe(0);
      const pdf = new PdfObjects(file);
      const xmp = xmpOf(pdf);
      expect(text(xmp, 'pdfaid:part')).toBe(part);
      expect(text(xmp, 'pdfaid:conformance')).toBe('B');
      expect(readFileSync(file).subarray(0, 8).toString('latin1')).toBe(`%PDF-${version}`);
      const intents = pdf.catalog['/OutputIntents'] as string[];
      expect(intents).toHaveLength(1);
      const intent = pdf.dict(intents[0]);
      expect(intent['/S']).toBe('/GTS_PDFA1');
      expect(pdfString(intent['/OutputConditionIdentifier'])).toMatch(/sRGB/);
      const profile = pdf.data(intent['/DestOutputProfile']);
      expect(pdf.dict(intent['/DestOutputProfile'])['/N']).toBe(3);
      // An ICC profile: its size in the header, 'acsp' at 36, RGB data colour space, XYZ connection space.
      expect(profile.readUInt32BE(0)).toBe(profile.length);
      expect(profile.subarray(36, 40).toString('latin1')).toBe('acsp');
      expect(profile.subarray(16, 20).toString('latin1')).toBe('RGB ');
      expect(pdf.trailer['/Encrypt']).toBeUndefined();
      const keys = pdf.allKeys();
      for (const k of ['/JavaScript', '/JS', '/AA', '/OpenAction', '/EmbeddedFiles', '/Launch']) expect(keys.has(k), k).toBe(false);
      if (part === '1') expect(keys.has('/SMask')).toBe(false);
      const fonts = pdfFonts(file);
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) expect(f, f.name).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(pdfInfo(file).Encrypted).toBe('no');
    }
  });

  it('Info and XMP agree: title, author, subject, keywords, dates, producer with its version', () => {
    const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const file of [a1b, a2b]) {
      const pdf = new PdfObjects(file);
      const info = pdf.dict(pdf.trailer['/Info']);
      const xmp = xmpOf(pdf);
      const infoText = (k: string) => pdfString(info[k]);
      expect(infoText('/Title')).toBe(text(xmp, 'dc:title'));
      expect(infoText('/Author')).toBe(text(xmp, 'dc:creator'));
      expect(infoText('/Subject')).toBe(text(xmp, 'dc:description'));
      expect(infoText('/Keywords')).toBe(text(xmp, 'pdf:Keywords'));
      expect(infoText('/Keywords')).toBe(items(xmp, 'dc:subject').join('; '));
      expect(infoText('/Producer')).toBe(`bulletin ${version}`);
      expect(text(xmp, 'pdf:Producer')).toBe(`bulletin ${version}`);
      expect(text(xmp, 'xmp:CreatorTool')).toBe(infoText('/Creator'));
      expect(infoText('/CreationDate')).toBe(infoText('/ModDate'));
      expect(xmpToPdfDate(text(xmp, 'xmp:CreateDate'))).toBe(infoText('/CreationDate'));
      expect(xmpToPdfDate(text(xmp, 'xmp:ModifyDate'))).toBe(infoText('/ModDate'));
      expect(pdfString(pdf.catalog['/Lang'])).toBe('zh-CN');
    }
  });
});

describe('the metadata of an issue titled & < > "', () => {
  it('holds the title as written, in the XMP (well-formed) and the document information', () => {
    const root = awkwardTitle();
    const file = buildPdf(root, '2024-09', ['--drafts', '--pdfa', '1b']);
    const pdf = new PdfObjects(file);
    const xmp = xmpOf(pdf);
    expect(text(xmp, 'dc:title')).toContain(AWKWARD_TITLE);
    expect(pdfString(pdf.dict(pdf.trailer['/Info'])['/Title'])).toContain(AWKWARD_TITLE);
    expect(pdfInfo(file).Title).toContain(AWKWARD_TITLE);
    // The draft's watermark is drawn under PDF/A-1b too (Preflight passes it above), as an artifact.
    expect(pdfText(file)).toContain('草稿');
    expect(new PdfObjects(file).pageContents().every((c) => c.includes('/Artifact <</Type /Pagination/Subtype /Watermark>> BDC'))).toBe(true);
  });
});

describe('PDF/A levels 2u and 2a', () => {
  it('say their conformance in the XMP', () => {
    const root = copySampleProject();
    for (const level of ['2u', '2a']) {
      const xmp = xmpOf(new PdfObjects(buildPdf(root, '2024-08', ['--pdfa', level])));
      expect(text(xmp, 'pdfaid:part')).toBe('2');
      expect(text(xmp, 'pdfaid:conformance')).toBe(level[1]!.toUpperCase());
    }
  });
});

describe('--pdfa on the command line', () => {
  it('takes an issue after the bare flag for the issue (2b), and refuses a level it does not know (exit 2, nothing written)', () => {
    const root = copySampleProject();
    const out = path.join(root, 'out-flag');
    const r = bulletin(root, ['build', '--format', 'pdf', '--out', out, '--pdfa', '2024-08']);
    expect(r.status, r.stderr).toBe(0);
    const xmp = xmpOf(new PdfObjects(path.join(out, '2024-08.pdf')));
    expect([text(xmp, 'pdfaid:part'), text(xmp, 'pdfaid:conformance')]).toEqual(['2', 'B']);
    const bad = bulletin(root, ['build', '2024-08', '--format', 'pdf', '--out', path.join(root, 'out-bad'), '--pdfa', '3x'], { LANG: 'en_US.UTF-8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--pdfa takes 1b, 2b, 2u or 2a');
    expect(existsSync(path.join(root, 'out-bad'))).toBe(false);
  });

  it('pdfa: in bulletin.config.yaml makes every PDF PDF/A; --pdfa overrides it', () => {
    const root = copySampleProject();
    const config = path.join(root, 'bulletin.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}\npdfa: 1b\n`);
    const fromConfig = xmpOf(new PdfObjects(buildPdf(root, '2024-08', [])));
    expect(text(fromConfig, 'pdfaid:part')).toBe('1');
    const overridden = xmpOf(new PdfObjects(buildPdf(root, '2024-08', ['--pdfa', '2u'])));
    expect([text(overridden, 'pdfaid:part'), text(overridden, 'pdfaid:conformance')]).toEqual(['2', 'U']);
  });

  it('pdfa: in a template makes its PDFs PDF/A; the config overrides it', () => {
    const root = copySampleProject();
    mkdirSync(path.join(root, 'templates'), { recursive: true });
    writeFileSync(path.join(root, 'templates/archive.yaml'), 'extends: jianbao\npdfa: 2a\n');
    const config = path.join(root, 'bulletin.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^template: jianbao$/m, 'template: archive'));
    const fromTemplate = xmpOf(new PdfObjects(buildPdf(root, '2024-08', [])));
    expect([text(fromTemplate, 'pdfaid:part'), text(fromTemplate, 'pdfaid:conformance')]).toEqual(['2', 'A']);
    writeFileSync(config, `${readFileSync(config, 'utf8')}\npdfa: false\n`);
    const plain = new PdfObjects(buildPdf(root, '2024-08', ['--format', 'pdf']));
    expect(plain.catalog['/OutputIntents']).toBeUndefined();
  });
});

describe('what PDF/A cannot hold', () => {
  it('a CMYK JPEG is an input error at the line that names it, and nothing is written', () => {
    const root = tempDir();
    cpSync(path.join(REPO_ROOT, 'tests/fixtures/rich'), root, { recursive: true });
    const out = path.join(root, 'out-a');
    const r = bulletin(root, ['build', 'rich', '--format', 'pdf', '--pdfa', '--out', out], { LANG: 'en_US.UTF-8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/issues[/\\]rich[/\\]04-images\.md:10:1: error: .*cmyk-adobe\.jpg.* CMYK JPEG, which PDF\/A/);
    expect(existsSync(path.join(out, 'rich.pdf'))).toBe(false);
  });
});

describe('reproducible bytes', () => {
  it('--pdfa 1b: the same file in every time zone and locale, and with the issue date', () => {
    const root = copySampleProject();
    const a = readFileSync(buildPdf(root, '2024-08', ['--pdfa', '1b'], { TZ: 'UTC', LC_ALL: 'C' }));
    const b = readFileSync(buildPdf(root, '2024-08', ['--pdfa', '1b'], { TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' }));
    const c = readFileSync(buildPdf(root, '2024-08', ['--pdfa', '1b'], { TZ: 'America/Los_Angeles', LANG: 'en_US.UTF-8' }));
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(true);
    const info = pdfInfo(buildPdf(root, '2024-08', ['--pdfa', '1b']), '-isodates');
    expect(info.CreationDate).toBe('2024-08-26T00:00:00Z');
  });
});

// --- the XMP packet, read with an XML parser that is not ours -------------------------------

function xmpOf(pdf: PdfObjects): Document {
  const meta = pdf.catalog['/Metadata'];
  const xml = pdf.data(meta).toString('utf8');
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return doc;
}

function element(doc: Document, tag: string): Element {
  const el = doc.getElementsByTagName(tag)[0];
  if (!el) throw new Error(`no <${tag}> in the XMP`);
  return el;
}

/** The text of an element, or of the first rdf:li inside it. */
function text(doc: Document, tag: string): string {
  const el = element(doc, tag);
  const li = el.getElementsByTagName('rdf:li')[0];
  return (li ?? el).textContent ?? '';
}

function items(doc: Document, tag: string): string[] {
  return Array.from(element(doc, tag).getElementsByTagName('rdf:li'), (li) => li.textContent ?? '');
}

/** 2024-08-26T00:00:00+00:00 → D:20240826000000+00'00'. */
function xmpToPdfDate(d: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\+00:00$/.exec(d);
  if (!m) throw new Error(`not an XMP date in UTC: ${d}`);
  return `D:${m.slice(1).join('')}+00'00'`;
}
