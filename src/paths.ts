// Where the package's own data lives: built-in templates and bundled fonts.
// Both src/ (tests) and dist/ (the built CLI) sit one level below the root.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUILTIN_TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
export const BUNDLED_FONTS_DIR = path.join(PACKAGE_ROOT, 'fonts');
