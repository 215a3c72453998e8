// The DOCX: its XML says what Word needs (named styles, fonts by role, no
// theme fonts, exact line spacing on the grid, mirrored margins, PAGE fields
// in odd and even footers, kinsoku lists), and LibreOffice lays it out like
// our PDF: same page count, the same body line breaks.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIssue, type BuildResult } from '../../../src/build.js';
import { Diagnostics } from '../../../src/diagnostics.js';
import { loadProject } from '../../../src/project/config.js';
import { loadTemplate } from '../../../src/template/loadTemplate.js';
import { docxParts, paragraphTexts } from '../../helpers/docx.js';
import { docxToPdf, fontconfigFor, latinOnlyFontconfig } from '../../helpers/libreoffice.js';
import { bodyLineTexts, commonLines } from '../../helpers/lineMatch.js';
import { pdfInfo, pdfText, squeeze } from '../../helpers/pdf.js';
import { copySampleProject } from '../../helpers/project.js';
import { seedBodyText } from '../../helpers/seed.js';
import { pdfPages } from '../../helpers/stext.js';

/** Build the sample issue with `template`, optionally overriding line-breaking settings in a project template. */
async function buildSample(template: string, lineBreaking?: string): Promise<{ root: string; result: BuildResult }> {
  const root = copySampleProject();
  const config = path.join(root, 'bulletin.config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^template: .*$/m, `template: ${template}`));
  if (lineBreaking) {
    mkdirSync(path.join(root, 'templates'), { recursive: true });
    writeFileSync(path.join(root, `templates/${template}.yaml`), `extends: ${template}\nlineBreaking:\n${lineBreaking}`);
  }
  const result = await buildIssue(loadProject(root, new Diagnostics()), '2024-08');
  return { root, result };
}

const file = (r: BuildResult, format: 'pdf' | 'docx') => r.outputs.find((o) => o.format === format)!.file;

describe('DOCX XML', () => {
  let parts: Record<string, string>;
  let styles: string;

  beforeAll(async () => {
    const { result } = await buildSample('jianbao');
    parts = docxParts(file(result, 'docx'));
    styles = parts['word/styles.xml']!;
  });

  it('has the named paragraph styles, and the document uses them', () => {
    const names = [...styles.matchAll(/<w:style w:type="paragraph"[^>]*w:styleId="([^"]+)"[^>]*>\s*<w:name w:val="([^"]+)"/g)].map((m) => m[2]);
    // 正文 is Word's built-in Normal (shown as 正文 in Chinese Word).
    for (const n of ['Normal', '文章标题', '报头机构', '报头名称', '期号', '编印日期', '一级标题', '二级标题', '三级标题', '图片说明', '编者按', '供稿', '报尾', '页码', '栏目']) {
      expect(names, n).toContain(n);
    }
    const doc = parts['word/document.xml']!;
    for (const id of ['Normal', 'ArticleTitle', 'MastheadOrganization', 'MastheadTitle', 'EditorDate', 'Distribution']) {
      expect(doc, id).toContain(`<w:pStyle w:val="${id}"/>`);
    }
  });

  it('sets fonts by role with Windows names, and no theme font anywhere', () => {
    const fontOf = (id: string) => new RegExp(`w:styleId="${id}"[\\s\\S]*?w:eastAsia="([^"]+)"`).exec(styles)?.[1];
    expect(fontOf('Normal')).toBe('仿宋_GB2312');
    expect(fontOf('ArticleTitle')).toBe('方正小标宋简体');
    expect(fontOf('Heading1')).toBe('黑体');
    expect(fontOf('Heading2')).toBe('楷体_GB2312');
    expect(fontOf('PageNumber')).toBe('宋体');
    for (const [name, xml] of Object.entries(parts)) {
      if (name.startsWith('word/theme/')) continue;
      expect(xml, name).not.toMatch(/w:(ascii|hAnsi|eastAsia|cs)Theme=/);
    }
    expect(parts['word/fontTable.xml']).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="FandolFang"\/>/);
  });

  it('gives the body exact 30 pt line spacing, a two-character indent, justification and kinsoku', () => {
    const normal = /<w:style [^>]*w:styleId="Normal"[^>]*>[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(normal).toContain('<w:spacing w:after="0" w:before="0" w:line="600" w:lineRule="exact"/>');
    expect(normal).toMatch(/<w:ind w:firstLine="640" w:firstLineChars="200"\/>/);
    expect(normal).toContain('<w:jc w:val="both"/>');
    expect(normal).toContain('<w:kinsoku w:val="1"/>');
    // docs/format.md §7: no space between Chinese and digits.
    expect(normal).toContain('<w:autoSpaceDE w:val="0"/>');
    expect(normal).toContain('<w:autoSpaceDN w:val="0"/>');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:lang w:val="en-US" w:eastAsia="zh-CN"/);
  });

  it('writes the kinsoku lists, mirrored margins, odd/even footers, punctuation compression and unstretched hard breaks in settings', () => {
    const settings = parts['word/settings.xml']!;
    const t = loadTemplate('jianbao', undefined, new Diagnostics())!;
    expect(settings).toContain('<w:mirrorMargins/>');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(settings).toContain('<w:characterSpacingControl w:val="compressPunctuation"/>');
    expect(settings).toContain(`<w:noLineBreaksBefore w:lang="zh-CN" w:val="${t.lineBreaking.noStart}"/>`);
    expect(settings).toContain(`<w:noLineBreaksAfter w:lang="zh-CN" w:val="${t.lineBreaking.noEnd}"/>`);
    // A line ended by a hard break is never stretched (LibreOffice reads this too).
    expect(settings).toContain('<w:compat><w:doNotExpandShiftReturn/>');
  });

  it('has the page of the template: A4, margins, text width of 26 characters', () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(parts['word/document.xml']!)![0];
    expect(sect).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const m = Object.fromEntries([...sect.matchAll(/w:(top|bottom|left|right)="(\d+)"/g)].map((x) => [x[1], Number(x[2])]));
    expect(m.top).toBe(1701);
    expect(m.left).toBe(1797);
    expect(11906 - m.left! - m.right!).toBeGreaterThanOrEqual(416 * 20);
    expect(11906 - m.left! - m.right!).toBeLessThan(416 * 20 + 10);
    expect(16838 - m.top! - m.bottom!).toBe(22 * 600);
  });

  it('numbers pages with PAGE fields in odd and even footers', () => {
    const footers = Object.entries(parts).filter(([n]) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers).toHaveLength(2);
    for (const [, xml] of footers) {
      expect(xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(paragraphTexts(xml).join('')).toMatch(/^— .*—$/);
    }
    expect(parts['word/document.xml']).toMatch(/<w:footerReference w:type="default"/);
    expect(parts['word/document.xml']).toMatch(/<w:footerReference w:type="even"/);
  });

  it('puts the masthead in real paragraphs over a red rule, and the 报尾 in a table of rules', () => {
    const doc = parts['word/document.xml']!;
    expect(doc).toMatch(/<w:trHeight w:val="\d+" w:hRule="exact"\/>/);
    expect(doc).toMatch(/<w:bottom w:val="single" w:color="E60012" w:sz="12"\/>/);
    const texts = paragraphTexts(doc);
    expect(texts.slice(0, 3)).toEqual(['上海市邮政快递行业', '党建、文明创建工作简报', '上海市邮政管理局党建办、文明办编\t2024 年 8 月 26 日']);
    expect(texts.some((t) => t.startsWith('报：国家邮政局精神文明建设指导委员会'))).toBe(true);
    expect(doc).toMatch(/<w:tblBorders><w:top w:val="single" w:color="000000" w:sz="8"\/>/);
  });
});

