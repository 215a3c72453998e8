// A CFF table rewritten as a CID-keyed font whose CIDs are its glyph ids:
// what a PDF embeds as FontFile3 /CIDFontType0C under Identity-H, and what
// PDF/A-1 accepts. hb-subset keeps a CID-keyed font's original CIDs in the
// charset (CID ≠ GID) and a name-keyed font name-keyed; both become
// ROS Adobe/Identity/0 with an identity charset. Glyph programs, subroutines
// and Private DICTs are copied byte for byte; a name-keyed font's Private
// DICT moves into the one Font DICT of an FDArray, selected for every glyph
// by a format 3 FDSelect. (Adobe Technical Note #5176, §18–19.) With
// `inline`, the kept glyphs' programs call no subroutine (charStringInliner.ts)
// and the table holds none: what a small subset of a font with subroutines
// needs, instead of all of them.
import { inlineSubroutines, workBudget } from './charStringInliner.js';
import { CffError, type CffIndex, find, fixedOperand, intOperand, op2, readDict, readIndex, writeDict, writeIndex, type DictEntry, type Operand } from './cffData.js';

const OP = {
  charset: 15,
  Encoding: 16,
  CharStrings: 17,
  Private: 18,
  Subrs: 19,
  UniqueID: 13,
  XUID: 14,
  SyntheticBase: op2(20),
  ROS: op2(30),
  CIDCount: op2(34),
  UIDBase: op2(35),
  FDArray: op2(36),
  FDSelect: op2(37),
} as const;

/** Top DICT operators not carried over: what the rewrite replaces, and unique ids a subset no longer deserves. */
const DROPPED = new Set<number>([
  OP.charset,
  OP.Encoding,
  OP.CharStrings,
  OP.Private,
  OP.UniqueID,
  OP.XUID,
  OP.SyntheticBase,
  OP.ROS,
  OP.CIDCount,
  OP.UIDBase,
  OP.FDArray,
  OP.FDSelect,
]);

/** Standard strings of CFF end at SID 390. */
const STANDARD_STRINGS = 391;

interface PrivatePart {
  dict: DictEntry[];
  subrs?: Uint8Array;
}

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Whether a CFF table has no subroutines at all (its charstrings can be copied alone). */
export function hasNoSubroutines(cff: Uint8Array): boolean {
  const names = readIndex(cff, cff[2]!);
  const tops = readIndex(cff, names.end);
  const strings = readIndex(cff, tops.end);
  if (readIndex(cff, strings.end).count > 0) return false;
  const top = readDict(tops.items[0]!);
  const dicts = find(top, OP.ROS) ? readIndex(cff, find(top, OP.FDArray)!.operands[0]!.value).items.map(readDict) : [top];
  return dicts.every((fd) => {
    const p = find(fd, OP.Private);
    if (!p || p.operands.length < 2) return true;
    const offset = p.operands[1]!.value;
    const subrs = find(readDict(cff.subarray(offset, offset + p.operands[0]!.value)), OP.Subrs);
    return !subrs || readIndex(cff, offset + subrs.operands[0]!.value).count === 0;
  });
}

/**
 * The CFF table `cff` as a CID-keyed CFF with CID = GID. With `keep` (glyph
 * ids, ascending, 0 first), only those glyphs, renumbered 0, 1, 2, … in that
 * order, and only the Font DICTs they select. Every subroutine is kept, so
 * this is for fonts that have none (hasNoSubroutines) or for all glyphs —
 * unless `inline` is set: then the kept glyphs' subroutine calls are
 * inlined and no subroutine is written (NotInlinable is thrown for a glyph
 * program that cannot be).
 */
