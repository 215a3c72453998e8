// Faces load from the sfnt tables and the on-disk cache (src/fonts/loadFace.ts)
// and give exactly what a fresh fontkit parse gives: `has` and the advance of
// every mapped code point, the ink of the marks, the em box, the names. A
// damaged or cut-off cache entry is ignored and rewritten; a cache that
// cannot be written is done without; a warm cache never decodes an outline,
// nor, for the bundled fonts, whose figures ship in fonts/figures.json, a cold one.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { cacheRoot, FontCache, sha256 } from '../../src/fonts/fontCache.js';
import { inkCodePoints, REFERENCE_IDEOGRAPHS } from '../../src/fonts/inkBoxes.js';
import { bundledFigures } from '../../src/fonts/bundledFigures.js';
import { FontFile } from '../../src/fonts/fontFile.js';
import { computeFigures, FaceData, forgetLoadedFaces, loadFace, type LoadedFace } from '../../src/fonts/loadFace.js';
import { REPO_ROOT, tempDir } from '../helpers/project.js';
import { FONTS } from './fontFiles.js';

const BUNDLED = readdirSync(FONTS).filter((f) => /\.(otf|ttf|woff2?)$/.test(f)).sort();

/** What a fresh fontkit parse says about `cps`: the figures the typesetter asks for. */
function fontkitFigures(file: string, cps: number[]) {
  const font = fontkit.openSync(file) as fontkit.Font;
  const upm = font.unitsPerEm;
  const has = (cp: number) => font.hasGlyphForCodePoint(cp) && font.glyphForCodePoint(cp).id !== 0;
  const refs = REFERENCE_IDEOGRAPHS.filter((cp) => font.hasGlyphForCodePoint(cp)).map((cp) => font.glyphForCodePoint(cp).bbox);
  const centre = refs.reduce((a, b) => a + (b.minY + b.maxY) / 2, 0) / refs.length;
  return {
    postscriptName: font.postscriptName,
    familyName: font.getName('preferredFamily') ?? font.familyName,
    emAscent: refs.length ? Math.round(((centre + upm / 2) / upm) * 100) / 100 : (font['OS/2']?.typoAscender ?? font.ascent) / upm,
    has: cps.map(has),
    advance: cps.map((cp) => font.glyphForCodePoint(cp).advanceWidth / upm),
    ink: [...inkCodePoints()].map((cp) => {
      const b = font.glyphForCodePoint(cp).bbox;
      return Number.isFinite(b.minX) ? { minX: b.minX / upm, maxX: b.maxX / upm } : { minX: 0, maxX: 0 };
    }),
  };
}

const characterSet = (file: string): number[] => (fontkit.openSync(file) as fontkit.Font).characterSet;

function ourFigures(face: LoadedFace, cps: number[]) {
  return {
    postscriptName: face.postscriptName,
    familyName: face.familyName,
    emAscent: face.emAscent,
    has: cps.map((cp) => face.has(cp)),
    advance: cps.map((cp) => face.advance(cp)),
    ink: [...inkCodePoints()].map((cp) => face.ink(cp)),
  };
}

/** Mapped code points plus some that no bundled face maps (their advance is .notdef's). */
const UNMAPPED = [0xe000, 0x1f600, 0x10ffff, 0x0378];

describe.each(BUNDLED)('%s', (name) => {
  const file = path.join(FONTS, name);

  it('computed, shipped in fonts/figures.json, from a cold and from a warm cache: what fontkit says, for every mapped code point', () => {
    const cache = new FontCache(tempDir('bulletin-cache-'));
    const mapped = characterSet(file);
    expect(mapped.length).toBeGreaterThan(1000);
    const cps = [...mapped, ...UNMAPPED];
    const expected = fontkitFigures(file, cps);
    expect(expected.emAscent).toBeGreaterThan(0.7);

    // Computed from the file (the path of a font that is neither cached nor bundled).
    const font = FontFile.open(file);
    const computed = computeFigures(font, 0);
    font.close();
    expect(ourFigures(new FaceData(file, 0, computed).as('f'), cps)).toEqual(expected);
    // Shipped: the same figures, by the file's hash (scripts/font-figures.mjs writes them).
    expect(bundledFigures(sha256(readFileSync(file)), 0, 'fonts-v1')).toEqual({ file: name, ...computed });

    forgetLoadedFaces();
    const cold = loadFace(file, 0, cache).as('f');
    expect(ourFigures(cold, cps)).toEqual(expected);
    expect(readdirSync(path.join(cache.root!, 'fonts-v1', 'faces'))).toHaveLength(1);

    forgetLoadedFaces();
    const warm = loadFace(file, 0, cache).as('f');
    expect(ourFigures(warm, cps)).toEqual(expected);
  });
});

