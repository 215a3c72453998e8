// Making an output folder one level at a time. A recursive mkdir loops for
// ever where the system answers "no such file" for a folder that cannot be
// made (under /proc, for one); here every level is made once, at most
// MAX_LEVELS of them, and the first error is the answer (docs/interface.md §4).
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** More missing levels than any real output folder has. */
const MAX_LEVELS = 64;

/** Make folder `dir` and the missing folders above it. Throws the file system's error (code ENOTDIR when a file is in the way). */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const kind = kindOf(at);
    if (kind === 'folder') break;
    if (kind === 'other') throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR', path: at });
    missing.push(at);
    if (missing.length > MAX_LEVELS) throw Object.assign(new Error(`${dir}: too many folders to make`), { code: 'ENAMETOOLONG', path: dir });
    // The root of a drive or of the file system that does not exist.
    if (path.dirname(at) === at) break;
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
    } catch (err) {
      // Made meanwhile by another build: fine if it is a folder.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || kindOf(level) !== 'folder') throw err;
    }
  }
}

function kindOf(p: string): 'folder' | 'other' | 'missing' {
  try {
    return statSync(p).isDirectory() ? 'folder' : 'other';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
}
