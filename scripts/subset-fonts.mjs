#!/usr/bin/env node
// Rebuilds the bundled Noto CJK subsets in fonts/ from Debian's fonts-noto-cjk.
//
//   npm run fonts:subset                      (= node scripts/subset-fonts.mjs)
//   node scripts/subset-fonts.mjs --check     rebuild in memory and compare with fonts/; exit 1 on a difference
//   node scripts/subset-fonts.mjs --noto-dir DIR   take the .ttc files from DIR
//   node scripts/subset-fonts.mjs --fonts DIR      read Fandol from / write the subsets to DIR (default: fonts/)
//
// Input: NotoSerifCJK-Regular.ttc, NotoSansCJK-Regular.ttc and NotoSerifCJK-Bold.ttc of the
// Debian package fonts-noto-cjk 1:20220127+repack1-1 (Noto Serif CJK 2.001, Noto Sans CJK
// 2.004; SIL OFL 1.1), taken from, in this order: --noto-dir DIR; /usr/share/fonts/opentype/noto
// when that package is installed; else the script runs
// `apt-get download fonts-noto-cjk=1:20220127+repack1-1` and `dpkg -x` in a temporary folder
// (a Debian 12 machine, or one whose apt lists have that version; no root needed). The SHA-256
// of every .ttc is checked, so a rebuild starts from exactly the same bytes.
//
// Also read: the 8,105 characters of 通用规范汉字表 (2013), the Unihan field kTGHZ2013 in
// /usr/share/unicode/Unihan_Readings.txt.bz2 (Debian package unicode-data 15.0.0; needs the
// bzip2 command); the repertoire of GBK, from glibc's charmaps GBK and GB18030 in
// /usr/share/i18n/charmaps (Debian package locales 2.36); and the Fandol fonts in fonts/ (to
// know what they lack).
//
// The subsetter is hb-subset from the npm package harfbuzzjs (built and checked with 1.6.4);
// the .woff2 files are compressed with the Brotli of Node (1.1.0 in Node 20). Given the same
// inputs, the same harfbuzzjs and the same Brotli, the output is the same bytes on every run.
// What each file covers: fonts/README.md.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import * as fontkit from 'fontkit';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const DEB = { name: 'fonts-noto-cjk', version: '1:20220127+repack1-1' };
const DEB_FONT_DIR = 'usr/share/fonts/opentype/noto';
const SOURCES = {
  'NotoSerifCJK-Regular.ttc': 'a04178ec485dffdff7cc0c0c20e1fce9202d7e2160d805e8e44a4c8841c58481',
  'NotoSansCJK-Regular.ttc': 'b76b0433203017ca80401b2ee0dd69350349871c4b19d504c34dbdd80541690a',
  'NotoSerifCJK-Bold.ttc': 'a5d4b046c127da3d7c72f98b46c41489cd29bf52abfdf18aba920903e920d4ac',
};
const TESTED_HARFBUZZJS = '1.6.4';
const TESTED_BROTLI = '1.1.0';
const CHARMAPS_DIR = '/usr/share/i18n/charmaps';
const UNIHAN_DIR = '/usr/share/unicode';
const TGHZ_COUNT = 8105;

// Fandol files whose gaps the fallbacks fill (every role's face).
const FANDOL = [
  'FandolSong-Regular.otf',
  'FandolSong-Bold.otf',
  'FandolFang-Regular.otf',
  'FandolKai-Regular.otf',
  'FandolHei-Regular.otf',
];

/**
 * Outputs: file in fonts/, source .ttc, face (PostScript name) in it, character set. The rare
 * files come last: they hold what neither Fandol nor the files before them have.
 */
const OUTPUTS = [
  { file: 'NotoSerifCJKsc-Fallback.otf', ttc: 'NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular', set: 'fallback' },
  { file: 'NotoSansCJKsc-Fallback.otf', ttc: 'NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular', set: 'fallback' },
  { file: 'NotoSerifCJKsc-Bold-Title.otf', ttc: 'NotoSerifCJK-Bold.ttc', face: 'NotoSerifCJKsc-Bold', set: 'title' },
  { file: 'NotoSerifCJKsc-Rare.woff2', ttc: 'NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular', set: 'rare' },
  { file: 'NotoSansCJKsc-Rare.woff2', ttc: 'NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular', set: 'rare' },
];

