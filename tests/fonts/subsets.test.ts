// The writers' font subsets (src/fonts/subsets.ts), checked with tools that
// are not ours: fontTools reads the CID-keyed CFF (ROS Adobe/Identity/0, CID
// = glyph id, the same outlines as hb-subset's OpenType subset) and the
// OpenType subset (cmap, widths); MuPDF (FreeType) draws a PDF embedding the
// bare CFF as CIDFontType0C exactly as one embedding the OpenType file, and
// pdftotext copies the text out through the code points given for ToUnicode.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFace } from '../../src/fonts/loadFace.js';
import { glyphOutlines } from '../../src/fonts/glyphOutlines.js';
import { codePointsByFace, drawingSubset, layoutSubsets, SessionSubsets, subsetFace, type FaceSubset } from '../../src/fonts/subsets.js';
import { fontTools, haveFontTools, makeTestFont } from '../helpers/fontTools.js';
import { minimalPdf, type PdfFontProgram } from '../helpers/minimalPdf.js';
import { REPO_ROOT, tempDir } from '../helpers/project.js';
import { typesetFiles } from '../helpers/typeset.js';
import { FONTS } from './fontFiles.js';

const IN_CI = Boolean(process.env.CI);
const FONTTOOLS = haveFontTools();

describe('fontTools', () => {
  it.runIf(IN_CI)('is installed in CI (python3-fonttools)', () => {
    expect(FONTTOOLS).toBe(true);
  });
});

/** Text of the sample issue's kind: ideographs, marks, Latin, digits; and characters the Fandol fonts lack. */
const TEXT = '上海市邮政管理局联合市经信委公布2024年“上海快递业与制造业深度融合发展”典型案例名单（第一批）。喆堃玥𠮷銶丂丄丅丆鿫鿬，、；：？！《》【】—…ABCxyz%';

function charsOf(file: string): number[] {
  const face = loadFace(file).as('x');
  return [...new Set([...TEXT].map((c) => c.codePointAt(0)!))].filter((cp) => face.has(cp));
}

/** What fontTools reads in the subset: ROS, charset, FDSelect, glyph bounds of both CFFs, cmap, widths. */
const READ_SUBSET = String.raw`
import io, json, sys
from fontTools.cffLib import CFFFontSet
from fontTools.ttLib import TTFont
from fontTools.pens.boundsPen import BoundsPen
a = json.loads(sys.argv[1])
cs = CFFFontSet(); cs.decompile(io.BytesIO(open(a['cff'], 'rb').read()), None)
top = cs.topDictIndex[0]
sub = TTFont(a['sfnt'])
otop = sub['CFF '].cff.topDictIndex[0]
def bounds(t, name):
    p = BoundsPen(None); t.CharStrings[name].draw(p); return p.bounds
n = len(top.charset)
orig = TTFont(a['original'], fontNumber=0)
print(json.dumps({
  'ros': list(top.ROS), 'cidCount': top.CIDCount, 'charset': top.charset, 'glyphs': n,
  'hbCids': [int(otop.charset[g][3:]) if otop.charset[g].startswith('cid') else (0 if g == 0 else None) for g in range(n)] if hasattr(otop, 'ROS') else None,
  'fdSelect': [top.FDSelect[g] for g in range(n)], 'hbFdSelect': [otop.FDSelect[g] for g in range(n)] if hasattr(otop, 'FDSelect') else None,
  'bounds': [bounds(top, top.charset[g]) for g in range(n)], 'hbBounds': [bounds(otop, otop.charset[g]) for g in range(n)],
  'cmap': {str(cp): sub.getGlyphID(name) for cp, name in sub.getBestCmap().items()},
  'advances': [sub['hmtx'][name][0] for name in sub.getGlyphOrder()], 'upm': sub['head'].unitsPerEm,
  'original': {'ascent': orig['hhea'].ascent, 'descent': orig['hhea'].descent, 'bbox': [orig['head'].xMin, orig['head'].yMin, orig['head'].xMax, orig['head'].yMax],
    'capHeight': getattr(orig['OS/2'], 'sCapHeight', None), 'italicAngle': orig['post'].italicAngle, 'psName': orig['name'].getDebugName(6)},
}))
`;

interface SubsetReading {
  ros: [string, string, number];
  cidCount: number;
  charset: string[];
  glyphs: number;
  /** The CIDs of hb-subset's own CFF by glyph id, when CID-keyed. */
  hbCids: number[] | null;
  fdSelect: number[];
  hbFdSelect: number[] | null;
  bounds: Array<number[] | null>;
  hbBounds: Array<number[] | null>;
  cmap: Record<string, number>;
  advances: number[];
  upm: number;
  original: { ascent: number; descent: number; bbox: number[]; capHeight: number | null; italicAngle: number; psName: string };
}