describe('the gbt9704 DOCX', () => {
  it('condenses characters to the 15.79 pt pitch: 28 fit in 156 mm', async () => {
    const { result } = await buildSample('gbt9704');
    const styles = docxParts(file(result, 'docx'))['word/styles.xml']!;
    const normal = /<w:style [^>]*w:styleId="Normal"[^>]*>[\s\S]*?<\/w:style>/.exec(styles)![0];
    // −5 twentieths of a point: 28 × 15.75 = 441 pt ≤ 442.2 pt, 29 do not fit.
    expect(normal).toContain('<w:spacing w:val="-5"/>');
    expect(normal).toContain('w:line="579" w:lineRule="exact"');
  });
});

/**
 * LibreOffice draws a closing mark that hangs past the line end nowhere in
 * its PDF when the characters are condensed (gbt9704); the line still breaks
 * after it. Compare lines without such a final mark.
 */
const withoutHangingMark = (lines: string[]) => lines.map((l) => l.replace(/[，。、；：）》”’]$/u, ''));

describe.each([
  ['jianbao', 100],
  ['gbt9704', 95],
])('LibreOffice lays out the %s DOCX like the PDF', (template, minimum) => {
  // LibreOffice 7.4 cannot be told two things the default templates ask for
  // (docs/format.md §7): its DOCX import ignores w:autoSpaceDE/DN, so it always
  // puts about 0.24 em between Chinese and Latin or digits, and it ignores
  // w:characterSpacingControl, so it never compresses adjacent marks; and
  // it has no rule against a paragraph's last line holding one character. With the
  // template set to what LibreOffice does, every other decision must agree.
  const libreOfficeLike = '  latinSpace: 0.24\n  compressMarkPairs: false\n  noLoneLastCharacter: false\n';
  let ours: string;
  let theirs: string;

  beforeAll(async () => {
    const { result } = await buildSample(template, libreOfficeLike);
    ours = file(result, 'pdf');
    theirs = docxToPdf(file(result, 'docx'), fontconfigFor(loadTemplate(template, undefined, new Diagnostics())!));
  }, 180_000);

  it('with the same number of pages', () => {
    expect(Number(pdfInfo(theirs).Pages)).toBe(Number(pdfInfo(ours).Pages));
  });

  it(`with at least ${minimum} % of the body lines broken where the PDF breaks them`, () => {
    const a = withoutHangingMark(bodyLineTexts(pdfPages(ours)));
    const b = withoutHangingMark(bodyLineTexts(pdfPages(theirs)));
    expect(a.length).toBeGreaterThan(200);
    const share = (100 * commonLines(a, b)) / a.length;
    expect(share).toBeGreaterThanOrEqual(minimum);
  });

  it('with the masthead, every article and the 报尾, in order', () => {
    const text = squeeze(pdfText(theirs)).replace(/—\d+—/g, '');
    const masthead = '上海市邮政快递行业党建、文明创建工作简报上海市邮政管理局党建办、文明办编2024年8月26日';
    expect(text.startsWith(masthead)).toBe(true);
    // Every character of the seed in order (LibreOffice drops hanging marks from its text: allow those only).
    const seed = seedBodyText();
    let i = 0;
    let skipped = '';
    for (const ch of text.slice(masthead.length)) {
      while (i < seed.length && seed[i] !== ch && '，。、；：）》”’'.includes(seed[i]!)) skipped += seed[i++];
      if (seed[i] === ch) i++;
    }
    expect(i).toBe(seed.length);
    expect(skipped.length).toBeLessThan(30);
  });
});

