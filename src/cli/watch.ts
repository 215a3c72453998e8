// Rebuild on every saved change: watches the issue folders, the project's
// templates and its config; changes are debounced, rebuilds never overlap.
//
// An issue folder can go away under the watcher (moved, renamed, deleted,
// made unreadable) and come back; the file watcher then loses it for good.
// So each issue folder has a watcher of its own, and the folder itself is
// looked at (a stat and an open, no shell: the same on Windows) on every
// change and every POLL_MS: when it is gone or unreadable that is said once
// and no rebuild is tried; when it is back its watcher is made anew and the
// issue rebuilt. A folder moved away and straight back, or chmod'ed twice,
// between two looks is known by its inode or its change time (ctime moves,
// mtime does not: nothing inside it was added or removed).
import chokidar, { type FSWatcher } from 'chokidar';
import { constants } from 'node:fs';
import { access, opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { CONFIG_FILE, type Project } from '../project/config.js';

export interface Watching {
  /** Resolves once the watcher has scanned the folders and sees every change. */
  ready: Promise<void>;
  /** Whether a rebuild is under way now. */
  rebuilding(): boolean;
  close(): Promise<void>;
}

/** What an issue folder is to the watcher: there and readable, gone, or there but not readable. */
export type FolderState = 'ok' | 'missing' | 'unreadable';

const DEBOUNCE_MS = 250;
/** How often each issue folder is looked at, besides on every change. */
const POLL_MS = 500;

export interface WatchTiming {
  /** Quiet time after the last change before a rebuild starts. */
  debounceMs?: number;
  /** Wait until a file's size stops changing for this long (none: react at once; the debounce covers a quick save). */
  stableMs?: number;
}

export interface WatchHooks {
  /** E.g. the system's limit of watched files reached (ENOSPC), or a rebuild that threw. */
  onError?: (err: Error) => void;
  /** An issue folder went (missing, unreadable) or came back (ok); said once for each change. */
  onIssueFolder?: (dir: string, state: FolderState) => void;
}

/**
 * `rebuild` gets the paths that changed since the last rebuild began, and
 * the issue folders that are not there to build now (it is not called when
 * none is).
 */
export function watchAndRebuild(
  project: Project,
  issueDirs: string[],
  outDir: string,
  rebuild: (changed: string[], unavailable: ReadonlySet<string>) => Promise<void>,
  hooks: WatchHooks = {},
  timing: WatchTiming = {},
): Watching {
  const debounceMs = timing.debounceMs ?? DEBOUNCE_MS;
  const stableMs = timing.stableMs === undefined ? 100 : timing.stableMs;
  const onError = hooks.onError ?? (() => {});
  const options = {
    ignoreInitial: true,
    // Temporary files of atomic writes and editors' swap files.
    // The outputs themselves (wherever --out puts them, even inside an issue folder).
    ignored: (p: string) => /(^|[\\/])\.[^\\/]*\.tmp$|~$|\.swp$/.test(p) || p === outDir || p.startsWith(outDir + path.sep),
    awaitWriteFinish: stableMs > 0 ? { stabilityThreshold: stableMs, pollInterval: 25 } : false,
  } as const;

  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  /** Inside `rebuild` itself (not the looks and stamps around it): what an interrupt stops. */
  let building = false;
  let pending = false;
  let closed = false;
  const trigger = (): void => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void go(), debounceMs);
  };
  const seen = (p: string): void => {
    changed.add(path.resolve(p));
    trigger();
  };
  const watch = (paths: string[]): FSWatcher => {
    const w = chokidar.watch(paths, options);
    w.on('all', (_event: string, p: string) => seen(p));
    // Say so rather than go quiet.
    w.on('error', (err) => onError(err as Error));
    return w;
  };

  const others = watch([project.templatesDir, path.join(project.root, CONFIG_FILE)]);
  const folders = issueDirs.map((dir) => new WatchedFolder(dir, () => watch([dir])));
  const unavailable = (): Set<string> => new Set(folders.filter((f) => f.state !== 'ok').map((f) => f.dir));

  /** Look at every issue folder (one look at a time); say what went or came back. */
  let looking: Promise<void> = Promise.resolve();
  const look = (): Promise<void> =>
    (looking = looking.then(async () => {
      for (const folder of folders) {
        const news = await folder.look();
        if (closed || !news) continue;
        if (news.state) hooks.onIssueFolder?.(folder.dir, news.state);
        if (news.rewatched) {
          changed.add(folder.dir);
          trigger();
        }
      }
    }));

  const go = async (): Promise<void> => {
    if (running) {
      pending = true;
      return;
    }
    running = true;
    try {
      await look();
      const gone = unavailable();
      if (closed || (folders.length > 0 && gone.size === folders.length)) return;
      const paths = [...changed];
      changed.clear();
      // A save can land while the rebuild reads (an editor truncates, then
      // writes): when truncate and write share one file-time tick the file
      // watcher reports only the first. So what changed is looked at before
      // and after the rebuild, and anything that moved on is built again.
      const before = await stampsOf(paths);
      building = true;
      try {
        await rebuild(paths, gone);
      } finally {
        building = false;
      }
      const after = await stampsOf(paths);
      for (const p of paths) if (before.get(p) !== after.get(p)) changed.add(p);
      if (changed.size > 0) pending = true;
    } catch (err) {
      onError(err as Error);
    } finally {
      running = false;
      if (pending) {
        pending = false;
        trigger();
      }
    }
  };

  const poll = setInterval(() => void look().catch((err: Error) => onError(err)), POLL_MS);
  const ready = Promise.all([new Promise<void>((resolve) => others.once('ready', () => resolve())), ...folders.map((f) => f.start())]).then(() => {});
  return {
    ready,
    rebuilding: () => building,
    close: async () => {
      closed = true;
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      await looking.catch(() => {});
      await Promise.all([others.close(), ...folders.map((f) => f.close())]);
    },
  };
}

