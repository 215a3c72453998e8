// Font faces by template role: loading the files, measuring glyphs, and
// choosing the face that draws each character (the role's face, then its
// fallbacks).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import type { Diagnostics } from '../diagnostics.js';
import { BUNDLED_FONTS_DIR } from '../paths.js';
import type { Template } from '../template/loadTemplate.js';

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

const cache = new Map<string, fontkit.Font>();

/** Parse a font file once per process; preview rebuilds reuse it. */
function openFont(file: string): fontkit.Font {
  let font = cache.get(file);
  if (!font) {
    const created = fontkit.create(readFileSync(file));
    font = 'fonts' in created ? created.fonts[0]! : created;
    if (!font || typeof font.glyphForCodePoint !== 'function') throw new Error('not a font');
    cache.set(file, font);
  }
  return font;
}

function makeFace(key: string, file: string, font: fontkit.Font): LoadedFace {
  const upm = font.unitsPerEm;
  const widths = new Map<number, number>();
  const present = new Map<number, boolean>();
  const emAscent = ideographicAscent(font);
  return {
    key,
    file,
    postscriptName: font.postscriptName,
    // The typographic family (name 16) where there is one: FandolFang, not "FandolFang R".
    familyName: font.getName('preferredFamily') ?? font.familyName,
    emAscent,
    has(cp) {
      let p = present.get(cp);
      if (p === undefined) {
        p = font.hasGlyphForCodePoint(cp) && font.glyphForCodePoint(cp).id !== 0;
        present.set(cp, p);
      }
      return p;
    },
    ink(cp) {
      const bbox = font.glyphForCodePoint(cp).bbox;
      if (!Number.isFinite(bbox.minX) || !Number.isFinite(bbox.maxX)) return { minX: 0, maxX: 0 };
      return { minX: bbox.minX / upm, maxX: bbox.maxX / upm };
    },
    advance(cp) {
      let w = widths.get(cp);
      if (w === undefined) {
        w = font.glyphForCodePoint(cp).advanceWidth / upm;
        widths.set(cp, w);
      }
      return w;
    },
  };
}

/** Ideographs whose ink is centred in the em box of any CJK design. */
const REFERENCE_IDEOGRAPHS = [...'国田口日中'].map((c) => c.codePointAt(0)!);

/**
 * How far the ideographic em box reaches above the baseline, in em. Read from
 * the ink of reference ideographs, which sit centred in the box: the tables
 * cannot be trusted (FandolFang, FandolKai, FandolHei and FandolSong-Bold say
 * 880/−120 but draw on an 800/−200 box, like FandolSong-Regular). Faces
 * without ideographs fall back to their typographic ascender.
 */
function ideographicAscent(font: fontkit.Font): number {
  const upm = font.unitsPerEm;
  const centres = REFERENCE_IDEOGRAPHS.filter((cp) => font.hasGlyphForCodePoint(cp))
    .map((cp) => font.glyphForCodePoint(cp).bbox)
    .filter((b) => Number.isFinite(b.minY) && Number.isFinite(b.maxY))
    .map((b) => (b.minY + b.maxY) / 2);
  if (centres.length > 0) {
    const centre = centres.reduce((a, b) => a + b, 0) / centres.length;
    // Round to 1/100 em: the boxes are designed in whole units of that order.
    return Math.round(((centre + upm / 2) / upm) * 100) / 100;
  }
  const asc = font['OS/2']?.typoAscender ?? font.ascent;
  return asc / upm;
}

/** The folders a project's templates may name font files from, in the order searched. */
function fontSearchDirs(template: Template, projectRoot: string | undefined, extraDirs: string[]): string[] {
  const dirs = template.files.map((f) => path.dirname(f));
  if (projectRoot) dirs.push(path.join(projectRoot, 'fonts'), ...extraDirs.map((d) => path.resolve(projectRoot, d)));
  dirs.push(BUNDLED_FONTS_DIR);
  return [...new Set(dirs)];
}

export class FontSet {
  private readonly faces = new Map<string, LoadedFace>();

  private constructor(private readonly template: Template) {}

  /**
   * Load every face the template defines; report missing or broken files.
   * Font files are looked for in the template's folders, then the project's
   * fonts/ folder and `extraDirs` (relative to `projectRoot`), then the
   * bundled fonts.
   */
  static load(template: Template, projectRoot: string | undefined, extraDirs: string[], diags: Diagnostics): FontSet | undefined {
    const dirs = fontSearchDirs(template, projectRoot, extraDirs);
    const set = new FontSet(template);
    let ok = true;
    for (const [key, spec] of Object.entries(template.faces)) {
      const file = findFontFile(spec.file, dirs);
      const where = template.facePositions[key] ?? { file: template.files[0]!, line: 1, col: 1 };
      if (!file) {
        diags.error('font.missingFile', where, { face: key, file: spec.file });
        ok = false;
        continue;
      }
      try {
        set.faces.set(key, makeFace(key, file, openFont(file)));
      } catch (err) {
        diags.error('font.corrupt', where, { file, detail: (err as Error).message });
        ok = false;
      }
    }
    return ok ? set : undefined;
  }

  face(key: string): LoadedFace {
    const f = this.faces.get(key);
    if (!f) throw new Error(`unknown face ${key}`);
    return f;
  }

  get all(): LoadedFace[] {
    return [...this.faces.values()];
  }

  /** The faces tried for characters of `key`, in order. */
  chain(key: string): string[] {
    const own = this.template.faces[key]?.fallback ?? [];
    return [...new Set([key, ...own, ...this.template.fallbackFaces])].filter((k) => this.faces.has(k));
  }

  /** The face that draws `cp` in text of face `key`, or undefined when none has it. */
  faceFor(key: string, cp: number): string | undefined {
    for (const k of this.chain(key)) if (this.faces.get(k)!.has(cp)) return k;
    return undefined;
  }
}

function findFontFile(name: string, dirs: string[]): string | undefined {
  if (path.isAbsolute(name)) return existsSync(name) ? name : undefined;
  for (const dir of dirs) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}