export function cidKeyedCff(cff: Uint8Array, keep?: readonly number[], { inline = false }: { inline?: boolean } = {}): Uint8Array {
  if (cff.length < 4 || cff[0] !== 1) throw new CffError(`not a CFF table of version 1 (${cff[0]})`);
  const names = readIndex(cff, cff[2]!);
  const tops = readIndex(cff, names.end);
  const strings = readIndex(cff, tops.end);
  const gsubrs = readIndex(cff, strings.end);
  if (tops.items.length !== 1) throw new CffError(`a CFF table of ${tops.items.length} fonts`);
  const top = readDict(tops.items[0]!);
  const num = (op: number, i = 0): number | undefined => find(top, op)?.operands[i]?.value;

  const charStringsAt = num(OP.CharStrings);
  if (charStringsAt === undefined) throw new CffError('no CharStrings');
  const charStrings = readIndex(cff, charStringsAt);
  const allGlyphs = charStrings.count;
  if (allGlyphs === 0 || allGlyphs > 65535) throw new CffError(`${allGlyphs} glyphs`);
  if (keep && (keep[0] !== 0 || keep.some((g, i) => g >= allGlyphs || (i > 0 && g <= keep[i - 1]!)))) throw new CffError('the glyphs to keep are not ascending from 0');
  const nGlyphs = keep ? keep.length : allGlyphs;

  const isCid = find(top, OP.ROS) !== undefined;
  let fontDicts: DictEntry[][];
  let fdSelect: Uint8Array;
  /** The Font DICT (of the original FDArray) each original glyph id selects. */
  let originalFdOf: (gid: number) => number = () => 0;
  let originalFontDicts: DictEntry[][];
  if (isCid) {
    const fdArrayAt = num(OP.FDArray);
    const fdSelectAt = num(OP.FDSelect);
    if (fdArrayAt === undefined || fdSelectAt === undefined) throw new CffError('a CID-keyed CFF without FDArray or FDSelect');
    fontDicts = readIndex(cff, fdArrayAt).items.map(readDict);
    originalFontDicts = fontDicts;
    fdSelect = fdSelectBytes(cff, fdSelectAt, allGlyphs, fontDicts.length);
    originalFdOf = fdLookup(fdSelect);
    if (keep) {
      // The Font DICTs the kept glyphs select, in their order, and an FDSelect over the new glyph ids.
      const used = [...new Set(keep.map(originalFdOf))].sort((a, b) => a - b);
      const renumber = new Map(used.map((fd, i) => [fd, i]));
      fontDicts = used.map((fd) => fontDicts[fd]!);
      fdSelect = fdSelectFormat3(keep.map((g) => renumber.get(originalFdOf(g))!));
    }
  } else {
    // One Font DICT holding the Private DICT; every glyph selects it.
    const priv = find(top, OP.Private);
    fontDicts = [priv ? [{ op: OP.Private, operands: priv.operands }] : []];
    originalFontDicts = fontDicts;
    fdSelect = Uint8Array.from([3, 0, 1, 0, 0, 0, nGlyphs >> 8, nGlyphs & 0xff]);
  }
  const privateOf = (fd: DictEntry[]): { dict: DictEntry[]; subrs?: CffIndex } | undefined => {
    const p = find(fd, OP.Private);
    if (!p || p.operands.length < 2) return undefined;
    const [size, offset] = [p.operands[0]!.value, p.operands[1]!.value];
    if (offset + size > cff.length) throw new CffError('a Private DICT runs past the end of the CFF table');
    const dict = readDict(cff.subarray(offset, offset + size));
    const subrsAt = find(dict, OP.Subrs)?.operands[0]?.value;
    return subrsAt === undefined ? { dict } : { dict, subrs: readIndex(cff, offset + subrsAt) };
  };
  const privates: Array<PrivatePart | undefined> = fontDicts.map((fd) => {
    const p = privateOf(fd);
    if (!p) return undefined;
    if (inline) return { dict: p.dict.filter((e) => e.op !== OP.Subrs) };
    return p.subrs ? { dict: p.dict, subrs: cff.subarray(p.subrs.start, p.subrs.end) } : { dict: p.dict };
  });
  /** A kept glyph's program: as it is, or with its subroutines inlined. */
  const localSubrs = inline ? originalFontDicts.map((fd) => privateOf(fd)?.subrs) : [];
  const budget = workBudget(nGlyphs);
  const programOf = (g: number): Uint8Array => (inline ? inlineSubroutines(charStrings.item(g), gsubrs, localSubrs[originalFdOf(g)], budget) : charStrings.item(g));

  // Strings: the original ones (their SIDs stay valid), then Registry and Ordering.
  const stringItems = [...strings.items];
  const sidOf = (s: string): number => {
    const bytes = latin1(s);
    let i = stringItems.findIndex((it) => it.length === bytes.length && it.every((b, k) => b === bytes[k]));
    if (i < 0) i = stringItems.push(bytes) - 1;
    return STANDARD_STRINGS + i;
  };
  const ros: Operand[] = [intOperand(sidOf('Adobe')), intOperand(sidOf('Identity')), intOperand(0)];

  // The charset: format 2, one range of CIDs 1 … nGlyphs − 1 for glyphs 1 … (glyph 0 is CID 0).
  const charset = nGlyphs > 1 ? Uint8Array.from([2, 0, 1, ((nGlyphs - 2) >> 8) & 0xff, (nGlyphs - 2) & 0xff]) : Uint8Array.from([0]);

  // Lay the table out: header, Name, Top DICT, String and Global Subr INDEXes, then the
  // parts the Top DICT points at. Offsets in DICTs take five bytes, so sizes are known first.
  const header = Uint8Array.from([1, 0, 4, 4]);
  const nameIndex = cff.subarray(names.start, names.end);
  const stringIndex = writeIndex(stringItems);
  const gsubrIndex = inline ? writeIndex([]) : cff.subarray(gsubrs.start, gsubrs.end);
  const kept = top.filter((e) => !DROPPED.has(e.op));
  const topFor = (o: { charset: number; fdSelect: number; charStrings: number; fdArray: number }): DictEntry[] => [
    { op: OP.ROS, operands: ros },
    ...kept,
    { op: OP.CIDCount, operands: [intOperand(nGlyphs)] },
    { op: OP.charset, operands: [fixedOperand(o.charset)] },
    { op: OP.FDSelect, operands: [fixedOperand(o.fdSelect)] },
    { op: OP.CharStrings, operands: [fixedOperand(o.charStrings)] },
    { op: OP.FDArray, operands: [fixedOperand(o.fdArray)] },
  ];
  const topSize = writeIndex([writeDict(topFor({ charset: 0, fdSelect: 0, charStrings: 0, fdArray: 0 }))]).length;
  const charsetAt = header.length + nameIndex.length + topSize + stringIndex.length + gsubrIndex.length;
  const fdSelectAt = charsetAt + charset.length;
  const charStringsOut = keep || inline ? writeIndex((keep ?? Array.from({ length: allGlyphs }, (_, g) => g)).map(programOf)) : cff.subarray(charStrings.start, charStrings.end);
  const newCharStringsAt = fdSelectAt + fdSelect.length;
  const fdArrayAt = newCharStringsAt + charStringsOut.length;

  // Private DICTs (each followed by its local subroutines) go after the FDArray.
  const privateBytes = privates.map((p) => {
    if (!p) return undefined;
    const withSubrs = (at: number) => p.dict.map((e) => (e.op === OP.Subrs ? { op: OP.Subrs, operands: [fixedOperand(at)] } : e));
    const size = writeDict(withSubrs(0)).length;
    const dict = writeDict(withSubrs(size));
    return { dict, subrs: p.subrs };
  });
  const fdFor = (offsets: number[]): Uint8Array[] =>
    fontDicts.map((fd, i) => {
      const p = privateBytes[i];
      const entries = fd.filter((e) => e.op !== OP.Private);
      if (p) entries.push({ op: OP.Private, operands: [fixedOperand(p.dict.length), fixedOperand(offsets[i]!)] });
      return writeDict(entries);
    });
  const fdArraySize = writeIndex(fdFor(fontDicts.map(() => 0))).length;
  const offsets: number[] = [];
  let at = fdArrayAt + fdArraySize;
  for (const p of privateBytes) {
    offsets.push(at);
    if (p) at += p.dict.length + (p.subrs?.length ?? 0);
  }
  const topIndex = writeIndex([writeDict(topFor({ charset: charsetAt, fdSelect: fdSelectAt, charStrings: newCharStringsAt, fdArray: fdArrayAt }))]);
  if (topIndex.length !== topSize) throw new CffError('the Top DICT changed size');
  const fdArray = writeIndex(fdFor(offsets));

  const out = new Uint8Array(at);
  let w = 0;
  for (const part of [header, nameIndex, topIndex, stringIndex, gsubrIndex, charset, fdSelect, charStringsOut, fdArray]) {
    out.set(part, w);
    w += part.length;
  }
  for (const p of privateBytes) {
    if (!p) continue;
    out.set(p.dict, w);
    w += p.dict.length;
    if (p.subrs) {
      out.set(p.subrs, w);
      w += p.subrs.length;
    }
  }
  if (w !== out.length) throw new CffError('the CID-keyed CFF was laid out wrongly');
  return out;
}