function readSubset(s: FaceSubset, original: string): SubsetReading {
  const dir = tempDir('bulletin-subset-');
  writeFileSync(path.join(dir, 'cff'), s.cff!);
  writeFileSync(path.join(dir, 'sfnt.otf'), s.sfnt);
  return fontTools<SubsetReading>(READ_SUBSET, { cff: path.join(dir, 'cff'), sfnt: path.join(dir, 'sfnt.otf'), original });
}

/** The page drawn in grey levels by MuPDF, and the text pdftotext copies out. */
function draw(pdf: Buffer): { pixels: Buffer; ink: number; text: string } {
  const dir = tempDir('bulletin-draw-');
  const file = path.join(dir, 'a.pdf');
  writeFileSync(file, pdf);
  execFileSync('mutool', ['draw', '-q', '-r', '72', '-c', 'gray', '-o', path.join(dir, 'p.pgm'), file], { stdio: 'ignore' });
  const pgm = readFileSync(path.join(dir, 'p.pgm'));
  // P5 <w> <h> <max>\n, then the pixels.
  let at = 0;
  for (let fields = 0; fields < 4; at++) if (pgm[at] === 0x0a || pgm[at] === 0x20) fields++;
  const pixels = pgm.subarray(at);
  const ink = pixels.reduce((n, v) => n + (v < 128 ? 1 : 0), 0);
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  return { pixels, ink, text };
}

/** The font program as a PDF embeds it, drawn by glyph id (CID = GID: the bare CFF, TrueType). */
function program(s: FaceSubset, kind: 'CIDFontType0C' | 'TrueType'): PdfFontProgram {
  const data = kind === 'CIDFontType0C' ? s.cff! : s.trueType!;
  return { kind, data, postscriptName: `${s.tag}+${s.postscriptName}`, widths: new Map(s.widths.map((w, g) => [g, w])), codePointOf: s.codePointOf };
}

/**
 * The reference: hb-subset's OpenType file as FontFile3 /OpenType, where a
 * CIDFontType0 selects glyphs by the CFF's own CIDs (hb keeps the original
 * ones): so its codes are those CIDs, read by fontTools. (Embedding the
 * OpenType subset and drawing glyph ids draws nothing in MuPDF: a writer
 * must use the bare CFF.)
 */
function reference(s: FaceSubset, r: SubsetReading): { font: PdfFontProgram; code: (gid: number) => number } {
  const code = (g: number) => r.hbCids?.[g] ?? g;
  return {
    font: {
      kind: 'OpenType',
      data: s.sfnt,
      postscriptName: `${s.tag}+${s.postscriptName}`,
      widths: new Map(s.widths.map((w, g) => [code(g), w])),
      codePointOf: new Map([...s.codePointOf].map(([g, cp]) => [code(g), cp])),
    },
    code,
  };
}

const CFF_FACES = [
  'FandolFang-Regular.otf',
  'FandolHei-Regular.otf',
  'FandolKai-Regular.otf',
  'FandolSong-Regular.otf',
  'FandolSong-Bold.otf',
  'NotoSerifCJKsc-Bold-Title.otf',
  'NotoSerifCJKsc-Fallback.otf',
  'NotoSansCJKsc-Fallback.otf',
  'NotoSerifCJKsc-Rare.woff2',
  'NotoSansCJKsc-Rare.woff2',
];

