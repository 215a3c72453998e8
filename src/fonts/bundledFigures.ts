// The figures of the bundled fonts (what loadFace.ts would compute with
// fontkit: names, em box, ink of marks), shipped in fonts/figures.json by
// their content hash, so that even a build with an empty cache — a fresh CI
// runner — decodes no outline of a bundled font. scripts/font-figures.mjs
// writes the file; tests/fonts/faceCache.test.ts checks it against fontkit.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLED_FONTS_DIR } from '../paths.js';
import type { FaceFigures } from './loadFace.js';

export const FIGURES_FILE = path.join(BUNDLED_FONTS_DIR, 'figures.json');

export interface FiguresFile {
  /** The cache format the figures are of (fontCache.ts); other formats are not used. */
  format: string;
  /** By `<sha256 of the file>-<face index>`. */
  faces: Record<string, FaceFigures>;
}

let read: FiguresFile['faces'] | undefined;

/** The shipped figures of face `index` of the file with content hash `hash`, if it is a bundled font. */
export function bundledFigures(hash: string, index: number, format: string): FaceFigures | undefined {
  if (!read) {
    try {
      const file = JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) as FiguresFile;
      read = file.format === format && typeof file.faces === 'object' && file.faces !== null ? file.faces : {};
    } catch {
      read = {};
    }
  }
  return read[`${hash}-${index}`];
}

/** Whether `file` is one of the bundled fonts' folder. */
export function isBundled(file: string): boolean {
  return path.dirname(path.resolve(file)) === BUNDLED_FONTS_DIR;
}