// Ideographs beyond the Basic Multilingual Plane: CJK Unified Ideographs Extensions B–F.
const EXT_B_TO_F = [
  [0x20000, 0x2a6df], // B
  [0x2a700, 0x2b73f], // C
  [0x2b740, 0x2b81f], // D
  [0x2b820, 0x2ceaf], // E
  [0x2ceb0, 0x2ebef], // F
];

// Punctuation, symbols, digits and letters met in Chinese text. Emoji are not sought.
const SYMBOL_RANGES = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x024f], // Latin-1 Supplement, Latin Extended-A and -B (pinyin: ā ǎ ü ǘ)
  [0x0250, 0x02ff], // IPA Extensions (ɑ ɡ), Spacing Modifier Letters (ˊ ˇ ˋ ˙)
  [0x0370, 0x03ff], // Greek
  [0x0400, 0x04ff], // Cyrillic
  [0x1e00, 0x1eff], // Latin Extended Additional (ḿ)
  [0x2000, 0x2bff], // General Punctuation … Miscellaneous Symbols and Arrows: — ‰ ※ № ℃ Ⅻ → ≤ ① ─ ■ ★ ✓ ❶
  [0x2e00, 0x2e7f], // Supplemental Punctuation (⸺ ⸻)
  [0x2e80, 0x2fff], // CJK Radicals Supplement, Kangxi Radicals, Ideographic Description Characters
  [0x3000, 0x312f], // CJK Symbols and Punctuation (〇 〔〕 〖〗), Hiragana, Katakana, Bopomofo
  [0x3190, 0x31ff], // Kanbun, Bopomofo Extended, CJK Strokes
  [0x3200, 0x33ff], // Enclosed CJK Letters and Months (㈠ ㊀), CJK Compatibility (㎡ ㏄)
  [0xfe10, 0xfe1f], // Vertical Forms
  [0xfe30, 0xfe6f], // CJK Compatibility Forms (﹏), Small Form Variants
  [0xff00, 0xff9f], // Fullwidth ASCII, halfwidth CJK punctuation and katakana
  [0xffe0, 0xffee], // Fullwidth signs (￥ ￡)
];
// Hangul inside those ranges: not Chinese text.
const HANGUL = [
  [0x3200, 0x321e],
  [0x3260, 0x327e],
];
// Whole blocks of ideographs, for the title face's own coverage.
const HAN_BMP = [
  [0x3400, 0x4dbf], // Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
];
// The rare files: the whole basic block of CJK Unified Ideographs (and GBK, read from the charmaps).
const URO = [[0x4e00, 0x9fff]];

// hb-subset runs through src/fonts/subsetFont.ts (compiled to dist/ by npm ci), the same code
// --embed-fonts uses. Layout tables are dropped: bulletin draws every glyph at its cmap advance
// with no OpenType features (src/render/pdf/page.ts), and keeping GSUB would pull the JP/KR/TC
// `locl` variants in. Name records 0–14 (copyright … licence URL) are kept.

