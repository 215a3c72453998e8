// Loads the bundled command line (dist/bundle/*.cjs, scripts/bundle.mjs) the
// way Node loads a CommonJS module, but through vm.Script with V8's code
// cache: a chunk whose `<chunk>.cache` (scripts/codeCache.mjs, made when the
// package is built) V8 accepts is not parsed or compiled again, nor are the
// functions the cache was warmed with. Node 20 keeps no compile cache of its
// own for ES modules; compiling the bundle cost a cold build about 0.1 s
// (README, "性能 / Performance").
//
// V8 refuses a cache made by another V8 or with other flags, but takes one
// made for any source of the same length; so each cache starts with the
// SHA-1 of the source it was made from (CACHE_ID_BYTES), and a cache of
// another source is not handed over. A chunk without a usable cache is
// compiled as usual: a cache can make a start faster, never different.
// Caches live beside their chunks and are removed with them on every bundling.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** A cache file: the SHA-1 of its chunk's bytes, then V8's data. */
export const CACHE_ID_BYTES = 20;

/** The id a cache of `source` (a chunk's bytes) starts with. */
export const cacheId = (source) => createHash('sha1').update(source).digest();

/** The Node CommonJS wrapper, so that a chunk sees what a module sees. */
const WRAP_START = '(function (exports, require, module, __filename, __dirname) { ';
const WRAP_END = '\n})';

// import() cannot run inside a script compiled with a code cache (Node
// loses the script's loader), so the chunks import an ES-module-only
// package through this one (src/importPackage.ts), resolved from here,
// inside the package.
globalThis[Symbol.for('bulletin.importPackage')] = (name) => import(name);

/** Every chunk loaded by this process: its exports, and its script (to write its cache). */
const chunks = new Map();

/**
 * The exports of the chunk `file` (an absolute path to a .cjs file of the
 * bundle). Its `require('./<chunk>.cjs')` loads sibling chunks here too;
 * anything else goes to Node's own require.
 */
export function loadChunk(file) {
  const known = chunks.get(file);
  if (known) return known.module.exports;
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  let cachedData;
  try {
    const cache = readFileSync(`${file}.cache`);
    if (cache.length > CACHE_ID_BYTES && cache.subarray(0, CACHE_ID_BYTES).equals(cacheId(bytes))) cachedData = cache.subarray(CACHE_ID_BYTES);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(WRAP_START + source + WRAP_END, { filename: file, cachedData });
  const module = { exports: {}, filename: file, loaded: false };
  chunks.set(file, { module, script, cacheRejected: cachedData === undefined || script.cachedDataRejected === true });
  const dir = path.dirname(file);
  const nodeRequire = createRequire(file);
  const chunkRequire = (id) => (id.startsWith('./') && id.endsWith('.cjs') ? loadChunk(path.join(dir, id)) : nodeRequire(id));
  chunkRequire.resolve = nodeRequire.resolve;
  try {
    script.runInThisContext()(module.exports, chunkRequire, module, file, dir);
  } catch (err) {
    // As Node's require: a chunk that threw is not kept half made; the next require runs it again.
    chunks.delete(file);
    throw err;
  }
  module.loaded = true;
  return module.exports;
}

/** The chunks this process loaded, each with its script, whether V8 took its cache, and the cache file's contents for it now. */
export function loadedChunks() {
  return [...chunks].map(([file, c]) => ({
    file,
    script: c.script,
    cacheRejected: c.cacheRejected,
    cacheFile: () => Buffer.concat([cacheId(readFileSync(file)), c.script.createCachedData()]),
  }));
}
