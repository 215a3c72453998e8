// What a path names, asked without throwing (a missing file, a broken link or
// a folder we may not read are all "no"), and whether a path written in an
// input stays inside the folder it must stay in.
import { statSync } from 'node:fs';
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