/** The Font DICT each glyph id selects, from the bytes of an FDSelect (format 0 or 3). */
function fdLookup(sel: Uint8Array): (gid: number) => number {
  if (sel[0] === 0) return (g) => sel[1 + g]!;
  const n = (sel[1]! << 8) | sel[2]!;
  return (g) => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const first = (sel[3 + 3 * mid]! << 8) | sel[4 + 3 * mid]!;
      if (first <= g) lo = mid;
      else hi = mid - 1;
    }
    return sel[5 + 3 * lo]!;
  };
}

/** An FDSelect of format 3 for the Font DICT of each glyph. */
function fdSelectFormat3(fds: number[]): Uint8Array {
  const ranges: Array<[number, number]> = [];
  fds.forEach((fd, g) => {
    if (ranges.length === 0 || ranges[ranges.length - 1]![1] !== fd) ranges.push([g, fd]);
  });
  const out = new Uint8Array(3 + 3 * ranges.length + 2);
  out[0] = 3;
  out[1] = ranges.length >> 8;
  out[2] = ranges.length & 0xff;
  ranges.forEach(([first, fd], i) => {
    out[3 + 3 * i] = first >> 8;
    out[4 + 3 * i] = first & 0xff;
    out[5 + 3 * i] = fd;
  });
  out[out.length - 2] = fds.length >> 8;
  out[out.length - 1] = fds.length & 0xff;
  return out;
}

