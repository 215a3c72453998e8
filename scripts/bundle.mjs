// `npm run build` / `prepare`, after tsc: bundles the compiled CLI (dist/cli/)
// into dist/bundle/, which bin/bulletin.js runs. Loading ~500 small modules
// one by one cost a cold `check` or `build` about 150 ms of resolving and
// reading files; the bundle is a handful of files. Each command and each
// writer stays a chunk of its own, loaded by the `import()` that needs it
// (src/cli/main.ts, src/build.ts), so `--version` and `check` still load no
// writer. See README, "性能 / Performance".
//
// The chunks are CommonJS (.cjs), so that bin/bundleLoader.js can compile
// them through vm.Script with a V8 code cache, which scripts/codeCache.mjs
// then makes: Node 20 has no such cache for ES modules. The code keeps ES
// module semantics: every chunk is strict, and `import.meta.url` is the
// chunk's own file URL, as it was in the ES module chunk. The chunks are
// ASCII (non-ASCII characters escaped, doc comments left out): reading and
// compiling them from their caches took 15 ms less (bin/bundleLoader.js
// timed on the chunks `check` loads, 12 runs each: 104 -> 89 ms).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const out = path.join(dist, 'bundle');

/**
 * Packages left to node_modules: those that read files beside themselves at
 * run time (pdfkit's font metrics, fontkit's and harfbuzzjs's data and wasm)
 * or are native (resvg). They load only in the commands that use them.
 */
const EXTERNAL = ['pdfkit', 'fontkit', 'harfbuzzjs', '@resvg/resvg-js'];
const isExternal = (id) => id.startsWith('node:') || EXTERNAL.some((p) => id === p || id.startsWith(`${p}/`));

/** Findings that make a broken bundle. */
const FATAL = new Set(['UNRESOLVED_IMPORT', 'MISSING_EXPORT', 'IMPORT_IS_UNDEFINED', 'EMPTY_IMPORT_META', 'UNRESOLVED_ENTRY', 'CIRCULAR_REEXPORT']);

rmSync(out, { recursive: true, force: true });
const bundle = await rolldown({
  // The worker of `build --all` (src/cli/buildRunner.ts) is an entry of its
  // own, beside the chunks, where buildRunner looks for it.
  input: { main: path.join(dist, 'cli/main.js'), buildWorker: path.join(dist, 'cli/buildWorker.js') },
  platform: 'node',
  external: isExternal,
  transform: { define: { 'import.meta.url': '__bulletinModuleUrl' } },
  logLevel: 'warn',
  onLog(level, log, handle) {
    // gray-matter's JavaScript front-matter engine uses eval; bulletin reads YAML front matter only.
    if (log.code === 'EVAL' && /gray-matter/.test(log.id ?? log.message)) return;
    // A module the bundler cannot find, or a name a module does not export, would fail only when a command reaches it.
    if (FATAL.has(log.code)) throw new Error(`bundle: ${log.code}: ${log.message}`);
    handle(level, log);
  },
});
await bundle.write({
  dir: out,
  format: 'cjs',
  // import() of a chunk or of a package left out stays lazy, as require() inside a promise.
  dynamicImportInCjs: false,
  banner: "'use strict';\nconst __bulletinModuleUrl = require('node:url').pathToFileURL(__filename).href;",
  // ASCII source (non-ASCII escaped, doc comments left out; licence notices kept): see above.
  charset: 'ascii',
  comments: { legal: true, annotation: true, jsdoc: false },
  entryFileNames: '[name].cjs',
  chunkFileNames: '[name]-[hash].cjs',
});
await bundle.close();

// The code caches, made in a process of their own under the flags the command line runs with.
try {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'codeCache.mjs')], { stdio: ['ignore', 'ignore', 'pipe'] });
} catch (err) {
  // Without caches bulletin starts as it would without this step, only slower.
  process.stderr.write(`bundle: no code cache made (${String(err.stderr ?? err.message).trim().split('\n').pop()})\n`);
}
