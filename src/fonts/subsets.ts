// Font subsets for the writers (PDF, SVG/PNG, OFD, DOCX): each face a Layout
// draws from, cut down once per Layout to the code points drawn with it. This
// is the one place that decides which glyphs of a face a build uses and how
// they are cut; every writer of the build reads the same subsets.
//
//   const subsets = await layoutSubsets(layout);   // Map: face key → FaceSubset; cached per Layout
//   const s = drawingSubset(subsets, run.face)!;   // a face drawing only missing characters has none
//   s.glyphOf.get(cp) ?? 0        glyph id to draw (0, .notdef, for a run with actualText)
//   s.codePointOf.get(gid)        the code point a glyph stands for (ToUnicode)
//   s.widths[gid]                 advance in 1/1000 em (PDF /W); s.advances[gid] in font units (SVG, OFD)
//   s.sfnt                        the subset as an OpenType file (DOCX, and the OFD's TrueType form: trueTypeSubset.ts)
//   s.outlineSfnt                 an OpenType file an outline decoder draws the glyphs from (glyphOutlines.ts: SVG)
//   s.cff                         CFF outlines: a CID-keyed CFF, CID = glyph id, ROS Adobe/Identity/0
//                                 (PDF: FontFile3 /Subtype /CIDFontType0C, CIDFontType0, Identity-H;
//                                 PDF/A-1b accepts it)
//   s.trueType                    TrueType outlines: the glyf-based sfnt
//                                 (PDF: FontFile2, CIDFontType2 with /CIDToGIDMap /Identity)
//   s.descriptor                  the FontDescriptor's numbers, in 1/1000 em (PDF units)
//   s.tag                         six capitals for the subset's name, e.g. `${s.tag}+${postscriptName}`
//   s.sourceGlyphOf.get(gid)      the glyph's id in the face it was cut from (stable across subsets: the preview)
//
// What a face holds: every code point of the Layout's text runs in that face
// (codePointsByFace; a run with actualText draws .notdef and adds nothing),
// plus the digits and the space — Word draws the PAGE field in the page
// number's font, whatever text the face had. Glyph 0 is always glyph 0.
// A CFF font is cut by copying the glyph programs it draws: as they are in a
// font without subroutines (Fandol, the rare Noto files), with their
// subroutine calls inlined in one with them (the other Noto files:
// charStringInliner.ts) — a few dozen title glyphs need not carry a font's
// whole subroutine INDEXes, and hb-subset's first call in a process costs
// about 0.1 s. A TrueType font, and a CFF glyph program that cannot be
// inlined, go to hb-subset (harfbuzzjs, one wasm instance per process, made
// when first needed); so does the OpenType `sfnt` of every face (DOCX
// --embed-fonts, OFD), when it is first read. Every
// byte here is the same on every run.
import { statSync } from 'node:fs';
import type { Layout } from '../typeset/layout.js';
import { NotInlinable } from './charStringInliner.js';
import { CffError, find, op2, readDict, readIndex } from './cffData.js';
import { cidKeyedCff, hasNoSubroutines } from './cidKeyedCff.js';
import { FontFile } from './fontFile.js';
import { sha256 } from './fontCache.js';
import { readSfnt, writeSfnt } from './sfntDirectory.js';
import { Hmtx, readCmap, readHead, readHhea, readName, readNumGlyphs, readOs2, readPost } from './sfntTables.js';
import { subsetInWasmNow } from './subsetFont.js';

export interface FontDescriptorNumbers {
  postscriptName: string;
  unitsPerEm: number;
  /** hhea ascender and descender, in 1/1000 em. */
  ascent: number;
  descent: number;
  /** OS/2 sCapHeight (the ascent when the table has none), in 1/1000 em. */
  capHeight: number;
  /** head's bounding box of all glyphs, in 1/1000 em. */
  bbox: [number, number, number, number];
  italicAngle: number;
  /** StdVW of the CFF Private DICT most glyphs use, else estimated from the OS/2 weight class; 1/1000 em. */
  stemV: number;
  /** PDF font flags: FixedPitch 1, Serif 2, Symbolic 4 (always: glyphs are not in the standard Latin set), Script 8, Italic 64. */
  flags: number;
}

