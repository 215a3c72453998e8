// A build's subset of a face (subsets.ts) with TrueType outlines, for the
// OFD, whose readers often take glyf outlines only (README, "OFD"): a subset
// with CFF outlines converted (trueTypeOutlines.ts) once per subset, under
// the same glyph ids; a subset with TrueType outlines as it is.
//
// The conversion, with the OpenType subset it starts from, is most of what an
// OFD build spends on fonts (0.3 s for the sample issue's 仿宋), so its
// result is kept in the font cache (fontCache.ts) under what it is a function
// of: the face file's content, the face, the code points asked for,
// harfbuzzjs's version and this conversion's. A build of the same text again
// (a second format, a rebuild, a face whose text did not change) reads it
// back. Each face file has a few slots (SLOTS), chosen by that key, so the
// cache stays bounded however many texts are built; an entry says its key, and
// one written for another text is made again and overwritten.
import type { FontCache } from './fontCache.js';
import { contentHash, fontCache, sha256 } from './fontCache.js';
import { subsetterVersion } from './subsetFont.js';
import type { FaceSubset } from './subsets.js';
import { cffToTrueType, OUTLINE_TOLERANCE } from './trueTypeOutlines.js';

/** Bumped whenever the conversion's output changes. */
const CONVERSION = 'truetype-2';
/** Entries kept per face file. */
const SLOTS = 8;
const KIND = 'truetype';

const made = new WeakMap<FaceSubset, Promise<Uint8Array>>();

/** `subset` as an OpenType file with TrueType outlines, made once per subset. */
export function trueTypeSubset(subset: FaceSubset, cache: FontCache = fontCache()): Promise<Uint8Array> {
  let data = made.get(subset);
  if (!data) {
    data = subset.outlines === 'truetype' ? Promise.resolve(subset.trueType!) : converted(subset, cache);
    made.set(subset, data);
  }
  return data;
}

async function converted(subset: FaceSubset, cache: FontCache): Promise<Uint8Array> {
  const entry = cache.usable ? entryOf(subset, cache) : undefined;
  if (entry) {
    const body = cache.read(KIND, entry.name);
    if (body && body.length > 65 && body.toString('latin1', 0, 64) === entry.key && body[64] === 10) return body.subarray(65);
  }
  const { data } = await cffToTrueType(subset.sfnt);
  if (entry) cache.write(KIND, entry.name, Buffer.concat([Buffer.from(`${entry.key}\n`, 'latin1'), data]));
  return data;
}

/** The entry's file name (the face file's slot) and the key it must hold. */
function entryOf(subset: FaceSubset, cache: FontCache): { name: string; key: string } {
  const face = `${contentHash(subset.file, cache)}-${subset.index}`;
  const key = sha256(Buffer.from([CONVERSION, OUTLINE_TOLERANCE, subsetterVersion(), face, subset.codePoints.join(',')].join('\0'), 'utf8'));
  return { name: `${face}-${parseInt(key.slice(0, 4), 16) % SLOTS}.ttf`, key };
}