describe('the cache folder', () => {
  it('is the user’s cache folder of each platform, or BULLETIN_CACHE_DIR; off turns it off', () => {
    expect(cacheRoot({ LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local' }, 'win32', 'C:\\Users\\li')).toBe('C:\\Users\\li\\AppData\\Local\\bulletin\\Cache');
    expect(cacheRoot({}, 'win32', 'C:\\Users\\li')).toBe('C:\\Users\\li\\AppData\\Local\\bulletin\\Cache');
    expect(cacheRoot({}, 'darwin', '/Users/li')).toBe('/Users/li/Library/Caches/bulletin');
    expect(cacheRoot({}, 'linux', '/home/li')).toBe('/home/li/.cache/bulletin');
    expect(cacheRoot({ XDG_CACHE_HOME: '/var/cache/li' }, 'linux', '/home/li')).toBe('/var/cache/li/bulletin');
    // A relative XDG_CACHE_HOME is ignored, as the XDG spec says.
    expect(cacheRoot({ XDG_CACHE_HOME: 'cache' }, 'linux', '/home/li')).toBe('/home/li/.cache/bulletin');
    expect(cacheRoot({ BULLETIN_CACHE_DIR: '/tmp/c', XDG_CACHE_HOME: '/x' }, 'linux', '/home/li')).toBe('/tmp/c');
    expect(cacheRoot({ BULLETIN_CACHE_DIR: 'off' }, 'linux', '/home/li')).toBeUndefined();
  });
});

describe('the cache entry of a face', () => {
  const file = path.join(FONTS, 'FandolKai-Regular.otf');
  const cps = [...'，。、（）《》“”国中文'].map((c) => c.codePointAt(0)!);
  const expected = () => ourFigures(loadFace(file, 0, new FontCache(undefined)).as('f'), cps);
  const entryOf = (cache: FontCache) => {
    const dir = path.join(cache.root!, 'fonts-v1', 'faces');
    const [entry] = readdirSync(dir);
    return path.join(dir, entry!);
  };

  it.each([
    ['cut off', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['with one byte changed', (b: Buffer) => Buffer.concat([b.subarray(0, 200), Buffer.from(b[200] === 0x31 ? '2' : '1'), b.subarray(201)])],
    ['empty', () => Buffer.alloc(0)],
    ['with a valid checksum over the wrong kind of data', () => Buffer.from(`${sha256(Buffer.from('[1,2,3]'))}\n[1,2,3]`)],
  ])('%s, is ignored, recomputed and rewritten', (_what, damage) => {
    forgetLoadedFaces();
    const want = expected();
    const cache = new FontCache(tempDir('bulletin-cache-'));
    forgetLoadedFaces();
    loadFace(file, 0, cache);
    const entry = entryOf(cache);
    const good = readFileSync(entry);
    writeFileSync(entry, damage(good));
    forgetLoadedFaces();
    expect(ourFigures(loadFace(file, 0, cache).as('f'), cps)).toEqual(want);
    expect(readFileSync(entry).equals(good)).toBe(true);
  });

  it('is not needed: with a cache folder that cannot be created, faces load all the same', () => {
    forgetLoadedFaces();
    const want = expected();
    const blocker = path.join(tempDir('bulletin-cache-'), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const cache = new FontCache(path.join(blocker, 'cache'));
    forgetLoadedFaces();
    expect(ourFigures(loadFace(file, 0, cache).as('f'), cps)).toEqual(want);
    expect(cache.usable).toBe(false);
  });

  it('follows the file: a new modification time is hashed again to the same entry; new content makes a new entry', () => {
    const dir = tempDir('bulletin-font-');
    const copy = path.join(dir, 'face.otf');
    writeFileSync(copy, readFileSync(path.join(FONTS, 'NotoSansCJKsc-Fallback.otf')));
    const cache = new FontCache(tempDir('bulletin-cache-'));
    forgetLoadedFaces();
    const before = loadFace(copy, 0, cache).as('f');
    expect(before.has('喆'.codePointAt(0)!)).toBe(true);
    const t = new Date(statSync(copy).mtimeMs + 60_000);
    utimesSync(copy, t, t);
    forgetLoadedFaces();
    loadFace(copy, 0, cache);
    expect(readdirSync(path.join(cache.root!, 'fonts-v1', 'faces'))).toHaveLength(1);
    writeFileSync(copy, readFileSync(path.join(FONTS, 'FandolHei-Regular.otf')));
    forgetLoadedFaces();
    const after = loadFace(copy, 0, cache).as('f');
    expect(after.postscriptName).toBe('FandolHei-Regular');
    expect(after.has('喆'.codePointAt(0)!)).toBe(false);
    expect(readdirSync(path.join(cache.root!, 'fonts-v1', 'faces'))).toHaveLength(2);
  });
});

/** A child process loading every bundled face; prints its figures and whether outlines were decoded. */
const CHILD = `
import { loadFace } from ${JSON.stringify(path.join(REPO_ROOT, 'dist/fonts/loadFace.js'))};
import { outlinesDecoded } from ${JSON.stringify(path.join(REPO_ROOT, 'dist/fonts/inkBoxes.js'))};
const files = JSON.parse(process.argv[1]);
// The ink of ， where the face has it: the rare files have no marks, and .notdef's ink is measured when asked for.
const out = files.map((f) => { const face = loadFace(f).as('f'); return [face.postscriptName, face.emAscent, face.advance(0x3002), face.has(0xff0c) && face.ink(0xff0c), face.has(0x4e00)]; });
console.log(JSON.stringify({ out, decoded: outlinesDecoded() }));
`;

/**
 * Copies of the bundled fonts with a byte added at the end: fonts all the same, but of other
 * content, so that their figures are not shipped and must be computed.
 */
function unbundledCopies(): string[] {
  const dir = tempDir('bulletin-fonts-');
  return BUNDLED.map((f) => {
    const copy = path.join(dir, f);
    writeFileSync(copy, Buffer.concat([readFileSync(path.join(FONTS, f)), Buffer.from([0])]));
    return copy;
  });
}

function runChild(cacheDir: string, files: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, JSON.stringify(files)], {
      env: { ...process.env, BULLETIN_CACHE_DIR: cacheDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('typesetting with a warm cache', () => {
  it('reads and typesets the sample issue without decoding an outline or decompressing a WOFF2 file, even with an empty cache', () => {
    const dir = tempDir('bulletin-cache-');
    const script = `
      import zlib from 'node:zlib';
      let decompressed = 0;
      const brotli = zlib.brotliDecompressSync;
      zlib.brotliDecompressSync = (...args) => (decompressed++, brotli(...args));
      const { prepareIssue } = await import(${JSON.stringify(path.join(REPO_ROOT, 'dist/build.js'))});
      const { loadProject } = await import(${JSON.stringify(path.join(REPO_ROOT, 'dist/project/config.js'))});
      const { Diagnostics } = await import(${JSON.stringify(path.join(REPO_ROOT, 'dist/diagnostics.js'))});
      const { outlinesDecoded } = await import(${JSON.stringify(path.join(REPO_ROOT, 'dist/fonts/inkBoxes.js'))});
      const p = prepareIssue(loadProject(${JSON.stringify(REPO_ROOT)}, new Diagnostics()), '2024-08');
      console.log(JSON.stringify({ pages: p.layout.pages.length, decoded: outlinesDecoded(), decompressed }));`;
    const run = () => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, BULLETIN_CACHE_DIR: dir }, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { pages: number; decoded: boolean; decompressed: number };
    };
    const cold = run();
    const warm = run();
    // Even with an empty cache (a fresh CI runner): the bundled fonts' figures ship with them.
    expect(cold.decoded).toBe(false);
    // The rare files (WOFF2) hold nothing the sample needs: a cold cache reads only their start.
    expect(cold.decompressed).toBeLessThanOrEqual(2);
    expect(warm).toEqual({ pages: cold.pages, decoded: false, decompressed: 0 });
    expect(warm.pages).toBeGreaterThan(5);
  });
});

describe('builds sharing one cache', () => {
  it('four processes filling an empty cache at once all succeed with the same figures; the entries are whole', async () => {
    const dir = tempDir('bulletin-cache-');
    const files = unbundledCopies();
    const runs = await Promise.all([1, 2, 3, 4].map(() => runChild(dir, files)));
    for (const r of runs) expect(r.status, r.stderr).toBe(0);
    const results = runs.map((r) => JSON.parse(r.stdout) as { out: unknown; decoded: boolean });
    for (const r of results) expect(r.out).toEqual(results[0]!.out);
    const entries = readdirSync(path.join(dir, 'fonts-v1', 'faces'));
    expect(entries).toHaveLength(BUNDLED.length);
    expect(readdirSync(path.join(dir, 'fonts-v1', 'faces')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // With the cache warm, a process loads and measures every face without decoding an outline.
    const warm = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, JSON.stringify(files)], {
      env: { ...process.env, BULLETIN_CACHE_DIR: dir },
      encoding: 'utf8',
    });
    expect(warm.status, warm.stderr).toBe(0);
    const w = JSON.parse(warm.stdout) as { out: unknown; decoded: boolean };
    expect(w.out).toEqual(results[0]!.out);
    expect(w.decoded).toBe(false);
    expect(results.every((r) => r.decoded)).toBe(true);
    // The same figures as the bundled fonts' own.
    const bundled = await runChild(tempDir('bulletin-cache-'), BUNDLED.map((f) => path.join(FONTS, f)));
    expect(JSON.parse(bundled.stdout)).toEqual({ out: results[0]!.out, decoded: false });
  });
});
