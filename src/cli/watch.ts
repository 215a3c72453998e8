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

export function watchAndRebuild(
  project: Project,
  issueDirs: string[],
  outDir: string,
  rebuild: () => Promise<void>,
  onError: (err: Error) => void = () => {},
): Watching {
  const paths = [...issueDirs, project.templatesDir, path.join(project.root, CONFIG_FILE)];
  const watcher = chokidar.watch(paths, {
    ignoreInitial: true,
    // Temporary files of atomic writes and editors' swap files.
    // The outputs themselves (wherever --out puts them, even inside an issue folder).
    ignored: (p: string) => /(^|[\\/])\.[^\\/]*\.tmp$|~$|\.swp$/.test(p) || p === outDir || p.startsWith(outDir + path.sep),
    awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 25 },
  });
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let pending = false;
  const trigger = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void go(), DEBOUNCE_MS);
  };
  const go = async (): Promise<void> => {
    if (running) {
      pending = true;
      return;
    }
    running = true;
    try {
      await rebuild();
    } finally {
      running = false;
      if (pending) {
        pending = false;
        trigger();
      }
    }
  };
  watcher.on('all', trigger);
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
