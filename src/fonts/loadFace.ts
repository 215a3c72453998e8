// One face of a font file as the typesetter measures it: which code points
// it has, their advances, the ink of marks and the ideographic em box.
// Advances and the cmap come straight from the sfnt tables (fontFile.ts,
// sfntTables.ts), read when the face is first asked about. What needs
// outlines (ink, em box) and the names come from the cache, keyed by the
// file's content hash; on a miss they are computed with fontkit once and
// written back (fontCache.ts, inkBoxes.ts).
import { readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { bundledFigures, isBundled } from './bundledFigures.js';
import { contentHash, FORMAT, fontCache, sha256, type FontCache } from './fontCache.js';
import { FontFile } from './fontFile.js';
import { inkCodePoints, Outlines, REFERENCE_IDEOGRAPHS, type Ink } from './inkBoxes.js';
import { Hmtx, readCmap, readHead, readHhea, readName, readNumGlyphs, readOs2, type Cmap } from './sfntTables.js';

export interface LoadedFace {
  key: string;
  file: string;
  postscriptName: string;
  familyName: string;
  /** Whether the face has a glyph (not .notdef) for the code point. */
  has(cp: number): boolean;
  /** Advance width of the code point's glyph, in em. */
  advance(cp: number): number;
  /** Horizontal extent of the glyph's ink, in em (0..0 for a blank glyph). */
  ink(cp: number): { minX: number; maxX: number };
  /** Ascent of the ideographic em box above the baseline, in em (0.88 for most CJK fonts). */
  emAscent: number;
}

/** What the cache keeps of a face: what takes outlines or the name table to know. */
export interface FaceFigures {
  postscriptName: string;
  familyName: string;
  unitsPerEm: number;
  emAscent: number;
  /** Ink by glyph id (font units): .notdef and the glyphs of inkCodePoints() (none when the face has none of them). */
  ink: Record<string, Ink>;
}

/** The tables the typesetter reads, once per face and process. */
interface FaceTables {
  cmap: Cmap;
  hmtx: Hmtx;
  numGlyphs: number;
  unitsPerEm: number;
}

function readTables(file: FontFile, face: number): FaceTables {
  const head = readHead(file.table(face, 'head'));
  const hhea = readHhea(file.table(face, 'hhea'));
  return {
    cmap: readCmap(file.table(face, 'cmap')),
    hmtx: Hmtx.read(file.table(face, 'hmtx'), hhea),
    numGlyphs: readNumGlyphs(file.table(face, 'maxp')),
    unitsPerEm: head.unitsPerEm,
  };
}

/** Compute a face's figures from the file (fontkit decodes the outlines needed). */
export function computeFigures(file: FontFile, face: number, tables: FaceTables = readTables(file, face)): FaceFigures {
  const names = readName(file.table(face, 'name'));
  const os2 = readOs2(file.table(face, 'OS/2'));
  const hhea = readHhea(file.table(face, 'hhea'));
  const gids = new Set<number>();
  for (const cp of inkCodePoints()) {
    const g = tables.cmap.glyph(cp);
    if (g !== 0 && g < tables.numGlyphs) gids.add(g);
  }
  const refs = REFERENCE_IDEOGRAPHS.map((cp) => tables.cmap.glyph(cp)).filter((g) => g !== 0 && g < tables.numGlyphs);
  // A face with no mark and no reference ideograph (the rare fallbacks) needs no outline now;
  // .notdef's ink is measured when asked for.
  const outlines = gids.size > 0 || refs.length > 0 ? new Outlines(file, face) : undefined;
  const ink: Record<string, Ink> = {};
  if (outlines) for (const g of [0, ...[...gids].sort((a, b) => a - b)]) ink[g] = outlines.ink(g);
  const upm = tables.unitsPerEm;
  const centres = outlines ? refs.map((g) => outlines.centre(g)).filter((c): c is number => c !== undefined) : [];
  let emAscent: number;
  if (centres.length > 0) {
    const centre = centres.reduce((a, b) => a + b, 0) / centres.length;
    // Round to 1/100 em: the boxes are designed in whole units of that order.
    emAscent = Math.round(((centre + upm / 2) / upm) * 100) / 100;
  } else {
    emAscent = (os2 ? os2.typoAscender : hhea.ascent) / upm;
  }
  const postscriptName = names.get(6) ?? '';
  // The typographic family (name 16) where there is one: FandolFang, not "FandolFang R".
  const familyName = names.get(16) ?? names.get(1) ?? postscriptName;
  return { postscriptName, familyName, unitsPerEm: upm, emAscent, ink };
}

function validFigures(f: FaceFigures | undefined): f is FaceFigures {
  return (
    f !== undefined &&
    typeof f.postscriptName === 'string' &&
    typeof f.familyName === 'string' &&
    typeof f.unitsPerEm === 'number' &&
    typeof f.emAscent === 'number' &&
    Number.isFinite(f.emAscent) &&
    typeof f.ink === 'object' &&
    f.ink !== null &&
    Object.values(f.ink).every((v) => v === null || (Array.isArray(v) && v.length === 2 && v.every(Number.isFinite)))
  );
}

/** A face of a file: figures in hand, tables read when first needed. */
export class FaceData {
  private tablesRead: FaceTables | undefined;
  private outlines: Outlines | undefined;
  private readonly present = new Map<number, boolean>();
  private readonly widths = new Map<number, number>();

  readonly figures: FaceFigures;

  constructor(
    readonly file: string,
    readonly index: number,
    figures: FaceFigures,
    tables?: FaceTables,
  ) {
    // Its own copy: ink measured later is added to it, never to the cache's or the shipped figures.
    this.figures = { ...figures, ink: { ...figures.ink } };
    this.tablesRead = tables;
  }

  get tables(): FaceTables {
    if (!this.tablesRead) {
      const f = FontFile.open(this.file);
      try {
        this.tablesRead = readTables(f, this.index);
      } finally {
        f.close();
      }
    }
    return this.tablesRead;
  }

  glyph(cp: number): number {
    const t = this.tables;
    const g = t.cmap.glyph(cp);
    return g < t.numGlyphs ? g : 0;
  }

  has(cp: number): boolean {
    let p = this.present.get(cp);
    if (p === undefined) {
      p = this.glyph(cp) !== 0;
      this.present.set(cp, p);
    }
    return p;
  }

  advance(cp: number): number {
    let w = this.widths.get(cp);
    if (w === undefined) {
      const t = this.tables;
      w = t.hmtx.advance(this.glyph(cp)) / t.unitsPerEm;
      this.widths.set(cp, w);
    }
    return w;
  }

  ink(cp: number): { minX: number; maxX: number } {
    const g = this.glyph(cp);
    let ink = this.figures.ink[g];
    if (ink === undefined) {
      // A glyph outside inkCodePoints(): decoded now, kept for this process.
      if (!this.outlines) {
        const f = FontFile.open(this.file);
        try {
          this.outlines = new Outlines(f, this.index);
        } finally {
          f.close();
        }
      }
      ink = this.figures.ink[g] = this.outlines.ink(g);
    }
    const upm = this.figures.unitsPerEm;
    return ink ? { minX: ink[0] / upm, maxX: ink[1] / upm } : { minX: 0, maxX: 0 };
  }

  /** This face under a template's face key. */
  as(key: string): LoadedFace {
    return {
      key,
      file: this.file,
      postscriptName: this.figures.postscriptName,
      familyName: this.figures.familyName,
      emAscent: this.figures.emAscent,
      has: (cp) => this.has(cp),
      advance: (cp) => this.advance(cp),
      ink: (cp) => this.ink(cp),
    };
  }
}

/** Faces loaded in this process, by file, its size and time, and face index: preview rebuilds reuse them. */
const loaded = new Map<string, FaceData>();

/**
 * Face `index` of `file`. Throws when the file cannot be read as a font
 * (the message says why). With a warm cache this reads no font table at all;
 * the tables are read when the face is first asked about. The figures come
 * from the cache, else from those shipped for the bundled fonts
 * (bundledFigures.ts), else they are computed (fontkit) and cached.
 */
export function loadFace(file: string, index = 0, cache: FontCache = fontCache()): FaceData {
  const abs = path.resolve(file);
  const stat: Stats = statSync(abs);
  const memo = `${abs}\0${stat.size}\0${stat.mtimeMs}\0${index}`;
  const known = loaded.get(memo);
  if (known) return known;
  let face: FaceData | undefined;
  // Without a cache, only a bundled font is worth hashing: its figures ship with it.
  const hash = cache.usable ? contentHash(abs, cache, stat) : isBundled(abs) ? sha256(readFileSync(abs)) : undefined;
  const entry = hash && cache.usable ? `${hash}-${index}.json` : undefined;
  if (entry) {
    const figures = cache.readJson<FaceFigures>('faces', entry);
    if (validFigures(figures)) face = new FaceData(abs, index, figures);
  }
  if (!face && hash) {
    const figures = bundledFigures(hash, index, FORMAT);
    if (validFigures(figures)) {
      face = new FaceData(abs, index, figures);
      if (entry) cache.writeJson('faces', entry, figures);
    }
  }
  if (!face) {
    const f = FontFile.open(abs);
    try {
      if (index >= f.faces.length) throw new Error(`the file has ${f.faces.length} faces, not ${index + 1}`);
      const tables = readTables(f, index);
      const figures = computeFigures(f, index, tables);
      face = new FaceData(abs, index, figures, tables);
    } finally {
      f.close();
    }
    if (entry) cache.writeJson('faces', entry, face.figures);
  }
  loaded.set(memo, face);
  return face;
}

/** Forget the faces loaded in this process (tests of the cache). */
export function forgetLoadedFaces(): void {
  loaded.clear();
}
