// Rebuild on every saved change: watches the issue folders, the project's
// templates and its config; changes are debounced, rebuilds never overlap.
import chokidar from 'chokidar';
import path from 'node:path';
import { CONFIG_FILE, type Project } from '../project/config.js';

export interface Watching {
  /** Resolves once the watcher has scanned the folders and sees every change. */
  ready: Promise<void>;
  close(): Promise<void>;
}

const DEBOUNCE_MS = 250;

export interface WatchTiming {
  /** Quiet time after the last change before a rebuild starts. */
  debounceMs?: number;
  /** Wait until a file's size stops changing for this long (none: react at once; the debounce covers a quick save). */
  stableMs?: number;
}

/** `rebuild` gets the paths that changed since the last rebuild began. */
export function watchAndRebuild(
  project: Project,
  issueDirs: string[],
  outDir: string,
  rebuild: (changed: string[]) => Promise<void>,
  onError: (err: Error) => void = () => {},
  timing: WatchTiming = {},
): Watching {
  const debounceMs = timing.debounceMs ?? DEBOUNCE_MS;
  const stableMs = timing.stableMs === undefined ? 100 : timing.stableMs;
  const paths = [...issueDirs, project.templatesDir, path.join(project.root, CONFIG_FILE)];
  const watcher = chokidar.watch(paths, {
    ignoreInitial: true,
    // Temporary files of atomic writes and editors' swap files.
    // The outputs themselves (wherever --out puts them, even inside an issue folder).
    ignored: (p: string) => /(^|[\\/])\.[^\\/]*\.tmp$|~$|\.swp$/.test(p) || p === outDir || p.startsWith(outDir + path.sep),
    awaitWriteFinish: stableMs > 0 ? { stabilityThreshold: stableMs, pollInterval: 25 } : false,
  });
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let pending = false;
  const trigger = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void go(), debounceMs);
  };
  const go = async (): Promise<void> => {
    if (running) {
      pending = true;
      return;
    }
    running = true;
    const paths = [...changed];
    changed.clear();
    try {
      await rebuild(paths);
    } finally {
      running = false;
      if (pending) {
        pending = false;
        trigger();
      }
    }
  };
  watcher.on('all', (_event: string, p: string) => {
    changed.add(path.resolve(p));
    trigger();
  });
  // E.g. the system's limit of watched files reached (ENOSPC): say so rather than go quiet.
  watcher.on('error', (err) => onError(err as Error));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: async () => {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}
