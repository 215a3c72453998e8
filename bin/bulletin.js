#!/usr/bin/env node
// Runs the command line: the bundle that `npm run build` (and so `npm ci`,
// through prepare) makes of the compiled modules, dist/bundle/main.cjs
// (scripts/bundle.mjs), loaded with its V8 code cache (bundleLoader.js). A
// bare `--version` is answered here, from package.json, without loading the
// command line at all (README, "性能 / Performance"); every other use goes
// through src/cli/main.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

const argv = process.argv.slice(2);
// A one-shot command compiles HarfBuzz's WebAssembly with the baseline
// compiler only: V8's optimising tier-up compiles in the background, and a
// process cannot exit until that is finished — about 0.3 s after the build
// was done, for code that had already run (profile: README, "性能 /
// Performance"). The long-lived preview and --watch keep the tier-up. The
// code caches are made under the same flag (scripts/codeCache.mjs).
if (!argv.includes('preview') && !argv.includes('--watch')) setFlagsFromString('--liftoff-only');
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${version}\n`);
} else {
  const { loadChunk } = await import('./bundleLoader.js');
  const { main } = loadChunk(fileURLToPath(new URL('../dist/bundle/main.cjs', import.meta.url)));
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`internal error: ${err && err.message ? err.message : err}\n`);
      process.exitCode = 3;
    },
  );
}
