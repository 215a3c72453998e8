// bulletin's on-disk cache of what it computes once per font file (the ink
// boxes of a face, the index of the system fonts, faces taken out of a
// collection). It lives in the user's cache folder — BULLETIN_CACHE_DIR when
// set, else %LOCALAPPDATA%\bulletin\Cache on Windows, ~/Library/Caches/bulletin
// on macOS, $XDG_CACHE_HOME/bulletin or ~/.cache/bulletin elsewhere — and is
// never needed: an entry that is missing, cut off or damaged is computed
// again and rewritten, and a cache that cannot be written is done without.
//
// Entries are written to a temporary file and renamed into place, so builds
// running at the same time never see half an entry; two builds writing the
// same entry write the same bytes. Each entry starts with the SHA-256 of its
// body, checked on every read.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Bumped whenever what an entry holds, or how it is computed, changes. */
export const FORMAT = 'fonts-v1';

/** The cache's folder for this platform and environment; undefined when there is none (BULLETIN_CACHE_DIR=off). */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string | undefined {
  const own = env.BULLETIN_CACHE_DIR;
  if (own !== undefined && own !== '') return own === 'off' ? undefined : path.resolve(own);
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local');
    return path.win32.join(local, 'bulletin', 'Cache');
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Caches', 'bulletin');
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec: a relative path is to be ignored.
  return path.posix.join(xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.cache'), 'bulletin');
}

/** The cache of this process: its folder, and whether writing to it failed (then it is not tried again). */
export class FontCache {
  private broken = false;

  constructor(readonly root: string | undefined) {}

  get usable(): boolean {
    return this.root !== undefined && !this.broken;
  }

  /** The file of entry `name` in `kind`, e.g. faces/…; undefined without a cache. */
  file(kind: string, name: string): string | undefined {
    return this.root === undefined ? undefined : path.join(this.root, FORMAT, kind, name);
  }

  /** The body of an entry whose checksum holds, or undefined. */
  read(kind: string, name: string): Buffer | undefined {
    const file = this.file(kind, name);
    if (!file) return undefined;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return undefined;
    }
    const nl = bytes.indexOf(10);
    if (nl !== 64) return undefined;
    const body = bytes.subarray(65);
    return sha256(body) === bytes.toString('latin1', 0, 64) ? body : undefined;
  }

  readJson<T>(kind: string, name: string): T | undefined {
    const body = this.read(kind, name);
    if (!body) return undefined;
    try {
      return JSON.parse(body.toString('utf8')) as T;
    } catch {
      return undefined;
    }
  }

  /** Write an entry atomically; false when the cache cannot be written (never an error). */
  write(kind: string, name: string, body: Uint8Array | string): boolean {
    const data = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return this.writeRaw(kind, name, Buffer.concat([Buffer.from(`${sha256(data)}\n`, 'latin1'), data]));
  }

  writeJson(kind: string, name: string, value: unknown): boolean {
    return this.write(kind, name, JSON.stringify(value));
  }

  /** Write a file of the cache as it is (no checksum line), atomically; its path, or undefined. */
  writeRaw(kind: string, name: string, data: Uint8Array): boolean {
    const file = this.file(kind, name);
    if (!file || this.broken) return false;
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(tmp, data);
      renameSync(tmp, file);
      return true;
    } catch (err) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // The folder is not there to hold it.
      }
      // Another build holding the entry open (Windows) is no reason to stop caching.
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EPERM' && code !== 'EBUSY') this.broken = true;
      return false;
    }
  }
}

let current: FontCache | undefined;

/** The cache for this process (its folder read from the environment once). */
export function fontCache(): FontCache {
  const root = cacheRoot();
  if (!current || current.root !== root) current = new FontCache(root);
  return current;
}

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

interface StatEntry {
  path: string;
  size: number;
  mtimeMs: number;
  ino: number;
  hash: string;
}

const statOf = (s: Stats) => ({ size: s.size, mtimeMs: s.mtimeMs, ino: s.ino });

/**
 * The SHA-256 of a file's content. A file whose path, size, modification
 * time and inode are those recorded when it was last hashed is not read
 * again. (SHA-256 because it is the fastest of Node's hashes here: 1.5 GB/s
 * with the SHA extensions of current x86 processors, as fast as SHA-1 and
 * three times MD5.)
 */
export function contentHash(file: string, cache: FontCache = fontCache(), stat: Stats = statSync(file)): string {
  const name = `${sha256(Buffer.from(path.resolve(file), 'utf8')).slice(0, 40)}.json`;
  const now = statOf(stat);
  const known = cache.readJson<StatEntry>('stat', name);
  if (known && known.path === path.resolve(file) && known.size === now.size && known.mtimeMs === now.mtimeMs && known.ino === now.ino && /^[0-9a-f]{64}$/.test(known.hash)) {
    return known.hash;
  }
  const hash = sha256(readFileSync(file));
  cache.writeJson('stat', name, { path: path.resolve(file), ...now, hash } satisfies StatEntry);
  return hash;
}
