// Outputs are written beside their target under a temporary name and renamed
// into place, so an existing good file is never left truncated or replaced by
// a broken one (CONTRACT.md §4).
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export function writeFileAtomic(file: string, data: Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  removeStaleTemporaries(file);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      let offset = 0;
      while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Temporary files of `file` left by a build that was killed (its process is gone). */
function removeStaleTemporaries(file: string): void {
  const prefix = `.${path.basename(file)}.`;
  for (const name of readdirSync(path.dirname(file))) {
    const m = name.startsWith(prefix) ? /^\.(?:.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name) : null;
    if (m && !processRuns(Number(m[1]))) rmSync(path.join(path.dirname(file), name), { force: true });
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
