// Subsetting fonts with hb-subset (harfbuzzjs): for `--embed-fonts`, and for
// scripts/subset-fonts.mjs, which builds the bundled Noto fallbacks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

// hb-subset.h
const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_SETS_NAME_ID = 4;
/** hb_subset_flags_t: charstrings with their subroutines inlined. */
export const HB_SUBSET_FLAGS_DESUBROUTINIZE = 0x4;

/**
 * The wasm of harfbuzzjs 1.6.4 has a fixed heap of 1040 pages (65 MiB), too
 * small for thousands of glyphs of a CJK collection: its memory section is
 * rewritten to declare more before instantiating (reserved lazily).
 */
const WASM_PAGES = 8192;

/** Tables left out: the layout tables, which bulletin never uses (it draws glyphs at their cmap advance), and DSIG. */
const DROP_TABLES = ['GSUB', 'GPOS', 'DSIG'];
/** Name records kept: 0–14 (copyright … licence URL), so the licence travels. */
const NAME_IDS = Array.from({ length: 15 }, (_, i) => i);

/** The part of the WebAssembly API used here (the DOM lib is not in this project's types). */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports?: object) => { exports: unknown };
};

interface HbExports {
  memory: { buffer: ArrayBuffer };
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(ptr: number, len: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(b: number): void;
  hb_blob_get_data(b: number, len: number): number;
  hb_blob_get_length(b: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(f: number): void;
  hb_face_reference_blob(f: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(i: number): void;
  hb_subset_input_unicode_set(i: number): number;
  hb_subset_input_set(i: number, which: number): number;
  hb_subset_input_set_flags(i: number, flags: number): void;
  hb_set_add(set: number, value: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

let loaded: { hb: HbExports; version: string } | undefined;

/**
 * hb-subset, instantiated once per process, synchronously (Node allows a
 * module of any size on the main thread), so that a subset can be cut
 * when it is first asked for (subsets.ts).
 */
export function subsetterNow(): { hb: HbExports; version: string } {
  if (!loaded) {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(withMemory(readFileSync(wasmFile()), WASM_PAGES)), {});
    loaded = { hb: instance.exports as unknown as HbExports, version: subsetterVersion() };
  }
  return loaded;
}

const wasmFile = (): string => require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');

let version: string | undefined;

/** The version of harfbuzzjs, whose hb-subset cuts the subsets (for cache keys), without instantiating it. */
export function subsetterVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(path.dirname(wasmFile()), '..', 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/** Whether this process has instantiated hb-subset (for tests: a PDF of Fandol text needs none). */
export function subsetterLoaded(): boolean {
  return loaded !== undefined;
}

/** hb-subset, instantiated once per process. */
export async function loadSubsetter(): Promise<{ hb: HbExports; version: string }> {
  return subsetterNow();
}

const tag = (s: string) => ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;

/** Face `index` of the font file `bytes`, cut down to the code points `cps`. */
export async function subsetFont(bytes: Uint8Array, index: number, cps: Iterable<number>, flags = 0): Promise<Buffer> {
  return subsetInWasm(bytes.length, (heap) => heap.set(bytes), index, cps, flags);
}

/**
 * Face `index` of font data of `size` bytes, which `fill` writes straight
 * into hb's heap (a file is read there without a copy in between), cut down
 * to the code points `cps`. The subset is the same bytes on every run.
 */
export async function subsetInWasm(size: number, fill: (heap: Uint8Array) => void, index: number, cps: Iterable<number>, flags = 0): Promise<Buffer> {
  return subsetInWasmNow(size, fill, index, cps, flags);
}

/** subsetInWasm, synchronously. */
export function subsetInWasmNow(size: number, fill: (heap: Uint8Array) => void, index: number, cps: Iterable<number>, flags = 0): Buffer {
  const { hb } = subsetterNow();
  const ptr = hb.malloc(size);
  if (!ptr) throw new Error('out of wasm memory');
  try {
    fill(new Uint8Array(hb.memory.buffer, ptr, size));
    const blob = hb.hb_blob_create(ptr, size, HB_MEMORY_MODE_READONLY, 0, 0);
    const face = hb.hb_face_create(blob, index);
    hb.hb_blob_destroy(blob);
    const input = hb.hb_subset_input_create_or_fail();
    if (!input) {
      hb.hb_face_destroy(face);
      throw new Error('hb_subset_input_create_or_fail failed');
    }
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const cp of cps) hb.hb_set_add(unicodes, cp);
    const drop = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const t of DROP_TABLES) hb.hb_set_add(drop, tag(t));
    const names = hb.hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID);
    for (const id of NAME_IDS) hb.hb_set_add(names, id);
    if (flags) hb.hb_subset_input_set_flags(input, flags);
    const result = hb.hb_subset_or_fail(face, input);
    hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    if (!result) throw new Error('hb_subset_or_fail failed');
    const out = hb.hb_face_reference_blob(result);
    const data = hb.hb_blob_get_data(out, 0);
    const length = hb.hb_blob_get_length(out);
    const subset = Buffer.from(new Uint8Array(hb.memory.buffer, data, length));
    hb.hb_blob_destroy(out);
    hb.hb_face_destroy(result);
    return subset;
  } finally {
    hb.free(ptr);
  }
}

/** The wasm module with its memory section declaring `pages` pages. */
function withMemory(wasm: Buffer, pages: number): Buffer {
  const leb = (i: number): [number, number] => {
    let r = 0;
    let s = 0;
    let b: number;
    do {
      b = wasm[i++]!;
      r += (b & 0x7f) * 2 ** s;
      s += 7;
    } while (b & 0x80);
    return [r, i];
  };
  const uleb = (n: number): number[] => {
    const out: number[] = [];
    do {
      let b = n & 0x7f;
      n = Math.floor(n / 128);
      if (n) b |= 0x80;
      out.push(b);
    } while (n);
    return out;
  };
  let i = 8;
  while (i < wasm.length) {
    const start = i;
    const id = wasm[i++]!;
    const [size, body] = leb(i);
    if (id === 5) {
      if (leb(body)[0] !== 1) throw new Error('unexpected wasm memory section');
      const section = [1, 1, ...uleb(pages), ...uleb(pages)]; // one memory, min = max = pages
      return Buffer.concat([wasm.subarray(0, start), Buffer.from([5, ...uleb(section.length), ...section]), wasm.subarray(body + size)]);
    }
    i = body + size;
  }
  throw new Error('no memory section in the harfbuzzjs wasm');
}
