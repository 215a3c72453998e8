// Compile and bundle the CLI once before the tests (what `npm run build`
// does: tsc, then scripts/bundle.mjs), so tests that spawn bin/bulletin.js
// run the code under test and not a stale build. Type errors do not stop the
// emit (exit status 2) and are not this step's to judge: `npm test` runs the
// type check first (`npm run typecheck`), so a run of single test files
// works while other code is half edited.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): () => void {
  // A font cache of the tests' own (src/fonts/fontCache.ts), never the developer's: every
  // worker and every CLI the tests start inherits it. A test of the cache sets its own.
  const cache = mkdtempSync(path.join(os.tmpdir(), 'bulletin-test-cache-'));
  process.env.BULLETIN_CACHE_DIR = cache;
  // No installed font takes part unless a test puts one in a folder of its own
  // (src/fonts/systemFonts.ts): results do not depend on the machine's fonts.
  process.env.BULLETIN_SYSTEM_FONT_DIRS = '';
  const teardown = () => rmSync(cache, { recursive: true, force: true });
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { encoding: 'utf8' });
  if (r.status === 2) process.stderr.write(`globalSetup: dist/ compiled with type errors (npm run typecheck reports them)\n`);
  else if (r.status !== 0) {
    teardown();
    throw new Error(`tsc failed (status ${r.status}): ${r.stdout}${r.stderr}`);
  }
  const b = spawnSync(process.execPath, [path.join(root, 'scripts/bundle.mjs')], { encoding: 'utf8' });
  if (b.status === 0) return teardown;
  teardown();
  throw new Error(`scripts/bundle.mjs failed (status ${b.status}): ${b.stdout}${b.stderr}`);
}