export interface FaceSubset {
  face: string;
  /** The font file and the face in it the subset is cut from. */
  file: string;
  index: number;
  /** The code points asked for, ascending (with those the face lacks): what the subset is a function of. */
  codePoints: readonly number[];
  postscriptName: string;
  outlines: 'cff' | 'truetype';
  /** For a CFF font without subroutines, cut by hb-subset when first read (PDF writers never need it). */
  readonly sfnt: Uint8Array;
  /**
   * The glyphs' outlines under the subset's glyph ids, as an OpenType file
   * an outline decoder reads: `sfnt`, or for a CFF font cut without
   * hb-subset its CID-keyed CFF with head and maxp alone (so that drawing
   * the glyphs never has to wait for `sfnt`).
   */
  readonly outlineSfnt: Uint8Array;
  cff?: Uint8Array;
  trueType?: Uint8Array;
  glyphOf: Map<number, number>;
  /** For glyphs drawn for several code points (a compatibility ideograph and its unified one), the lowest. */
  codePointOf: Map<number, number>;
  /** For glyph 0 and every glyph a code point maps to: its glyph id in the original face. */
  sourceGlyphOf: Map<number, number>;
  /** Advance widths by glyph id, in font units (hmtx). */
  advances: number[];
  /** The same in 1/1000 em (PDF units). */
  widths: number[];
  descriptor: FontDescriptorNumbers;
  tag: string;
}

/** Code points drawn per face: every text run of every page, by face; runs with actualText draw .notdef. */
export function codePointsByFace(layout: Layout): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const page of layout.pages) {
    for (const item of page.items) {
      if (item.kind !== 'text' || item.actualText !== undefined) continue;
      let set = out.get(item.face);
      if (!set) out.set(item.face, (set = new Set()));
      for (const ch of item.text) set.add(ch.codePointAt(0)!);
    }
  }
  return out;
}

/**
 * The subset that draws text of face `key`: the face's own. A face that
 * draws nothing but missing characters (runs with actualText, drawn as
 * .notdef) has none; the first subset's .notdef stands in, in every writer.
 */
export function drawingSubset<T>(subsets: ReadonlyMap<string, T>, key: string): T | undefined {
  return subsets.get(key) ?? subsets.values().next().value;
}

/** Always in a face's subset: the digits and the space (see the top of this file). */
const ALWAYS = [...'0123456789 '].map((c) => c.codePointAt(0)!);

const bySubsets = new WeakMap<Layout, Promise<Map<string, FaceSubset>>>();

/** The subsets of every face `layout` draws from, made once per Layout, in the order of layout.faces. */
export function layoutSubsets(layout: Layout): Promise<Map<string, FaceSubset>> {
  let made = bySubsets.get(layout);
  if (!made) {
    made = (async () => {
      const used = codePointsByFace(layout);
      const out = new Map<string, FaceSubset>();
      for (const [key, info] of Object.entries(layout.faces)) {
        const cps = used.get(key);
        if (!cps) continue;
        out.set(key, await subsetFace(key, info.file, 0, [...cps, ...ALWAYS]));
      }
      return out;
    })();
    bySubsets.set(layout, made);
  }
  return made;
}

/**
 * Subsets for the Layouts of one session (the preview, which draws SVG pages
 * and embeds no font): a face's subset is cut again only when a Layout draws
 * a code point it lacks, and then for every code point the session has
 * drawn with the face, so that a save bringing no new character cuts
 * nothing. The glyphs are the face's own either way; only their ids in the
 * subset differ from a build's (SvgFace.sourceGlyph names them alike).
 * Writers of files use layoutSubsets: their subsets are the Layout's own.
 */
export class SessionSubsets {
  private readonly byFace = new Map<string, { subset: FaceSubset; has: Set<number> }>();

