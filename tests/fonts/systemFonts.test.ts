// Installed fonts as the last fallback (src/fonts/systemFonts.ts): a font in
// a font folder draws the characters no bundled or configured face has, with
// a notice naming its file, and is not used under --no-system-fonts; broken
// and unreadable files are skipped; the folders of each platform; the index
// in the cache. (The tests' global setup gives every test an empty list of
// font folders; these set their own.)
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FontCache } from '../../src/fonts/fontCache.js';
import { SystemFonts, systemFontDirs } from '../../src/fonts/systemFonts.js';
import { childEnv, runCli } from '../helpers/cli.js';
import { fontTools, haveFontTools, makeTestFont } from '../helpers/fontTools.js';
import { pdfText, squeeze } from '../helpers/pdf.js';
import { MINIMAL, tempDir, writeProject } from '../helpers/project.js';
import { tracedGlyphs } from '../helpers/stext.js';
import { FONTS } from './fontFiles.js';

/** Characters no bundled font has (fonts/README.md): Unicode 13–14 ideographs and ≒. */
const NEW = '鿰鿱鿲';
const ARTICLE = `---\ntitle: 测试\n---\n\n新字${NEW}与≒号。\n`;
const cps = (s: string) => [...s].map((c) => c.codePointAt(0)!);