/** The bytes of an FDSelect (format 0 or 3), checked against the glyph and Font DICT counts. */
function fdSelectBytes(cff: Uint8Array, at: number, nGlyphs: number, nFds: number): Uint8Array {
  const format = cff[at];
  let end: number;
  if (format === 0) {
    end = at + 1 + nGlyphs;
    if (end > cff.length) throw new CffError('the FDSelect runs past the end of the CFF table');
    for (let i = at + 1; i < end; i++) if (cff[i]! >= nFds) throw new CffError('the FDSelect names a Font DICT that is not there');
  } else if (format === 3) {
    const nRanges = (cff[at + 1]! << 8) | cff[at + 2]!;
    end = at + 3 + 3 * nRanges + 2;
    if (end > cff.length) throw new CffError('the FDSelect runs past the end of the CFF table');
    for (let r = 0; r < nRanges; r++) if (cff[at + 3 + 3 * r + 2]! >= nFds) throw new CffError('the FDSelect names a Font DICT that is not there');
    const sentinel = (cff[end - 2]! << 8) | cff[end - 1]!;
    if (sentinel !== nGlyphs) throw new CffError(`the FDSelect covers ${sentinel} glyphs, not ${nGlyphs}`);
  } else {
    throw new CffError(`FDSelect format ${format}`);
  }
  return cff.subarray(at, end);
}