describe.runIf(FONTTOOLS).each(CFF_FACES)('the subset of %s', (name) => {
  const file = path.join(FONTS, name);

  it('holds a CID-keyed CFF with CID = glyph id and the outlines of the OpenType subset; glyphs, widths and descriptor as fontTools reads them', async () => {
    const cps = charsOf(file);
    expect(cps.length).toBeGreaterThan(2);
    const s = await subsetFace('f', file, 0, cps);
    expect(s.outlines).toBe('cff');
    const r = readSubset(s, file);
    expect(r.ros).toEqual(['Adobe', 'Identity', 0]);
    expect(r.cidCount).toBe(r.glyphs);
    expect(r.charset).toEqual(r.charset.map((_, g) => (g === 0 ? '.notdef' : `cid${String(g).padStart(5, '0')}`)));
    expect(r.bounds).toEqual(r.hbBounds);
    expect(r.bounds.filter((b) => b !== null).length).toBeGreaterThanOrEqual(cps.length - 1);
    if (r.hbFdSelect) expect(r.fdSelect).toEqual(r.hbFdSelect);
    // Every code point asked for, at the glyph the subset's cmap gives it; nothing else.
    expect(Object.fromEntries([...s.glyphOf].map(([cp, g]) => [String(cp), g]))).toEqual(Object.fromEntries(cps.map((cp) => [String(cp), r.cmap[String(cp)]])));
    for (const [g, cp] of s.codePointOf) expect(s.glyphOf.get(cp)).toBe(g);
    expect(s.widths).toEqual(r.advances.map((a) => (a * 1000) / r.upm));
    const d = s.descriptor;
    const k = 1000 / d.unitsPerEm;
    expect([d.ascent, d.descent]).toEqual([r.original.ascent * k, r.original.descent * k]);
    expect(d.bbox).toEqual(r.original.bbox.map((v) => v * k));
    expect(d.capHeight).toBe((r.original.capHeight || r.original.ascent) * k);
    expect(d.italicAngle).toBe(r.original.italicAngle);
    expect(d.postscriptName).toBe(r.original.psName);
    expect(d.flags & 4).toBe(4);
    expect(d.stemV).toBeGreaterThan(20);
    expect(s.tag).toMatch(/^[A-Z]{6}$/);
  });
});

describe.runIf(FONTTOOLS)('a PDF embedding the subsets, drawn by MuPDF', () => {
  it.each(['FandolFang-Regular.otf', 'NotoSerifCJKsc-Fallback.otf', 'NotoSerifCJKsc-Bold-Title.otf', 'NotoSansCJKsc-Rare.woff2'])(
    '%s: the bare CFF as CIDFontType0C draws exactly what the OpenType subset draws, and copies out',
    async (name) => {
      const file = path.join(FONTS, name);
      const cps = charsOf(file);
      const s = await subsetFace('f', file, 0, cps);
      const lines = [cps.slice(0, 12), cps.slice(12, 24), cps.slice(24, 36)].filter((l) => l.length).map((l) => l.map((cp) => s.glyphOf.get(cp)!));
      const ref = reference(s, readSubset(s, file));
      const cff = draw(minimalPdf(program(s, 'CIDFontType0C'), lines));
      const otf = draw(minimalPdf(ref.font, lines.map((l) => l.map(ref.code))));
      expect(otf.ink).toBeGreaterThan(40 * Math.min(cps.length, 36));
      expect(cff.ink).toBeGreaterThan(40 * Math.min(cps.length, 36));
      expect(cff.pixels.equals(otf.pixels)).toBe(true);
      expect(cff.text.replace(/\s+/g, '')).toBe(String.fromCodePoint(...cps.slice(0, 36)));
    },
  );
});

