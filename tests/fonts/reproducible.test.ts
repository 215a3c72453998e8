// scripts/subset-fonts.mjs rebuilds the bundled Noto subsets byte for byte.
// Needs harfbuzzjs (a dependency), Debian's fonts-noto-cjk (its .ttc files
// in /usr/share/fonts/opentype/noto), in the version the script pins, and
// glibc's GBK and GB18030 charmaps (Debian's locales). Skipped
// on a developer's machine without them; in CI (CI set, as .ci/run does,
// which installs fonts-noto-cjk) a missing or other version is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/project.js';

const NOTO_DIR = '/usr/share/fonts/opentype/noto';
const TTCS = ['NotoSerifCJK-Regular.ttc', 'NotoSansCJK-Regular.ttc', 'NotoSerifCJK-Bold.ttc'];
const IN_CI = Boolean(process.env.CI);

function harfbuzzjsInstalled(): boolean {
  try {
    createRequire(path.join(REPO_ROOT, 'scripts', 'subset-fonts.mjs')).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    return true;
  } catch {
    return false;
  }
}

const missing = [
  ...(harfbuzzjsInstalled() ? [] : ['harfbuzzjs (npm ci)']),
  ...TTCS.filter((f) => !existsSync(path.join(NOTO_DIR, f))).map((f) => `${NOTO_DIR}/${f} (Debian fonts-noto-cjk)`),
  ...['GBK', 'GB18030'].filter((m) => !existsSync(`/usr/share/i18n/charmaps/${m}.gz`)).map((m) => `/usr/share/i18n/charmaps/${m}.gz (Debian locales)`),
];

describe('scripts/subset-fonts.mjs --check', () => {
  it.runIf(IN_CI)('has what it needs in CI', () => {
    expect(missing, 'missing in CI').toEqual([]);
  });

  it.skipIf(missing.length > 0)('builds the same bytes as the files in fonts/', (ctx) => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/subset-fonts.mjs'), '--check', '--noto-dir', NOTO_DIR], {
      encoding: 'utf8',
      timeout: 600_000,
    });
    // Another version of fonts-noto-cjk installed: nothing to compare with (in CI, a failure).
    if (run.status !== 0 && /SHA-256 .* expected/.test(run.stderr)) {
      if (IN_CI) expect.fail(`fonts-noto-cjk is not the version scripts/subset-fonts.mjs pins:\n${run.stderr}`);
      ctx.skip();
    }
    expect(run.stderr).not.toMatch(/differ|failed|lost/);
    expect(run.stdout).toMatch(/^same {2}NotoSerifCJKsc-Fallback\.otf/m);
    expect(run.stdout).toMatch(/^same {2}NotoSansCJKsc-Fallback\.otf/m);
    expect(run.stdout).toMatch(/^same {2}NotoSerifCJKsc-Bold-Title\.otf/m);
    expect(run.stdout).toMatch(/^same {2}NotoSerifCJKsc-Rare\.woff2/m);
    expect(run.stdout).toMatch(/^same {2}NotoSansCJKsc-Rare\.woff2/m);
    expect(run.status).toBe(0);
  }, 600_000);
});