  async of(layout: Layout): Promise<Map<string, FaceSubset>> {
    const used = codePointsByFace(layout);
    const out = new Map<string, FaceSubset>();
    for (const [key, info] of Object.entries(layout.faces)) {
      const cps = used.get(key);
      if (!cps) continue;
      // A font file replaced while the session runs is cut again.
      const stat = statSync(info.file);
      const id = `${key}\0${info.file}\0${stat.size}\0${stat.mtimeMs}`;
      let known = this.byFace.get(id);
      if (!known || [...cps].some((cp) => !known!.has.has(cp))) {
        const subset = await subsetFace(key, info.file, 0, [...(known?.subset.codePoints ?? []), ...cps, ...ALWAYS]);
        known = { subset, has: new Set(subset.codePoints) };
        for (const old of this.byFace.keys()) if (old.startsWith(`${key}\0`)) this.byFace.delete(old);
        this.byFace.set(id, known);
      }
      out.set(key, known.subset);
    }
    return out;
  }
}

/**
 * Face `index` of `file` cut down to `cps`. A CFF font is cut here: its
 * charstrings are copied into the CID-keyed CFF, as they are or with their
 * subroutines inlined, and hb-subset runs only when `sfnt` is first read
 * (with the same glyph order: hb keeps the original order of the glyphs it
 * keeps). Other fonts, and a CFF whose glyph programs cannot be inlined, go
 * through hb-subset at once.
 */
export async function subsetFace(key: string, file: string, index: number, cps: Iterable<number>): Promise<FaceSubset> {
  const wanted = [...new Set(cps)].sort((a, b) => a - b);
  const font = FontFile.open(file);
  try {
    const original = originalTables(font, index);
    if (font.isCff(index)) {
      const direct = directSubset(key, file, index, wanted, font, original);
      if (direct) return direct;
    }
    const source = font.sfntWriter(index);
    return fromHb(key, file, index, wanted, original, subsetInWasmNow(source.size, source.fill, source.index, wanted));
  } finally {
    font.close();
  }
}

/** The subset of a CFF font without subroutines, cut without hb; undefined for a font with subroutines. */
function directSubset(key: string, file: string, index: number, wanted: number[], font: FontFile, original: OriginalTables): FaceSubset | undefined {
  const cmap = original.cmap;
  const hmtx = Hmtx.read(font.table(index, 'hmtx'), original.hhea);
  const numGlyphs = readNumGlyphs(font.table(index, 'maxp'));
  const old = new Map<number, number>();
  for (const cp of wanted) {
    const g = cmap.glyph(cp);
    if (g !== 0 && g < numGlyphs) old.set(cp, g);
  }
  const keep = [0, ...[...new Set(old.values())].sort((a, b) => a - b)];
  const cffTable = font.cffFor(index, keep);
  if (!cffTable) return undefined;
  const inline = !hasNoSubroutines(cffTable);
  let cff: Uint8Array;
  try {
    cff = cidKeyedCff(cffTable, keep, { inline });
  } catch (err) {
    // A glyph program this cut cannot inline, or a font with subroutines it cannot read,
    // goes to hb-subset, which cut every font with subroutines before inlining existed.
    if (err instanceof NotInlinable || (inline && err instanceof CffError)) return undefined;
    throw err;
  }
  const newOf = new Map(keep.map((g, i) => [g, i]));
  const glyphOf = new Map<number, number>();
  const codePointOf = new Map<number, number>();
  for (const [cp, g] of old) {
    const n = newOf.get(g)!;
    glyphOf.set(cp, n);
    if (!codePointOf.has(n)) codePointOf.set(n, cp);
  }
  const upm = original.head.unitsPerEm;
  const advances = keep.map((g) => hmtx.advance(g));
  const descriptor = descriptorOf(original, cff);
  let sfnt: Buffer | undefined;
  let outlineSfnt: Buffer | undefined;
  return {
    ...named(key, file, index, wanted, descriptor, glyphOf),
    outlines: 'cff',
    get sfnt(): Buffer {
      if (!sfnt) {
        const f = FontFile.open(file);
        try {
          const source = f.sfntWriter(index);
          sfnt = subsetInWasmNow(source.size, source.fill, source.index, wanted);
        } finally {
          f.close();
        }
      }
      return sfnt;
    },
    get outlineSfnt(): Buffer {
      outlineSfnt ??= cffOnlySfnt(cff, original.headBytes, keep.length);
      return outlineSfnt;
    },
    cff,
    glyphOf,
    codePointOf,
    sourceGlyphOf: new Map(keep.map((g, i) => [i, g])),
    advances,
    widths: widthsOf(advances, upm),
  };
}