describe.runIf(FONTTOOLS)('fonts of other kinds', () => {
  const CHARS = [...'鿰鿱银行ABC'].map((c) => c.codePointAt(0)!);

  it('a name-keyed CFF font becomes CID-keyed (one Font DICT, identity charset) and draws the same', async () => {
    const file = path.join(tempDir('bulletin-font-'), 'named.otf');
    makeTestFont(file, 'otf', CHARS);
    const s = await subsetFace('f', file, 0, CHARS.slice(0, 5));
    const r = readSubset(s, file);
    expect(r.ros).toEqual(['Adobe', 'Identity', 0]);
    expect(r.charset).toEqual(['.notdef', 'cid00001', 'cid00002', 'cid00003', 'cid00004', 'cid00005']);
    expect(r.bounds).toEqual(r.hbBounds);
    expect(r.fdSelect).toEqual([0, 0, 0, 0, 0, 0]);
    const lines = [CHARS.slice(0, 5).map((cp) => s.glyphOf.get(cp)!)];
    const ref = reference(s, r);
    const cff = draw(minimalPdf(program(s, 'CIDFontType0C'), lines));
    const otf = draw(minimalPdf(ref.font, lines.map((l) => l.map(ref.code))));
    expect(r.hbCids).toBeNull();
    expect(cff.ink).toBeGreaterThan(1000);
    expect(cff.pixels.equals(otf.pixels)).toBe(true);
    expect(cff.text.replace(/\s+/g, '')).toBe('鿰鿱银行A');
  });

  it('a TrueType font gives its glyf-based subset for FontFile2, and no CFF', async () => {
    const file = path.join(tempDir('bulletin-font-'), 'glyf.ttf');
    makeTestFont(file, 'ttf', CHARS);
    const s = await subsetFace('f', file, 0, CHARS);
    expect(s.outlines).toBe('truetype');
    expect(s.cff).toBeUndefined();
    expect(s.trueType).toBe(s.sfnt);
    expect(s.sfnt.subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
    expect([...s.glyphOf.keys()]).toEqual([...CHARS].sort((a, b) => a - b));
    const drawn = draw(minimalPdf(program(s, 'TrueType'), [CHARS.map((cp) => s.glyphOf.get(cp)!)]));
    expect(drawn.ink).toBeGreaterThan(1000);
    expect(drawn.text.replace(/\s+/g, '')).toBe('鿰鿱银行ABC');
  });
});

describe.runIf(FONTTOOLS)('a compressed face', () => {
  it('is cut from its decompressed tables: the same subset as from the sfnt fontTools decompresses', async () => {
    const file = path.join(FONTS, 'NotoSerifCJKsc-Rare.woff2');
    const sfnt = path.join(tempDir('bulletin-font-'), 'rare.otf');
    const DECOMPRESS = String.raw`
import json, sys
from fontTools.ttLib import TTFont
a = json.loads(sys.argv[1])
f = TTFont(a['in']); f.flavor = None; f.save(a['out'])
print(json.dumps(f['maxp'].numGlyphs))`;
    expect(fontTools<number>(DECOMPRESS, { in: file, out: sfnt })).toBeGreaterThan(11000);
    const cps = charsOf(file);
    const a = await subsetFace('f', file, 0, cps);
    const b = await subsetFace('f', sfnt, 0, cps);
    expect(Buffer.from(a.cff!).equals(Buffer.from(b.cff!))).toBe(true);
    expect([...a.glyphOf]).toEqual([...b.glyphOf]);
    expect(a.widths).toEqual(b.widths);
  });
});

describe('the code points of a Layout', () => {
  it('are those of its text runs, by face; a run drawn as .notdef (actualText) adds nothing', () => {
    const { layout } = typesetFiles({ 'issues/2024-09/01-a.md': '---\ntitle: 标题\n---\n\n## 一、小标题\n\n正文😀喆。\n' });
    const used = codePointsByFace(layout);
    const chars = (face: string) => String.fromCodePoint(...[...(used.get(face) ?? [])].sort((a, b) => a - b));
    expect(chars('fangsong')).toContain('正');
    expect(chars('fangsong')).not.toContain('😀');
    expect(chars('heiti')).toContain('小');
    expect(chars('serifFallback')).toBe('喆');
    expect([...used.values()].some((s) => s.has(0x1f600))).toBe(false);
  });

  it.each(['FandolFang-Regular.otf', 'NotoSerifCJKsc-Bold-Title.otf'])('of a CFF font (%s: with no subroutines, or with them inlined) are cut without hb-subset; its OpenType subset is made when first asked for', (name) => {
    const script = `
      import { subsetFace } from ${JSON.stringify(path.join(REPO_ROOT, 'dist/fonts/subsets.js'))};
      import { subsetterLoaded } from ${JSON.stringify(path.join(REPO_ROOT, 'dist/fonts/subsetFont.js'))};
      const s = await subsetFace('f', ${JSON.stringify(path.join(FONTS, name))}, 0, [0x6b63, 0x6587]);
      const before = subsetterLoaded();
      const sfnt = s.sfnt.length;
      console.log(JSON.stringify({ before, after: subsetterLoaded(), cff: s.cff.length, sfnt }));`;
    const r = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(r).toEqual({ before: false, after: true, cff: expect.any(Number), sfnt: expect.any(Number) });
  });

  it('are cut once per Layout, the same bytes every time, in separate processes too', async () => {
    const { layout } = typesetFiles({ 'issues/2024-09/01-a.md': '---\ntitle: 标题\n---\n\n正文，喆。\n' });
    const a = layoutSubsets(layout);
    expect(layoutSubsets(layout)).toBe(a);
    const mine = await a;
    expect([...mine.keys()].sort()).toEqual([...codePointsByFace(layout).keys()].sort());
    const script = `
      import { subsetFace } from ${JSON.stringify(path.join(REPO_ROOT, 'dist/fonts/subsets.js'))};
      import { createHash } from 'node:crypto';
      const s = await subsetFace('f', ${JSON.stringify(path.join(FONTS, 'FandolFang-Regular.otf'))}, 0, [0x6b63, 0x6587, 0xff0c, 0x3002]);
      console.log(createHash('sha256').update(s.sfnt).update(s.cff).digest('hex'));`;
    const run = () => execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim();
    const first = run();
    expect(run()).toBe(first);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
  });
});

/** Glyph ids the original face's cmap gives, as fontTools reads it (its glyph order is the glyph ids). */
const ORIGINAL_GLYPHS = String.raw`
import json, sys
from fontTools.ttLib import TTFont
a = json.loads(sys.argv[1])
f = TTFont(a['file'], lazy=True)
order = {n: i for i, n in enumerate(f.getGlyphOrder())}
cmap = f.getBestCmap()
print(json.dumps({str(cp): order[cmap[cp]] for cp in a['cps'] if cp in cmap}))`;

describe('what the other writers read of a subset', () => {
  // The WOFF2 faces too: the SVG pages used to hand HarfBuzz the font file, which it cannot read compressed.
  it.each(['FandolFang-Regular.otf', 'NotoSerifCJKsc-Bold-Title.otf', 'NotoSansCJKsc-Rare.woff2'])(
    '%s: outlines drawn from outlineSfnt are those of the OpenType subset; advances are the widths in font units; each glyph knows its id in the face',
    async (name) => {
      const file = path.join(FONTS, name);
      const cps = charsOf(file);
      const s = await subsetFace('f', file, 0, cps);
      expect(s.file).toBe(file);
      expect(s.codePoints).toEqual([...new Set(cps)].sort((a, b) => a - b));
      expect(s.widths).toEqual(s.advances.map((a) => (a * 1000) / s.descriptor.unitsPerEm));
      const fromOutlineSfnt = await glyphOutlines(s.outlineSfnt);
      const fromSfnt = await glyphOutlines(s.sfnt);
      expect(fromOutlineSfnt.unitsPerEm).toBe(s.descriptor.unitsPerEm);
      let ink = 0;
      for (let g = 0; g < s.widths.length; g++) {
        const c = fromOutlineSfnt.commands(g);
        expect(c, `glyph ${g}`).toEqual(fromSfnt.commands(g));
        if (c.length > 0) ink++;
      }
      expect(ink).toBeGreaterThanOrEqual(cps.length - 1);
      // A face cut without hb-subset draws from its CID-keyed CFF alone, without waiting for the OpenType subset.
      if (!name.includes('Title')) expect(s.outlineSfnt.length).toBeLessThan(s.sfnt.length);
      expect(s.sourceGlyphOf.get(0)).toBe(0);
      if (FONTTOOLS) {
        const original = fontTools<Record<string, number>>(ORIGINAL_GLYPHS, { file, cps });
        for (const [cp, g] of s.glyphOf) expect(s.sourceGlyphOf.get(g), String.fromCodePoint(cp)).toBe(original[String(cp)]);
      }
    },
  );

  it('a face that draws only missing characters has no subset: the first subset draws its .notdef', async () => {
    const { layout } = typesetFiles({ 'issues/2024-09/01-a.md': '---\ntitle: 标题\n---\n\n正文。\n' });
    const subsets = await layoutSubsets(layout);
    const first = [...subsets.values()][0]!;
    expect(drawingSubset(subsets, 'fangsong')).toBe(subsets.get('fangsong'));
    expect(drawingSubset(subsets, 'no-such-face')).toBe(first);
  });
});

describe('the subsets of a session (the preview)', () => {
  it('are cut again only for a character the session has not drawn, then for all it has; the glyphs keep their ids in the face', async () => {
    const session = new SessionSubsets();
    const layoutOf = (text: string) => typesetFiles({ 'issues/2024-09/01-a.md': `---\ntitle: 标题\n---\n\n${text}\n` }).layout;
    const a = await session.of(layoutOf('正文写在这里。'));
    const b = await session.of(layoutOf('这里写正文。'));
    expect(b.get('fangsong')).toBe(a.get('fangsong'));
    const c = await session.of(layoutOf('正文写在那里。'));
    const before = a.get('fangsong')!;
    const after = c.get('fangsong')!;
    expect(after).not.toBe(before);
    const has = new Set(after.codePoints);
    for (const cp of before.codePoints) expect(has.has(cp)).toBe(true);
    expect(has.has('那'.codePointAt(0)!)).toBe(true);
    // A glyph's id in the subset changed; its id in the face did not.
    const cp = '这'.codePointAt(0)!;
    expect(after.sourceGlyphOf.get(after.glyphOf.get(cp)!)).toBe(before.sourceGlyphOf.get(before.glyphOf.get(cp)!));
    // The title's face drew nothing new: the same subset still.
    expect(a.get('xiaobiaosong')).toBeDefined();
    expect(c.get('xiaobiaosong')).toBe(a.get('xiaobiaosong'));
  });
});