function parseArgs(argv) {
  const opts = { check: false, notoDir: undefined, fontsDir: path.join(ROOT, 'fonts') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') opts.check = true;
    else if (a === '--noto-dir') opts.notoDir = path.resolve(argv[++i] ?? '');
    else if (a === '--fonts') opts.fontsDir = path.resolve(argv[++i] ?? '');
    else if (a === '--help' || a === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0].replace(/^#!.*\n/, '').replace(/^\/\/ ?/gm, ''));
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function sourcesOk(dir) {
  return Object.entries(SOURCES).every(([f, sum]) => existsSync(path.join(dir, f)) && sha256(readFileSync(path.join(dir, f))) === sum);
}

/** The folder holding the three .ttc files with the expected checksums. */
function findNotoDir(opts) {
  if (opts.notoDir) {
    for (const [f, sum] of Object.entries(SOURCES)) {
      const file = path.join(opts.notoDir, f);
      if (!existsSync(file)) throw new Error(`${file} is missing`);
      const got = sha256(readFileSync(file));
      if (got !== sum) throw new Error(`${file}: SHA-256 ${got}, expected ${sum} (${DEB.name} ${DEB.version})`);
    }
    return { dir: opts.notoDir };
  }
  const installed = path.join('/', DEB_FONT_DIR);
  if (sourcesOk(installed)) return { dir: installed };
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'noto-cjk-'));
  console.log(`downloading ${DEB.name}=${DEB.version} into ${tmp}`);
  execFileSync('apt-get', ['download', `${DEB.name}=${DEB.version}`], { cwd: tmp, stdio: 'inherit' });
  const deb = readdirSync(tmp).find((f) => f.endsWith('.deb'));
  if (!deb) throw new Error('apt-get download produced no .deb');
  execFileSync('dpkg', ['-x', deb, 'x'], { cwd: tmp, stdio: 'inherit' });
  const dir = path.join(tmp, 'x', DEB_FONT_DIR);
  return { dir: findNotoDir({ notoDir: dir }).dir, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}

/** The 8,105 characters of 通用规范汉字表 (Unihan kTGHZ2013), in code point order. */
function readTghz2013() {
  const files = readdirSync(UNIHAN_DIR).filter((f) => /^Unihan_.*\.txt\.bz2$/.test(f));
  // The field is in Unihan_Readings; look through the rest only if it has moved.
  files.sort((a, b) => (b === 'Unihan_Readings.txt.bz2') - (a === 'Unihan_Readings.txt.bz2') || a.localeCompare(b));
  for (const f of files) {
    const text = execFileSync('bzip2', ['-dc', path.join(UNIHAN_DIR, f)], { maxBuffer: 1 << 30 }).toString('utf8');
    const cps = [...text.matchAll(/^U\+([0-9A-F]{4,6})\tkTGHZ2013\t/gm)].map((m) => parseInt(m[1], 16));
    if (cps.length) return [...new Set(cps)].sort((a, b) => a - b);
  }
  throw new Error(`no kTGHZ2013 field in ${UNIHAN_DIR}/Unihan_*.txt.bz2 (install unicode-data)`);
}

/**
 * The repertoire of GBK (code page 936) as glibc's charmap GBK lists it: the Unicode code point
 * of every two-byte code. 95 codes are listed only as comments, mapped to the Private Use Area
 * (U+E7C7, U+E7C8, U+E7E7–U+E7F3, U+E815–U+E864, as in CP936); for those, the standard code
 * point GB18030 gives the same bytes (glibc's charmap GB18030). PUA code points are never
 * included: no font maps them to these characters.
 */
function readGbk() {
  const read = (name) => zlib.gunzipSync(readFileSync(path.join(CHARMAPS_DIR, `${name}.gz`))).toString('latin1');
  const line = /^(% )?<U([0-9A-F]{4,8})>\s+(\/x[0-9a-f]{2}\/x[0-9a-f]{2})\s/gm;
  const gbk = new Set();
  const puaBytes = new Set();
  for (const m of read('GBK').matchAll(line)) {
    const cp = parseInt(m[2], 16);
    if (m[1] || (cp >= 0xe000 && cp <= 0xf8ff)) puaBytes.add(m[3]);
    else gbk.add(cp);
  }
  let mapped = 0;
  for (const m of read('GB18030').matchAll(line)) {
    if (m[1] || !puaBytes.has(m[3])) continue;
    const cp = parseInt(m[2], 16);
    if (cp < 0xe000 || cp > 0xf8ff) {
      gbk.add(cp);
      mapped++;
    }
  }
  if (gbk.size < 21000 || puaBytes.size !== 95 || mapped !== 95) {
    throw new Error(`${CHARMAPS_DIR}: GBK gives ${gbk.size} characters and ${puaBytes.size} PUA codes (${mapped} of them in GB18030); expected 21,791 + 95 (Debian locales 2.36)`);
  }
  return [...gbk].sort((a, b) => a - b);
}

/** Whether the font has a real glyph (not .notdef) for cp: the typesetter's own test. */
const has = (font, cp) => font.hasGlyphForCodePoint(cp) && font.glyphForCodePoint(cp).id !== 0;

function* inRanges(ranges) {
  for (const [a, b] of ranges) for (let cp = a; cp <= b; cp++) yield cp;
}

/** Code points the output file should hold; `noto` is its source face, `built` the files made before it. */
function characterSet(kind, noto, fandol, tghz, gbk, built) {
  const lacking = (cp) => fandol.some((f) => !has(f, cp));
  const hangul = (cp) => HANGUL.some(([a, b]) => cp >= a && cp <= b);
  const want = new Set();
  if (kind === 'fallback') {
    for (const cp of tghz) if (lacking(cp)) want.add(cp);
    for (const cp of inRanges(EXT_B_TO_F)) want.add(cp);
    for (const cp of inRanges(SYMBOL_RANGES)) if (!hangul(cp) && lacking(cp)) want.add(cp);
  } else if (kind === 'rare') {
    // Only what no bundled file has: adding these faces to the chains changes no character
    // that printed before.
    const bundled = [...fandol, ...built.filter((b) => b.set !== 'rare').map((b) => b.font)];
    for (const cp of [...inRanges(URO), ...gbk]) if (!bundled.some((f) => has(f, cp))) want.add(cp);
  } else {
    const song = fandol[FANDOL.indexOf('FandolSong-Bold.otf')];
    for (const cp of tghz) want.add(cp);
    // Whatever FandolSong-Bold drew in titles, so that the switch loses no character.
    for (const cp of inRanges(HAN_BMP)) if (has(song, cp)) want.add(cp);
    for (const cp of inRanges(SYMBOL_RANGES)) if (!hangul(cp)) want.add(cp);
  }
  return [...want].filter((cp) => has(noto, cp)).sort((a, b) => a - b);
}

async function loadHbSubset() {
  const { loadSubsetter, subsetFont, HB_SUBSET_FLAGS_DESUBROUTINIZE } = await import('../dist/fonts/subsetFont.js');
  const { encodeWoff2 } = await import('../dist/fonts/woff2.js');
  const { version } = await loadSubsetter();
  if (version !== TESTED_HARFBUZZJS) {
    console.warn(`warning: harfbuzzjs ${version}; the fonts were built with ${TESTED_HARFBUZZJS}, and another version may write other bytes`);
  }
  if (process.versions.brotli !== TESTED_BROTLI) {
    console.warn(`warning: Brotli ${process.versions.brotli}; the .woff2 files were compressed with ${TESTED_BROTLI}, and another version may write other bytes`);
  }
  return { subset: subsetFont, encodeWoff2, desubroutinize: HB_SUBSET_FLAGS_DESUBROUTINIZE };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const tghz = readTghz2013();
  if (tghz.length !== TGHZ_COUNT) throw new Error(`kTGHZ2013 lists ${tghz.length} characters, expected ${TGHZ_COUNT}`);
  const gbk = readGbk();
  const fandol = FANDOL.map((f) => fontkit.openSync(path.join(opts.fontsDir, f)));
  const { subset, encodeWoff2, desubroutinize } = await loadHbSubset();
  const noto = findNotoDir(opts);
  const built = [];
  let differ = 0;
  try {
    for (const o of OUTPUTS) {
      const ttcBytes = readFileSync(path.join(noto.dir, o.ttc));
      const collection = fontkit.create(ttcBytes);
      const index = collection.fonts.findIndex((f) => f.postscriptName === o.face);
      if (index < 0) throw new Error(`${o.ttc} has no face ${o.face}`);
      const cps = characterSet(o.set, collection.fonts[index], fandol, tghz, gbk, built);
      // The rare files are compressed, and their charstrings have their subroutines inlined:
      // Brotli then finds more of the repetition itself (6 % smaller files).
      const woff2 = o.file.endsWith('.woff2');
      const sfnt = await subset(ttcBytes, index, cps, woff2 ? desubroutinize : 0);
      const bytes = woff2 ? encodeWoff2(sfnt) : sfnt;
      const font = fontkit.create(bytes);
      built.push({ set: o.set, font });
      const missing = cps.filter((cp) => !has(font, cp));
      if (missing.length) throw new Error(`${o.file}: the subset lost ${missing.length} characters`);
      const file = path.join(opts.fontsDir, o.file);
      const line = `${o.file}: ${o.face} (face ${index} of ${o.ttc}), ${cps.length} characters asked, ${font.characterSet.length} mapped, ${font.numGlyphs} glyphs, ${bytes.length} bytes, sha256 ${sha256(bytes)}`;
      if (opts.check) {
        const same = existsSync(file) && readFileSync(file).equals(bytes);
        if (!same) differ++;
        console.log(`${same ? 'same' : 'DIFFERENT'}  ${line}`);
      } else {
        writeFileSync(file, bytes);
        console.log(`wrote ${line}`);
      }
    }
  } finally {
    noto.cleanup?.();
  }
  if (differ) {
    console.error(`${differ} file(s) differ from a fresh build`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
