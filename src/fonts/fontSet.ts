// Font faces by template role: loading the files, measuring glyphs, and
// choosing the face that draws each character (the role's face, then its
// fallbacks, then — unless turned off — the installed system fonts).
import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostics } from '../diagnostics.js';
import { BUNDLED_FONTS_DIR } from '../paths.js';
import type { Template } from '../template/loadTemplate.js';
import { contentHash, fontCache } from './fontCache.js';
import { FontFile } from './fontFile.js';
import { loadFace, type LoadedFace } from './loadFace.js';
import { SystemFonts, type SystemFace } from './systemFonts.js';

export type { LoadedFace } from './loadFace.js';

/** The folders a project's templates may name font files from, in the order searched. */
function fontSearchDirs(template: Template, projectRoot: string | undefined, extraDirs: string[]): string[] {
  const dirs = template.files.map((f) => path.dirname(f));
  if (projectRoot) dirs.push(path.join(projectRoot, 'fonts'), ...extraDirs.map((d) => path.resolve(projectRoot, d)));
  dirs.push(BUNDLED_FONTS_DIR);
  return [...new Set(dirs)];
}

export interface FontSetOptions {
  /** Consult the installed fonts when no face of the template has a character (default true; `--no-system-fonts`). */
  systemFonts?: boolean;
}

/** Installed fonts, once per process: their index is read on the first character no template face has. */
let installed: SystemFonts | undefined;

export class FontSet {
  private readonly faces = new Map<string, LoadedFace>();
  private readonly chains = new Map<string, string[]>();
  /** System faces taken into this set, by the file and face index they come from. */
  private readonly systemKeys = new Map<string, string>();
  /** Code points no face and no installed font has (asked once). */
  private readonly nowhere = new Set<number>();

  private constructor(
    private readonly template: Template,
    private readonly diags: Diagnostics,
    private readonly systemFonts: boolean,
  ) {}

  /**
   * Load every face the template defines; report missing or broken files.
   * Font files are looked for in the template's folders, then the project's
   * fonts/ folder and `extraDirs` (relative to `projectRoot`), then the
   * bundled fonts.
   */
  static load(template: Template, projectRoot: string | undefined, extraDirs: string[], diags: Diagnostics, options: FontSetOptions = {}): FontSet | undefined {
    const dirs = fontSearchDirs(template, projectRoot, extraDirs);
    const set = new FontSet(template, diags, options.systemFonts ?? true);
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
        set.faces.set(key, loadFace(file).as(key));
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

  /** The faces tried for characters of `key`, in order (a system face: itself). */
  chain(key: string): string[] {
    let chain = this.chains.get(key);
    if (!chain) {
      const own = this.template.faces[key]?.fallback ?? [];
      chain = !(key in this.template.faces) ? [key] : [...new Set([key, ...own, ...this.template.fallbackFaces])].filter((k) => this.faces.has(k));
      this.chains.set(key, chain);
    }
    return chain;
  }

  /** The installed font a system face was taken from, for a face key of this set. */
  systemSource(key: string): SystemFace | undefined {
    for (const [source, k] of this.systemKeys) {
      if (k !== key) continue;
      const [file, index] = source.split('\0');
      return { file: file!, index: Number(index), postscriptName: this.faces.get(key)!.postscriptName };
    }
    return undefined;
  }

  /**
   * The face that draws `cp` in text of face `key`, or undefined when none
   * has it. Last, the installed fonts: the first that has the character is
   * taken into the set (with a notice naming its file).
   */
  faceFor(key: string, cp: number): string | undefined {
    for (const k of this.chain(key)) if (this.faces.get(k)!.has(cp)) return k;
    if (!this.systemFonts || this.nowhere.has(cp)) return undefined;
    for (const k of this.systemKeys.values()) if (this.faces.get(k)!.has(cp)) return k;
    const found = (installed ??= new SystemFonts()).find(cp);
    const key2 = found && this.takeSystemFace(found, cp);
    if (!key2) this.nowhere.add(cp);
    return key2;
  }

  private takeSystemFace(found: SystemFace, cp: number): string | undefined {
    let face: LoadedFace;
    try {
      face = loadFace(singleFaceFile(found.file, found.index)).as('');
    } catch {
      // A font that indexed but does not load (changed since, or damaged): not used.
      return undefined;
    }
    let key = `system:${found.postscriptName}`;
    for (let n = 2; this.faces.has(key); n++) key = `system:${found.postscriptName}#${n}`;
    this.faces.set(key, { ...face, key });
    this.systemKeys.set(`${found.file}\0${found.index}`, key);
    const code = cp.toString(16).toUpperCase().padStart(4, '0');
    this.diags.notice('font.system', undefined, { file: found.file, font: found.postscriptName, char: String.fromCodePoint(cp), code });
    return key;
  }
}

/**
 * A file holding face `index` of `file` alone: the file itself when it is a
 * single face; a face of a collection is written out once into the cache
 * (else the temporary folder), since writers take a face by its file.
 */
function singleFaceFile(file: string, index: number): string {
  const f = FontFile.open(file);
  try {
    if (f.format === 'sfnt' || f.format === 'woff' || f.format === 'woff2') {
      if (index !== 0) throw new Error(`face ${index} of a single-face file`);
      return file;
    }
    const cache = fontCache();
    const name = `${contentHash(file, cache)}-${index}${f.isCff(index) ? '.otf' : '.ttf'}`;
    const cached = cache.file('collection-faces', name);
    // Named by the collection's content hash: a file of the right size is the face (written whole, then renamed).
    if (cached && existsSync(cached) && statSync(cached).size === f.singleFaceSize(index)) return cached;
    const expected = f.singleFace(index);
    if (cached && cache.writeRaw('collection-faces', name, expected)) return cached;
    const tmp = path.join(os.tmpdir(), `bulletin-${name}`);
    const part = `${tmp}.${process.pid}.tmp`;
    writeFileSync(part, expected);
    renameSync(part, tmp);
    return tmp;
  } finally {
    f.close();
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
