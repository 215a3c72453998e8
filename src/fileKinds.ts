// What a path names, asked without throwing (a missing file, a broken link or
// a folder we may not read are all "no"), and whether a path written in an
// input stays inside the folder it must stay in, as written and once
// symbolic links are followed.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The absolute path of `written` (with / or \ separators) inside `dir`, or
 * undefined when it is absolute (POSIX or Windows) or leads out of `dir`.
 * A name that merely starts with two dots (`..cover.png`) is inside.
 */
export function resolveInside(dir: string, written: string): string | undefined {
  if (path.isAbsolute(written) || path.win32.isAbsolute(written) || written.startsWith('\\')) return undefined;
  const file = path.resolve(dir, ...written.split(/[\\/]/));
  const rel = path.relative(dir, file);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return file;
}

/** The real path of a folder (links resolved), or the path itself when it cannot be resolved. */
export function realFolder(dir: string): string {
  try {
    return realpathSync.native(dir);
  } catch {
    return path.resolve(dir);
  }
}

/**
 * Where `file` really is, links followed: `{ real }` when that lies inside
 * `realDir` (a real path, see realFolder), `'outside'` when a link leads out
 * of it, `'missing'` when there is nothing there (or a broken link).
 * Comparison follows the platform: path.relative ignores case on Windows.
 */
export function realPathWithin(realDir: string, file: string): { real: string } | 'outside' | 'missing' {
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch {
    return 'missing';
  }
  const rel = path.relative(realDir, real);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return 'outside';
  return { real };
}
