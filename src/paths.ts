// Where the package's own data lives: built-in templates and bundled fonts.
// The root is the nearest folder above this module that holds package.json:
// src/ (tests), dist/ (the compiled modules) and dist/bundle/ (the bundled
// CLI, scripts/bundle.mjs) all sit below it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${here}`);
  }
}

export const PACKAGE_ROOT = packageRoot();
export const BUILTIN_TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
export const BUNDLED_FONTS_DIR = path.join(PACKAGE_ROOT, 'fonts');