describe('LibreOffice and the default templates', () => {
  it('keeps the page count and most line breaks even where it cannot follow docs/format.md §7', async () => {
    const { result } = await buildSample('jianbao');
    const theirs = docxToPdf(file(result, 'docx'), fontconfigFor(loadTemplate('jianbao', undefined, new Diagnostics())!));
    expect(Number(pdfInfo(theirs).Pages)).toBe(Number(pdfInfo(file(result, 'pdf')).Pages));
    const a = bodyLineTexts(pdfPages(file(result, 'pdf')));
    const b = bodyLineTexts(pdfPages(theirs));
    // Measured 71 % (175 of 246): the rest differ only by autospace and mark pairs (see above).
    expect((100 * commonLines(a, b)) / a.length).toBeGreaterThanOrEqual(65);
  }, 180_000);
});

describe('--embed-fonts', () => {
  it('carries subsets of the fonts, obfuscated as Word does, and LibreOffice draws with them when none is installed', async () => {
    const root = copySampleProject();
    const project = loadProject(root, new Diagnostics());
    const plain = await buildIssue(project, '2024-08', { formats: ['docx'] });
    const plainSize = plain.outputs[0]!.bytes;
    const result = await buildIssue(project, '2024-08', { formats: ['docx'], embedFonts: true });
    const docx = result.outputs[0]!.file;
    expect(plainSize).toBeLessThan(100_000);
    expect(result.outputs[0]!.bytes).toBeGreaterThan(plainSize + 100_000);
    const parts = docxParts(docx);
    const table = parts['word/fontTable.xml']!;
    const embeds = [...table.matchAll(/<w:font w:name="([^"]+)">(?:(?!<\/w:font>)[^])*?<w:embedRegular r:id="([^"]+)" w:fontKey="\{([0-9A-F-]+)\}"\/>/g)];
    expect(embeds.map((m) => m[1])).toEqual(expect.arrayContaining(['仿宋_GB2312', '方正小标宋简体', '宋体']));
    expect(parts['[Content_Types].xml']).toContain('Extension="odttf"');
    expect(parts['word/settings.xml']).toContain('<w:embedTrueTypeFonts/>');
    // De-obfuscating the first 32 bytes gives a font with TrueType outlines (version 1.0, not 'OTTO'): Word embeds no other kind.
    const raw = unzipSync(new Uint8Array(readFileSync(docx)));
    for (const m of embeds) {
      const rels = parts['word/_rels/fontTable.xml.rels']!;
      const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
      const hex = m[3]!.replace(/-/g, '');
      const key = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(30 - 2 * i, 32 - 2 * i), 16));
      const data = raw[`word/${target}`]!.slice(0, 4).map((b, i) => b ^ key[i % 16]!);
      expect([...data]).toEqual([0, 1, 0, 0]);
    }
    // No CJK font installed: the text comes out in the embedded fonts.
    const pdf = docxToPdf(docx, await latinOnlyFontconfig());
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/FandolFang-Regular/);
    expect(fonts).toMatch(/NotoSerifCJK/);
    expect(squeeze(pdfText(pdf)).replace(/—\d+—/g, '')).toContain(seedBodyText().slice(0, 200));
  }, 180_000);
});

