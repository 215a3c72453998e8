// Outputs are written beside their target under a temporary name and renamed
// into place, so an existing good file is never left truncated or replaced by
// a broken one (docs/interface.md §4).
import { closeSync, existsSync, fchmodSync, fchownSync, fstatSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError } from './diagnostics.js';
import { isDirectory } from './fileKinds.js';
import { makeFolder } from './makeFolder.js';

/** What a rewritten file keeps of the one it replaces: permission bits and owner. */
export interface FileIdentity {
  mode: number;
  uid: number;
  gid: number;
}

/**
 * `keep`: give the new file these permissions and this owner. When the owner
 * cannot be given (the process may not), nothing is written and the error
 * says EPERM: the caller decides (src/rewriteArticle.ts writes in place).
 */
export function writeFileAtomic(file: string, data: Uint8Array, keep?: FileIdentity): void {
  writeFilesAtomic([{ file, data, ...(keep ? { keep } : {}) }]);
}

/**
 * Write several files so that none is replaced unless all could be written:
 * every temporary file is written and synced first, then all are renamed.
 * A failure before the renames leaves every target as it was. `obsolete`:
 * files of an earlier build that these outputs supersede (page images past
 * the new last page), removed only once every output is in place.
 */
export function writeFilesAtomic(outputs: ReadonlyArray<{ file: string; data: Uint8Array; keep?: FileIdentity }>, obsolete: readonly string[] = []): void {
  const written: Array<{ tmp: string; file: string }> = [];
  let target = '';
  try {
    const folders = new Set<string>();
    for (const { file } of outputs) {
      const folder = path.dirname(file);
      if (folders.has(folder)) continue;
      folders.add(folder);
      target = folder;
      makeFolder(folder);
      removeStaleTemporaries(folder);
    }
    for (const { file, data, keep } of outputs) {
      target = file;
      const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      written.push({ tmp, file });
      // Exclusive: a name someone placed there (a link) is never written through.
      const fd = openSync(tmp, 'wx', keep ? 0o600 : 0o666);
      try {
        if (keep) keepIdentity(fd, keep);
        let offset = 0;
        while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    // What would make a rename fail once the others are done: a folder in the
    // way, or (on Windows) a target another program holds open, such as a
    // DOCX open in Word: opening it for writing fails then, before any rename.
    for (const file of [...written.map((w) => w.file), ...obsolete]) {
      target = file;
      if (isDirectory(file)) throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR' });
      if (process.platform === 'win32' && existsSync(file)) closeSync(openSync(file, 'r+'));
    }
    for (const { tmp, file } of written) {
      target = file;
      renameSync(tmp, file);
    }
    for (const file of obsolete) {
      target = file;
      rmSync(file, { force: true });
    }
  } catch (err) {
    for (const { tmp } of written) rmSync(tmp, { force: true });
    throw new OutputError(target, err as NodeJS.ErrnoException);
  }
}


/**
 * An output could not be written; `file` is the output it was for. It is
 * reported like an input problem (output.unwritable, exit 1) by every
 * command that writes: build, new, check --fix.
 */
export class OutputError extends InputError {
  constructor(
    readonly file: string,
    readonly reason: NodeJS.ErrnoException,
  ) {
    super([{ severity: 'error', code: 'output.unwritable', params: { file, detail: reason.code ?? reason.message } }]);
  }
}

/** Give the open file `fd` the owner and mode of `keep` (owner first: chown may clear set-id bits). */
function keepIdentity(fd: number, keep: FileIdentity): void {
  if (process.platform !== 'win32') {
    const now = fstatSync(fd);
    if (now.uid !== keep.uid || now.gid !== keep.gid) fchownSync(fd, keep.uid, keep.gid);
  }
  fchmodSync(fd, keep.mode & 0o7777);
}

/**
 * The name of an output's temporary file while it is written:
 * `.<output name>.<pid>.<8 hex digits>.tmp`; the pid is that of the build.
 */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Temporary files in `folder` left by builds that were killed (their process
 * is gone), of any output and any issue; those of builds that still run are
 * kept. A folder that is not there or cannot be read has none to remove.
 */
export function removeStaleTemporaries(folder: string): void {
  removeTemporaries(folder, (pid) => !processRuns(pid));
}

/** This process's own temporary files in `folder` (an interrupted build's). */
export function removeOwnTemporaries(folder: string): void {
  removeTemporaries(folder, (pid) => pid === process.pid);
}

function removeTemporaries(folder: string, remove: (pid: number) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMPORARY.exec(name);
    if (!m || !remove(Number(m[1]))) continue;
    try {
      rmSync(path.join(folder, name), { force: true });
    } catch {
      // One that cannot be removed (a folder we may not write) stays; the build goes on.
    }
  }
}

function processRuns(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
