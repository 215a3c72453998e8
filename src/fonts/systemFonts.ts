// Installed fonts as a last fallback (docs/interface.md §4; README "Fonts"): when no
// face of the template has a character, the fonts in the system's and the
// user's font folders are looked through, and the first that has it draws it
// (with a notice naming the file). The folders are read only then, once per
// process; what each font file covers is kept in an index in the cache
// (fontCache.ts), by path, size and modification time, so a file is parsed
// only when it is new or changed. Files that cannot be read are skipped.
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fontCache, sha256, type FontCache } from './fontCache.js';
import { FontFile } from './fontFile.js';
import { readCmap, readName, readOs2 } from './sfntTables.js';

const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;
/** Deep enough for /usr/share/fonts/truetype/<family>/ and macOS's Supplemental fonts. */
const MAX_DEPTH = 6;
/** ulCodePageRange1 bit 18: the font declares Simplified Chinese (GB 2312). */
const CODE_PAGE_GB2312 = 1 << 18;

/**
 * The font folders of this platform, in the order looked through: the
 * user's own before the system's. BULLETIN_SYSTEM_FONT_DIRS, a list like
 * PATH, replaces them (empty: none).
 */
export function systemFontDirs(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string[] {
  const own = env.BULLETIN_SYSTEM_FONT_DIRS;
  if (own !== undefined) return own.split(platform === 'win32' ? ';' : ':').filter(Boolean);
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local');
    return [path.win32.join(local, 'Microsoft', 'Windows', 'Fonts'), path.win32.join(env.WINDIR || env.SystemRoot || 'C:\\Windows', 'Fonts')];
  }
  if (platform === 'darwin') {
    return [path.posix.join(home, 'Library', 'Fonts'), '/Library/Fonts', '/System/Library/Fonts'];
  }
  const data = env.XDG_DATA_HOME && path.posix.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.posix.join(home, '.local', 'share');
  return [path.posix.join(data, 'fonts'), path.posix.join(home, '.fonts'), '/usr/local/share/fonts', '/usr/share/fonts'];
}

/** What the index keeps of one face of a font file. */
interface IndexedFace {
  index: number;
  postscriptName: string;
  weight: number;
  chinese: boolean;
  /** Mapped code points as ranges: [first, last, first, last, …]. */
  ranges: number[];
}

interface IndexedFile {
  size: number;
  mtimeMs: number;
  /** Absent when the file could not be read as a font. */
  faces?: IndexedFace[];
}

interface FontIndex {
  files: Record<string, IndexedFile>;
}

export interface SystemFace {
  file: string;
  index: number;
  postscriptName: string;
}

function rangesOf(file: FontFile, face: number): number[] {
  const cmap = readCmap(file.table(face, 'cmap'));
  const out: number[] = [];
  cmap.forEach((cp) => {
    if (out.length && out[out.length - 1] === cp - 1) out[out.length - 1] = cp;
    else out.push(cp, cp);
  });
  return out;
}

function indexFile(file: string): IndexedFace[] {
  const f = FontFile.open(file);
  try {
    return f.faces.map((_, index) => {
      const os2 = readOs2(f.table(index, 'OS/2'));
      return {
        index,
        postscriptName: readName(f.table(index, 'name')).get(6) ?? path.basename(file),
        weight: os2?.weightClass ?? 400,
        chinese: ((os2?.codePages1 ?? 0) & CODE_PAGE_GB2312) !== 0,
        ranges: rangesOf(f, index),
      };
    });
  } finally {
    f.close();
  }
}

function covers(ranges: number[], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[2 * mid]!) hi = mid - 1;
    else if (cp > ranges[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Font files under `dir`, sorted, to MAX_DEPTH; folders that cannot be read are skipped. */
function fontFilesUnder(dir: string, depth = 0, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    let st;
    try {
      st = statSync(full);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (depth < MAX_DEPTH) fontFilesUnder(full, depth + 1, out);
    } else if (st.isFile() && FONT_FILE.test(name)) {
      out.push(full);
    }
  }
  return out;
}

/** The installed fonts of `dirs`, read on the first question. */
export class SystemFonts {
  private faces: Array<IndexedFace & { file: string }> | undefined;

  constructor(
    readonly dirs: string[] = systemFontDirs(),
    private readonly cache: FontCache = fontCache(),
  ) {}

  /** The face that draws `cp`, if an installed font has it. */
  find(cp: number): SystemFace | undefined {
    const hit = this.all().find((f) => covers(f.ranges, cp));
    return hit && { file: hit.file, index: hit.index, postscriptName: hit.postscriptName };
  }

  /** Every face found, in the order they are tried: fonts that declare Chinese first, then by closeness to a regular weight, then by path. */
  all(): Array<IndexedFace & { file: string }> {
    if (!this.faces) {
      const name = `${sha256(Buffer.from(this.dirs.join('\0'), 'utf8')).slice(0, 32)}.json`;
      const before = this.cache.readJson<FontIndex>('system', name);
      const known = before && typeof before.files === 'object' && before.files !== null ? before.files : {};
      const files: Record<string, IndexedFile> = {};
      let changed = false;
      for (const file of [...new Set(this.dirs.flatMap((d) => fontFilesUnder(d)))]) {
        let st;
        try {
          st = statSync(file);
        } catch {
          continue;
        }
        const old = known[file];
        if (old && old.size === st.size && old.mtimeMs === st.mtimeMs && (old.faces === undefined || Array.isArray(old.faces))) {
          files[file] = old;
          continue;
        }
        changed = true;
        try {
          files[file] = { size: st.size, mtimeMs: st.mtimeMs, faces: indexFile(file) };
        } catch {
          files[file] = { size: st.size, mtimeMs: st.mtimeMs };
        }
      }
      if (changed || Object.keys(known).length !== Object.keys(files).length) this.cache.writeJson('system', name, { files } satisfies FontIndex);
      const order = Object.keys(files).sort();
      this.faces = order
        .flatMap((file) => (files[file]!.faces ?? []).map((f) => ({ ...f, file })))
        .sort((a, b) => Number(b.chinese) - Number(a.chinese) || Math.abs(a.weight - 400) - Math.abs(b.weight - 400) || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.index - b.index));
    }
    return this.faces;
  }
}
