// A worker thread of `build --all` in the bundled command line: the bundle's
// worker chunk (dist/bundle/buildWorker.cjs, src/cli/buildWorker.ts) loaded
// through bundleLoader.js, as the main thread loads its chunks — with their
// code caches, and with the import() that an ES-module-only package needs
// (src/importPackage.ts), which each thread must be given for itself.
import { fileURLToPath } from 'node:url';
import { loadChunk } from './bundleLoader.js';

loadChunk(fileURLToPath(new URL('../dist/bundle/buildWorker.cjs', import.meta.url)));