/** What to say of an issue folder that is gone or unreadable (docs/interface.md §3). */
export function issueFolderProblem(dir: string, state: Exclude<FolderState, 'ok'>): Diagnostic {
  return { severity: 'error', code: state === 'missing' ? 'issue.missing' : 'issue.unreadable', params: {}, file: dir };
}

/** Where an issue folder is and what it is: identity and times, to know it was moved or chmod'ed between two looks. */
interface Stamp {
  state: FolderState;
  id?: string;
  ctimeMs?: number;
  mtimeMs?: number;
}

/** One issue folder: its own file watcher, made again whenever the folder comes back. */
class WatchedFolder {
  state: FolderState = 'ok';
  private stamp: Stamp = { state: 'ok' };
  private watcher: FSWatcher | undefined;

  constructor(
    readonly dir: string,
    private readonly make: () => FSWatcher,
  ) {}

  /** Watch it; resolves once its watcher is ready. */
  async start(): Promise<void> {
    this.stamp = await stampOf(this.dir);
    this.state = this.stamp.state;
    if (this.state === 'ok') await this.rewatch();
  }

  /** Look at the folder: its new state if it changed, and whether it is watched anew (undefined: neither). */
  async look(): Promise<{ state?: FolderState; rewatched: boolean } | undefined> {
    const before = this.stamp;
    const now = await stampOf(this.dir);
    this.stamp = now;
    if (now.state !== 'ok') {
      if (this.state === now.state) return undefined;
      this.state = now.state;
      await this.unwatch();
      return { state: now.state, rewatched: false };
    }
    if (this.state !== 'ok') {
      this.state = 'ok';
      await this.rewatch();
      return { state: 'ok', rewatched: true };
    }
    // Moved away and back, replaced, or chmod'ed, all since the last look.
    const touched = before.id !== now.id || (before.ctimeMs !== now.ctimeMs && before.mtimeMs === now.mtimeMs);
    if (!touched) return undefined;
    await this.rewatch();
    return { rewatched: true };
  }

  async close(): Promise<void> {
    await this.unwatch();
  }

  private async rewatch(): Promise<void> {
    await this.unwatch();
    const w = this.make();
    this.watcher = w;
    await new Promise<void>((resolve) => w.once('ready', () => resolve()));
  }

  private async unwatch(): Promise<void> {
    const w = this.watcher;
    this.watcher = undefined;
    await w?.close();
  }
}

/** The folder's state; for one that is there, what tells it from another or a chmod'ed one. */
async function stampOf(dir: string): Promise<Stamp> {
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) return { state: 'missing' };
    // Listed and its files reachable: what reading it needs (an ACL on Windows too).
    await access(dir, constants.R_OK | constants.X_OK);
    await (await opendir(dir)).close();
    return { state: 'ok', id: `${s.dev}:${s.ino}`, ctimeMs: s.ctimeMs, mtimeMs: s.mtimeMs };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { state: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable' };
  }
}

/** At most this many changed paths are looked at again after a rebuild (a folder of thousands dropped in at once is rebuilt from its own events). */
const RESTAT_MAX = 1000;

/** Size, times and identity of each path (or 'gone'), to know whether it changed while it was read. */
async function stampsOf(paths: string[]): Promise<Map<string, string>> {
  const stamps = new Map<string, string>();
  await Promise.all(
    paths.slice(0, RESTAT_MAX).map(async (p) => {
      try {
        const s = await stat(p);
        // A folder's times move whenever a file in it is made (an output's temporary, with --out inside it): not a save.
        stamps.set(p, s.isFile() ? `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}` : 'folder');
      } catch {
        stamps.set(p, 'gone');
      }
    }),
  );
  return stamps;
}