/** The subset from hb-subset's OpenType file. */
function fromHb(key: string, file: string, index: number, wanted: number[], original: OriginalTables, sfnt: Buffer): FaceSubset {
  const { tables } = readSfnt(sfnt);
  const hhea = readHhea(tables.get('hhea'));
  const hmtx = Hmtx.read(tables.get('hmtx'), hhea);
  const cmap = readCmap(tables.get('cmap'));
  const upm = original.head.unitsPerEm;
  const nGlyphs = readNumGlyphs(tables.get('maxp'));
  const glyphOf = new Map<number, number>();
  const codePointOf = new Map<number, number>();
  const sourceGlyphOf = new Map<number, number>([[0, 0]]);
  for (const cp of wanted) {
    const g = cmap.glyph(cp);
    if (g === 0) continue;
    glyphOf.set(cp, g);
    if (!codePointOf.has(g)) codePointOf.set(g, cp);
    sourceGlyphOf.set(g, original.cmap.glyph(cp));
  }
  const advances = Array.from({ length: nGlyphs }, (_, g) => hmtx.advance(g));
  const cffTable = tables.get('CFF ');
  const cff = cffTable ? cidKeyedCff(cffTable) : undefined;
  const descriptor = descriptorOf(original, cff);
  return {
    ...named(key, file, index, wanted, descriptor, glyphOf),
    outlines: cff ? 'cff' : 'truetype',
    sfnt,
    outlineSfnt: sfnt,
    ...(cff ? { cff } : { trueType: sfnt }),
    glyphOf,
    codePointOf,
    sourceGlyphOf,
    advances,
    widths: widthsOf(advances, upm),
  };
}

/** What a subset says of where it was cut from and what it is called. */
function named(key: string, file: string, index: number, wanted: number[], descriptor: FontDescriptorNumbers, glyphOf: Map<number, number>) {
  return {
    face: key,
    file,
    index,
    codePoints: wanted,
    postscriptName: descriptor.postscriptName,
    descriptor,
    tag: tagOf(key, descriptor.postscriptName, [...glyphOf.values()]),
  };
}

const widthsOf = (advances: number[], unitsPerEm: number): number[] => advances.map((a) => (a * 1000) / unitsPerEm);

/** An OpenType file of a CID-keyed CFF and the two tables an outline decoder needs besides: head (units per em) and maxp (the glyph count). */
function cffOnlySfnt(cff: Uint8Array, head: Buffer, numGlyphs: number): Buffer {
  const maxp = Buffer.alloc(6);
  maxp.writeUInt32BE(0x00005000, 0); // version 0.5: CFF outlines
  maxp.writeUInt16BE(numGlyphs, 4);
  return writeSfnt(OTTO, new Map([['CFF ', Buffer.from(cff.buffer, cff.byteOffset, cff.byteLength)], ['head', Buffer.from(head)], ['maxp', maxp]]));
}

const OTTO = 0x4f54544f;

type OriginalTables = ReturnType<typeof originalTables>;

/** The original face's tables the descriptor is made from (hb-subset recomputes some of them). */
function originalTables(font: FontFile, index: number) {
  const name = font.table(index, 'name');
  const head = font.table(index, 'head');
  return {
    head: readHead(head),
    headBytes: head!,
    cmap: readCmap(font.table(index, 'cmap')),
    hhea: readHhea(font.table(index, 'hhea')),
    os2: readOs2(font.table(index, 'OS/2')),
    post: readPost(font.table(index, 'post')),
    postscriptName: postscriptNameOf(name),
  };
}

