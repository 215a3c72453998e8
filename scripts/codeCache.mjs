// Run by scripts/bundle.mjs in a process of its own: warms the bundled
// command line on the sample issue (check, then a PDF + DOCX build into a
// temporary folder) and writes each chunk's V8 code cache beside it,
// `<chunk>.cache` (the SHA-1 of the chunk, then V8's data), which
// bin/bundleLoader.js hands to V8. The cache then holds
// the functions those commands ran, compiled, besides the chunks' top level.
//
// It must be made under the V8 flags bin/bulletin.js sets for one-shot
// commands (V8 refuses a cache made under other flags): --liftoff-only. When
// the sample issue is not there (an installed package), the chunks are only
// loaded, so the cache holds their top level. Nothing it prints matters; a
// failure leaves no cache, and bulletin compiles as it would without one.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--liftoff-only');
const { loadChunk, loadedChunks } = await import('../bin/bundleLoader.js');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'bundle');
const SAMPLE = '2024-08';

const { main } = loadChunk(path.join(bundle, 'main.cjs'));
const sample = path.join(root, 'issues', SAMPLE);
if (existsSync(sample) && existsSync(path.join(root, 'bulletin.config.yaml'))) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'bulletin-code-cache-'));
  try {
    cpSync(path.join(root, 'bulletin.config.yaml'), path.join(work, 'bulletin.config.yaml'));
    cpSync(sample, path.join(work, 'issues', SAMPLE), { recursive: true });
    const cwd = process.cwd();
    process.chdir(work);
    try {
      for (const argv of [['check', SAMPLE], ['build', SAMPLE, '--out', path.join(work, 'out')]]) {
        const code = await main(argv);
        if (code !== 0) throw new Error(`bulletin ${argv.join(' ')} exited with ${code}`);
      }
    } finally {
      process.chdir(cwd);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
for (const { file, cacheFile } of loadedChunks()) writeFileSync(`${file}.cache`, cacheFile());
