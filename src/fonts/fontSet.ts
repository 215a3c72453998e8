// Font faces by template role: loading the files, measuring glyphs, and
// choosing the face that draws each character (the role's face, then its
// fallbacks).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostics } from '../diagnostics.js';
import { BUNDLED_FONTS_DIR } from '../paths.js';
import type { Template } from '../template/loadTemplate.js';
import { loadFace, type LoadedFace } from './loadFace.js';

export type { LoadedFace } from './loadFace.js';

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