/** Name 6, with what a PDF name may not hold taken out. */
function postscriptNameOf(name: Buffer | undefined): string {
  return (readName(name).get(6) ?? 'Font').replace(/[^\x21-\x7e]|[[\](){}<>/%#]/g, '');
}

function descriptorOf(t: ReturnType<typeof originalTables>, cff: Uint8Array | undefined): FontDescriptorNumbers {
  const scale = 1000 / t.head.unitsPerEm;
  const familyClass = (t.os2?.familyClass ?? 0) >> 8;
  let flags = 4;
  if (t.post.isFixedPitch) flags |= 1;
  if (familyClass >= 1 && familyClass <= 7) flags |= 2;
  if (familyClass === 10) flags |= 8;
  if (t.head.macStyle & 2) flags |= 64;
  const stdVW = cff ? stdVWOf(cff) : undefined;
  const weight = t.os2?.weightClass ?? 400;
  return {
    postscriptName: t.postscriptName,
    unitsPerEm: t.head.unitsPerEm,
    ascent: t.hhea.ascent * scale,
    descent: t.hhea.descent * scale,
    capHeight: (t.os2?.capHeight || t.hhea.ascent) * scale,
    bbox: [t.head.xMin * scale, t.head.yMin * scale, t.head.xMax * scale, t.head.yMax * scale],
    italicAngle: t.post.italicAngle,
    // An estimate used where a font says nothing: 50 at weight 100, 270 at weight 900 (in PDF units).
    stemV: stdVW !== undefined ? stdVW * scale : Math.round(10 + (220 * (weight - 50)) / 900),
    flags,
  };
}

/** StdVW of the Private DICT of the Font DICT most glyphs of a CID-keyed CFF select, if it says. */
function stdVWOf(cff: Uint8Array): number | undefined {
  try {
    const names = readIndex(cff, cff[2]!);
    const tops = readIndex(cff, names.end);
    const top = readDict(tops.items[0]!);
    const fdArrayAt = find(top, op2(36))?.operands[0]?.value;
    const fdSelectAt = find(top, op2(37))?.operands[0]?.value;
    const charStringsAt = find(top, 17)?.operands[0]?.value;
    if (fdArrayAt === undefined || fdSelectAt === undefined || charStringsAt === undefined) return undefined;
    const fds = readIndex(cff, fdArrayAt).items;
    const nGlyphs = readIndex(cff, charStringsAt).count;
    const count = new Array<number>(fds.length).fill(0);
    if (cff[fdSelectAt] === 0) {
      for (let g = 0; g < nGlyphs; g++) count[cff[fdSelectAt + 1 + g]!]! += 1;
    } else {
      const n = (cff[fdSelectAt + 1]! << 8) | cff[fdSelectAt + 2]!;
      for (let r = 0; r < n; r++) {
        const at = fdSelectAt + 3 + 3 * r;
        const first = (cff[at]! << 8) | cff[at + 1]!;
        const next = (cff[at + 3]! << 8) | cff[at + 4]!;
        count[cff[at + 2]!]! += next - first;
      }
    }
    const most = count.indexOf(Math.max(...count));
    const priv = find(readDict(fds[most]!), 18);
    if (!priv || priv.operands.length < 2) return undefined;
    const [size, offset] = [priv.operands[0]!.value, priv.operands[1]!.value];
    return find(readDict(cff.subarray(offset, offset + size)), 11)?.operands[0]?.value;
  } catch (err) {
    if (err instanceof CffError) return undefined;
    throw err;
  }
}

/** Six capitals naming a subset (PDF 32000-1 §9.6.4): from the face, the font and the glyphs kept, so a rebuild names it alike. */
function tagOf(key: string, postscriptName: string, gids: number[]): string {
  const h = sha256(Buffer.from(`${key}\0${postscriptName}\0${[...new Set(gids)].sort((a, b) => a - b).join(',')}`, 'utf8'));
  return Array.from({ length: 6 }, (_, i) => String.fromCharCode(65 + (parseInt(h.slice(2 * i, 2 * i + 2), 16) % 26))).join('');
}
