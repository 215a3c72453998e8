// scripts/subset-fonts.mjs rebuilds the bundled Noto subsets byte for byte.
// Runs where harfbuzzjs is installed and Debian's fonts-noto-cjk is installed
// (its .ttc files in /usr/share/fonts/opentype/noto); skipped elsewhere, since
// fetching the 56 MB package is no job for a test.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './fontFiles.js';

const NOTO_DIR = '/usr/share/fonts/opentype/noto';
const TTCS = ['NotoSerifCJK-Regular.ttc', 'NotoSansCJK-Regular.ttc', 'NotoSerifCJK-Bold.ttc'];

function harfbuzzjsInstalled(): boolean {
  try {
    createRequire(path.join(ROOT, 'scripts', 'subset-fonts.mjs')).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    return true;
  } catch {
    return false;
  }
}

const ready = harfbuzzjsInstalled() && TTCS.every((f) => existsSync(path.join(NOTO_DIR, f)));

describe.skipIf(!ready)('scripts/subset-fonts.mjs --check', () => {
  it('builds the same bytes as the files in fonts/', (ctx) => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/subset-fonts.mjs'), '--check', '--noto-dir', NOTO_DIR], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    // Another version of fonts-noto-cjk installed: nothing to compare with.
    if (run.status !== 0 && /SHA-256 .* expected/.test(run.stderr)) ctx.skip();
    expect(run.stderr).not.toMatch(/differ|failed|lost/);
    expect(run.stdout).toMatch(/^same {2}NotoSerifCJKsc-Fallback\.otf/m);
    expect(run.stdout).toMatch(/^same {2}NotoSansCJKsc-Fallback\.otf/m);
    expect(run.stdout).toMatch(/^same {2}NotoSerifCJKsc-Bold-Title\.otf/m);
    expect(run.status).toBe(0);
  });
});
