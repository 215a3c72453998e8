// A build's subset in its TrueType form (src/fonts/trueTypeSubset.ts), the
// OFD's fonts: the same glyph ids and code points as the subset, made once
// per subset, kept in the font cache under what it is made from — read back
// for the same text, made again for an entry another text wrote — and the
// same bytes with a cache, without one, and from the cache.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FontCache } from '../../src/fonts/fontCache.js';
import { subsetFace } from '../../src/fonts/subsets.js';
import { trueTypeSubset } from '../../src/fonts/trueTypeSubset.js';
import { tempDir } from '../helpers/project.js';
import { FONTS } from './fontFiles.js';

const FILE = path.join(FONTS, 'FandolSong-Regular.otf');
const CPS = [...'上海市邮政管理局，2024年。'].map((c) => c.codePointAt(0)!);
const KIND = 'truetype';

describe('the TrueType form of a subset', () => {
  it('has the subset’s glyph ids and advances, with glyf outlines', async () => {
    const s = await subsetFace('songti', FILE, 0, CPS);
    const data = await trueTypeSubset(s, new FontCache(undefined));
    expect(trueTypeSubset(s)).toBe(trueTypeSubset(s));
    const font = fontkit.create(Buffer.from(data)) as fontkit.Font;
    expect(Buffer.from(data).readUInt32BE(0)).toBe(0x00010000);
    expect(font.numGlyphs).toBe(s.widths.length);
    for (const [cp, g] of s.glyphOf) {
      expect(font.glyphForCodePoint(cp).id, String.fromCodePoint(cp)).toBe(g);
      expect(font.getGlyph(g).advanceWidth).toBe(s.advances[g]);
    }
  });

  it('is kept in the font cache, read back for the same text, made again over an entry of another text', async () => {
    const root = tempDir('bulletin-cache-');
    const cache = new FontCache(root);
    const plain = await trueTypeSubset(await subsetFace('songti', FILE, 0, CPS), new FontCache(undefined));
    const first = await trueTypeSubset(await subsetFace('songti', FILE, 0, CPS), cache);
    expect(Buffer.from(first).equals(Buffer.from(plain))).toBe(true);
    const dir = path.join(root, 'fonts-v1', KIND);
    const [name, ...more] = readdirSync(dir);
    expect(more).toEqual([]);
    const body = cache.read(KIND, name!)!;
    const key = body.subarray(0, 65);
    expect(body.subarray(65).equals(Buffer.from(first))).toBe(true);

    // An entry of the right key is what the next build of the same text uses.
    cache.write(KIND, name!, Buffer.concat([key, Buffer.from('planted')]));
    const again = await trueTypeSubset(await subsetFace('songti', FILE, 0, CPS), cache);
    expect(Buffer.from(again).toString('latin1')).toBe('planted');

    // An entry written for another text is not.
    cache.write(KIND, name!, Buffer.concat([Buffer.from(`${'0'.repeat(64)}\n`), Buffer.from('other text')]));
    const remade = await trueTypeSubset(await subsetFace('songti', FILE, 0, CPS), cache);
    expect(Buffer.from(remade).equals(Buffer.from(plain))).toBe(true);
    expect(cache.read(KIND, name!)!.subarray(0, 65).equals(key)).toBe(true);
  });

  it('keeps a few entries per face file, whatever the number of texts', async () => {
    const root = tempDir('bulletin-cache-');
    const cache = new FontCache(root);
    const chars = [...'一二三四五六七八九十百千万亿甲乙丙丁戊己庚辛壬癸'];
    for (let i = 0; i < 24; i++) await trueTypeSubset(await subsetFace('songti', FILE, 0, [...CPS, chars[i]!.codePointAt(0)!]), cache);
    const names = readdirSync(path.join(root, 'fonts-v1', KIND));
    expect(names.length).toBeGreaterThan(1);
    expect(names.length).toBeLessThanOrEqual(8);
  });
});