describe('the font folders of each platform', () => {
  it('Windows: the user’s fonts, then %WINDIR%\\Fonts', () => {
    expect(systemFontDirs({ LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local', WINDIR: 'D:\\Windows' }, 'win32', 'C:\\Users\\li')).toEqual([
      'C:\\Users\\li\\AppData\\Local\\Microsoft\\Windows\\Fonts',
      'D:\\Windows\\Fonts',
    ]);
    expect(systemFontDirs({}, 'win32', 'C:\\Users\\li')).toEqual(['C:\\Users\\li\\AppData\\Local\\Microsoft\\Windows\\Fonts', 'C:\\Windows\\Fonts']);
  });

  it('macOS: ~/Library/Fonts, /Library/Fonts, /System/Library/Fonts', () => {
    expect(systemFontDirs({}, 'darwin', '/Users/li')).toEqual(['/Users/li/Library/Fonts', '/Library/Fonts', '/System/Library/Fonts']);
  });

  it('Linux: the fontconfig folders, the user’s first', () => {
    expect(systemFontDirs({}, 'linux', '/home/li')).toEqual(['/home/li/.local/share/fonts', '/home/li/.fonts', '/usr/local/share/fonts', '/usr/share/fonts']);
    expect(systemFontDirs({ XDG_DATA_HOME: '/data/li' }, 'linux', '/home/li')[0]).toBe('/data/li/fonts');
  });

  it('BULLETIN_SYSTEM_FONT_DIRS replaces them; empty means none', () => {
    expect(systemFontDirs({ BULLETIN_SYSTEM_FONT_DIRS: '/a:/b' }, 'linux', '/home/li')).toEqual(['/a', '/b']);
    expect(systemFontDirs({ BULLETIN_SYSTEM_FONT_DIRS: 'C:\\a;D:\\b' }, 'win32', 'C:\\')).toEqual(['C:\\a', 'D:\\b']);
    expect(systemFontDirs({ BULLETIN_SYSTEM_FONT_DIRS: '' }, 'linux', '/home/li')).toEqual([]);
  });
});

/** A font folder holding a TrueType font with `chars`, a broken font and a file that is not a font. */
function fontFolder(chars: string): string {
  const dir = tempDir('bulletin-sysfonts-');
  mkdirSync(path.join(dir, 'sub'));
  makeTestFont(path.join(dir, 'sub', 'NewChars.ttf'), 'ttf', cps(chars), 'Bulletin New', 'BulletinNew-Regular');
  writeFileSync(path.join(dir, 'Broken.ttf'), readFileSync(path.join(FONTS, 'FandolHei-Regular.otf')).subarray(0, 4000));
  writeFileSync(path.join(dir, 'Garbage.otc'), 'not a font at all');
  writeFileSync(path.join(dir, 'readme.txt'), 'not a font file name');
  return dir;
}

describe.runIf(haveFontTools())('an installed font', () => {
  it('draws what no bundled font has, with a notice naming its file; broken files are skipped', async () => {
    const fonts = fontFolder(`${NEW}≒`);
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': ARTICLE });
    const r = await runCli(root, ['build', '2024-09', '--format', 'pdf', '--lang', 'en'], childEnv({ BULLETIN_SYSTEM_FONT_DIRS: fonts }));
    expect(r.status, r.stderr).toBe(0);
    const file = path.join(fonts, 'sub', 'NewChars.ttf');
    expect(r.stderr).toContain(`notice: characters no configured font has (such as "鿰", U+9FF0) are drawn from the system font ${file} (BulletinNew-Regular)`);
    expect(r.stderr).not.toMatch(/warning|error/);
    const pdf = path.join(root, 'out/2024-09.pdf');
    expect(squeeze(pdfText(pdf))).toContain(`新字${NEW}与≒号。`);
    const drawn = tracedGlyphs(pdf).filter((g) => [...NEW, '≒'].includes(g.unicode));
    expect(drawn.map((g) => g.unicode).join('')).toBe(`${NEW}≒`);
    for (const g of drawn) {
      expect(g.font).toBe('BulletinNew-Regular');
      expect(g.glyph).not.toBe(0);
    }
  });

  it('is not used under --no-system-fonts: the characters are warnings and .notdef', async () => {
    const fonts = fontFolder(`${NEW}≒`);
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': ARTICLE });
    const r = await runCli(root, ['build', '2024-09', '--format', 'pdf', '--lang', 'en', '--no-system-fonts'], childEnv({ BULLETIN_SYSTEM_FONT_DIRS: fonts }));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('system font');
    for (const code of ['9FF0', '9FF1', '9FF2', '2252']) expect(r.stderr).toMatch(new RegExp(`warning: the character "." \\(U\\+${code}\\) is in neither`));
    const pdf = path.join(root, 'out/2024-09.pdf');
    // Four .notdef glyphs; the text still copies out (ActualText).
    expect(tracedGlyphs(pdf).filter((g) => g.glyph === 0)).toHaveLength(4);
    expect(squeeze(pdfText(pdf, '-raw'))).toContain(`新字${NEW}与≒号。`);
    expect(tracedGlyphs(pdf).some((g) => g.font === 'BulletinNew-Regular')).toBe(false);
  });

  it('is never consulted for a character a bundled font has', async () => {
    const fonts = fontFolder('新字与号测试一二三');
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': '---\ntitle: 测试\n---\n\n新字与号，一二三。\n' });
    const r = await runCli(root, ['build', '2024-09', '--format', 'pdf', '--lang', 'en'], childEnv({ BULLETIN_SYSTEM_FONT_DIRS: fonts }));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('system font');
    expect(tracedGlyphs(path.join(root, 'out/2024-09.pdf')).some((g) => g.font === 'BulletinNew-Regular')).toBe(false);
  });

  it('bulletin fonts ISSUE shows it, with the font findings and not the typography lint; --no-system-fonts there too', async () => {
    const fonts = fontFolder(NEW);
    // A straight quote: a typography finding that `check` reports and `fonts` does not.
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': `---\ntitle: 测试\n---\n\n他说"新字${NEW}"。\n` });
    const env = childEnv({ BULLETIN_SYSTEM_FONT_DIRS: fonts });
    const check = await runCli(root, ['check', '2024-09', '--lang', 'en'], env);
    expect(check.stderr).toMatch(/\[punct\.straightQuote\]/);
    expect(check.stderr).toContain('system font');
    const r = await runCli(root, ['fonts', '2024-09', '--lang', 'en'], env);
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout + r.stderr;
    expect(out).not.toMatch(/punct\./);
    expect(out).toMatch(/^system:BulletinNew-Regular \| Bulletin New \| .*NewChars\.ttf \(BulletinNew-Regular\)/m);
    expect(out).toContain('is drawn from the fallback system:BulletinNew-Regular instead of fangsong');
    const off = await runCli(root, ['fonts', '2024-09', '--lang', 'en', '--no-system-fonts'], env);
    expect(off.stdout + off.stderr).not.toContain('BulletinNew');
    expect(off.stdout + off.stderr).toMatch(/U\+9FF0\) is in neither/);
  });

  it('in a collection: the face that has the character is taken, written out once as a font of its own', async () => {
    const dir = tempDir('bulletin-sysfonts-');
    const work = tempDir('bulletin-ttc-');
    makeTestFont(path.join(work, 'a.ttf'), 'ttf', cps('甲乙'), 'Bulletin A', 'BulletinA-Regular');
    makeTestFont(path.join(work, 'b.ttf'), 'ttf', cps(NEW), 'Bulletin B', 'BulletinB-Regular');
    fontTools<string>(
      String.raw`
import json, sys
from fontTools.ttLib import TTFont
from fontTools.ttLib.ttCollection import TTCollection
a = json.loads(sys.argv[1]); c = TTCollection(); c.fonts = [TTFont(f) for f in a['in']]; c.save(a['out']); print(json.dumps('ok'))`,
      { in: [path.join(work, 'a.ttf'), path.join(work, 'b.ttf')], out: path.join(dir, 'Both.ttc') },
    );
    const cache = tempDir('bulletin-cache-');
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': ARTICLE });
    const env = childEnv({ BULLETIN_SYSTEM_FONT_DIRS: dir, BULLETIN_CACHE_DIR: cache });
    const r = await runCli(root, ['build', '2024-09', '--format', 'pdf', '--lang', 'en'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`the system font ${path.join(dir, 'Both.ttc')} (BulletinB-Regular)`);
    const drawn = tracedGlyphs(path.join(root, 'out/2024-09.pdf')).filter((g) => NEW.includes(g.unicode));
    expect(drawn.map((g) => `${g.font}:${g.glyph !== 0}`)).toEqual([...NEW].map(() => 'BulletinB-Regular:true'));
    expect(readdirSync(path.join(cache, 'fonts-v1', 'collection-faces'))).toEqual([expect.stringMatching(/^[0-9a-f]{64}-1\.ttf$/)]);
  });
});

describe.runIf(haveFontTools())('the index of installed fonts', () => {
  it('is kept in the cache and read again: a file not changed is not parsed again; a changed one is', () => {
    const fonts = fontFolder(NEW);
    const file = path.join(fonts, 'sub', 'NewChars.ttf');
    // A whole second: a time that can be set again exactly.
    const time = new Date(Math.floor(statSync(file).mtimeMs / 1000) * 1000);
    utimesSync(file, time, time);
    const cache = new FontCache(tempDir('bulletin-cache-'));
    const first = new SystemFonts([fonts], cache);
    expect(first.find(0x9ff0)).toEqual({ file: path.join(fonts, 'sub', 'NewChars.ttf'), index: 0, postscriptName: 'BulletinNew-Regular' });
    expect(first.find(0x4e00)).toBeUndefined();
    const [entry] = readdirSync(path.join(cache.root!, 'fonts-v1', 'system'));
    const index = JSON.parse(readFileSync(path.join(cache.root!, 'fonts-v1', 'system', entry!), 'utf8').split('\n').slice(1).join('\n')) as {
      files: Record<string, { faces?: unknown[] }>;
    };
    // The broken and the garbage file are in the index as unreadable, so they are not tried again.
    expect(Object.keys(index.files).map((f) => path.basename(f)).sort()).toEqual(['Broken.ttf', 'Garbage.otc', 'NewChars.ttf']);
    expect(index.files[path.join(fonts, 'Broken.ttf')]!.faces).toBeUndefined();
    // A second process (a new SystemFonts) answers from the index: a file of the same size and
    // time is not read again, as its content, zeroed here behind the index's back, shows.
    writeFileSync(file, Buffer.alloc(statSync(file).size));
    utimesSync(file, time, time);
    expect(new SystemFonts([fonts], cache).find(0x9ff1)?.postscriptName).toBe('BulletinNew-Regular');
    // Replaced by another font: parsed again.
    makeTestFont(path.join(fonts, 'sub', 'NewChars.ttf'), 'ttf', cps('鿳'), 'Bulletin Other', 'BulletinOther-Regular');
    const again = new SystemFonts([fonts], cache);
    expect(again.find(0x9ff0)).toBeUndefined();
    expect(again.find(0x9ff3)?.postscriptName).toBe('BulletinOther-Regular');
  });

  it('prefers a font that declares Chinese, then a regular weight, then the path', () => {
    const dir = tempDir('bulletin-sysfonts-');
    makeTestFont(path.join(dir, 'a-latin.ttf'), 'ttf', cps(NEW), 'A', 'A-Regular');
    // makeTestFont declares GB 2312 (ulCodePageRange1 bit 18) for every font; unset it for a-latin.
    fontTools<string>(
      String.raw`
import json, sys
from fontTools.ttLib import TTFont
a = json.loads(sys.argv[1]); f = TTFont(a['f']); f['OS/2'].ulCodePageRange1 = 1; f.save(a['f']); print(json.dumps('ok'))`,
      { f: path.join(dir, 'a-latin.ttf') },
    );
    makeTestFont(path.join(dir, 'b-chinese.ttf'), 'ttf', cps(NEW), 'B', 'B-Regular');
    const fonts = new SystemFonts([dir], new FontCache(tempDir('bulletin-cache-')));
    expect(fonts.find(0x9ff0)?.postscriptName).toBe('B-Regular');
  });
});
