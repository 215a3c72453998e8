// A save that lands while a rebuild is reading is built again (src/cli/watch.ts).
// An editor that truncates a file and then writes it can do both within one
// tick of the file system's clock; the file watcher then reports the truncate
// only (the second change has the same mtime), and the rebuild that read the
// empty file would be the last. Here the rebuild itself rewrites the article
// and puts its mtime back, so the file watcher sees no change at all: only
// the look before and after the rebuild can find it.
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchAndRebuild } from '../../src/cli/watch.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadProject } from '../../src/project/config.js';
import { MINIMAL, writeProject } from '../helpers/project.js';

const WAIT_MS = 20_000;

describe('the watcher, when a file changes while it is rebuilt', () => {
  it('rebuilds once more when a changed file moved on during the rebuild, and then stops', async () => {
    const root = writeProject(MINIMAL);
    const project = loadProject(root, new Diagnostics());
    const dir = path.join(root, 'issues/2024-09');
    const article = path.join(dir, '01-a.md');
    const seen: string[] = [];
    let rewritten = false;
    let second: () => void = () => {};
    const secondRebuild = new Promise<void>((resolve) => (second = resolve));
    const watching = watchAndRebuild(
      project,
      [dir],
      path.join(root, 'out'),
      async (changed) => {
        seen.push(readFileSync(article, 'utf8'));
        if (!rewritten && changed.includes(article)) {
          // The save's second half, in the same tick as far as the watcher can tell.
          rewritten = true;
          const { atime, mtime } = statSync(article);
          writeFileSync(article, `${readFileSync(article, 'utf8')}\n又写了一句。\n`);
          utimesSync(article, atime, mtime);
        } else if (rewritten) second();
      },
      {},
      { debounceMs: 15, stableMs: 0 },
    );
    try {
      await watching.ready;
      writeFileSync(article, '---\ntitle: 测试文章\n---\n\n第一次保存。\n');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), WAIT_MS));
      expect(await Promise.race([secondRebuild.then(() => 'rebuilt' as const), timeout])).toBe('rebuilt');
      expect(seen.at(-1)).toContain('又写了一句。');
      // Nothing moved on since: no third rebuild.
      const count = seen.length;
      await new Promise((r) => setTimeout(r, 1_000));
      expect(seen.length).toBe(count);
    } finally {
      await watching.close();
    }
  }, 60_000);
});