describe('--drafts', () => {
  it('marks every page 草稿 in both outputs, under the text, reproducibly', async () => {
    const root = copySampleProject();
    const project = loadProject(root, new Diagnostics());
    const first = await buildIssue(project, '2024-08', { drafts: true });
    const docx = readFileSync(file(first, 'docx'));
    const again = await buildIssue(project, '2024-08', { drafts: true });
    expect(readFileSync(file(again, 'docx')).equals(docx)).toBe(true);
    const headers = Object.entries(docxParts(file(first, 'docx'))).filter(([n]) => /^word\/header\d+\.xml$/.test(n));
    expect(headers).toHaveLength(2);
    for (const [, xml] of headers) expect(xml).toMatch(/<v:textpath [^>]*string="草稿"\/>/);
    // In the PDF: one 草稿 a page, drawn before (under) the page's text.
    const pages = pdfPages(file(first, 'pdf'));
    for (const p of pages) expect(p.chars.filter((c) => c.c === '草' && Math.round(c.size) === 120)).toHaveLength(1);
    const trace = execFileSync('mutool', ['trace', file(first, 'pdf'), '1'], { encoding: 'utf8' });
    expect(trace.indexOf('unicode="草"')).toBeLessThan(trace.indexOf('unicode="上"'));
  }, 60_000);
});
