// `check --fix` writes an article back as the same file it was: same
// permissions and owner; a symbolic link stays a link (its target, inside the
// issue folder, is written); a file with other hard links is not rewritten,
// since replacing it would part it from its other names. Where a temporary
// file and a rename keep all that, the write is atomic (docs/interface.md §4);
// where they cannot (the owner cannot be given back, the folder may not be
// written), the file is overwritten in place.
import { accessSync, closeSync, constants, fsyncSync, ftruncateSync, openSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { OutputError, writeFileAtomic, type FileIdentity } from './atomicWrite.js';
import { realPathWithin } from './fileKinds.js';

export type RewriteOutcome =
  | { kind: 'written'; real: string }
  /** Not written: the file has `links` names (hard links). */
  | { kind: 'hardLinked'; links: number }
  /** Not written: links followed, the file lies outside `realDir`. */
  | { kind: 'outside' };

/**
 * Replace the contents of article `file` (a path as listed, possibly a link)
 * by `data`, keeping the file it is. `realDir`: the real path of the issue
 * folder, which the real file must lie in. Throws OutputError when it cannot
 * be written.
 */
export function rewriteArticle(file: string, data: Uint8Array, realDir: string): RewriteOutcome {
  const where = realPathWithin(realDir, file);
  if (where === 'outside') return { kind: 'outside' };
  if (where === 'missing') throw new OutputError(file, Object.assign(new Error('missing'), { code: 'ENOENT' }));
  const real = where.real;
  let st;
  try {
    st = statSync(real);
    accessSync(real, constants.W_OK);
  } catch (err) {
    throw new OutputError(file, err as NodeJS.ErrnoException);
  }
  if (st.nlink > 1) return { kind: 'hardLinked', links: st.nlink };
  const keep: FileIdentity = { mode: st.mode, uid: st.uid, gid: st.gid };
  if (canGiveOwner(keep) && folderWritable(path.dirname(real))) writeFileAtomic(real, data, keep);
  else overwriteInPlace(file, real, data);
  return { kind: 'written', real };
}

/** Whether this process may make a file it creates belong to `keep`'s owner and group. */
function canGiveOwner(keep: FileIdentity): boolean {
  if (process.platform === 'win32' || !process.getuid || !process.getgid) return true;
  const uid = process.getuid();
  if (uid === 0) return true;
  return keep.uid === uid && (keep.gid === process.getgid() || (process.getgroups?.() ?? []).includes(keep.gid));
}

function folderWritable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The same file, new contents: not atomic, but nothing about the file changes. */
function overwriteInPlace(file: string, real: string, data: Uint8Array): void {
  let fd: number | undefined;
  try {
    fd = openSync(real, 'r+');
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset, offset);
    ftruncateSync(fd, data.length);
    fsyncSync(fd);
  } catch (err) {
    throw new OutputError(file, err as NodeJS.ErrnoException);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
