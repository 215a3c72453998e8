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
  const os2 = font['OS/2'];
  const typoAsc = os2?.typoAscender ?? font.ascent;
  const typoDesc = os2?.typoDescender ?? font.descent;
  // The em box spans ascender..descender when they add up to one em.
  const emAscent = Math.abs(typoAsc - typoDesc - upm) < upm * 0.02 ? typoAsc / upm : 0.88;
  return {
    key,
    file,
    postscriptName: font.postscriptName,
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

export interface FontSearch {
  /** Folders searched, in order, for font files named by relative paths. */
  dirs: string[];
}

/** The folders a project's templates may name font files from. */
export function fontSearchDirs(template: Template, projectRoot: string | undefined, extraDirs: string[]): string[] {
  const dirs = template.files.map((f) => path.dirname(f));
  if (projectRoot) dirs.push(path.join(projectRoot, 'fonts'), ...extraDirs.map((d) => path.resolve(projectRoot, d)));
  dirs.push(BUNDLED_FONTS_DIR);
  return [...new Set(dirs)];
}

export class FontSet {
  private readonly faces = new Map<string, LoadedFace>();

  private constructor(private readonly template: Template) {}

  /** Load every face the template defines; report missing or broken files. */
  static load(template: Template, search: FontSearch, diags: Diagnostics): FontSet | undefined {
    const set = new FontSet(template);
    let ok = true;
    for (const [key, spec] of Object.entries(template.faces)) {
      const file = findFontFile(spec.file, search.dirs);
      const where = { file: template.files[0]!, line: 1, col: 1 };
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
