// A bare CFF table made CID-keyed with CID = glyph id (Adobe TN 5176), as a
// PDF CIDFontType0 with Identity-H takes it (FontFile3 /CIDFontType0C): a
// name-keyed font gets an ROS, one Font DICT holding its Private DICT and an
// FDSelect; a CID-keyed one keeps its Font DICTs and FDSelect. Either way the
// charset becomes the identity, so the code a PDF shows is the glyph id.

interface Index {
  items: Uint8Array[];
  /** Bytes the INDEX takes where it was read. */
  end: number;
}

function readIndex(b: Uint8Array, at: number): Index {
  const count = (b[at]! << 8) | b[at + 1]!;
  if (count === 0) return { items: [], end: at + 2 };
  const offSize = b[at + 2]!;
  const offs: number[] = [];
  for (let i = 0; i <= count; i++) {
    let o = 0;
    for (let k = 0; k < offSize; k++) o = o * 256 + b[at + 3 + i * offSize + k]!;
    offs.push(o);
  }
  const data = at + 3 + (count + 1) * offSize - 1;
  return { items: offs.slice(0, -1).map((o, i) => b.subarray(data + o, data + offs[i + 1]!)), end: data + offs[count]! };
}

function writeIndex(items: Uint8Array[]): Buffer {
  if (items.length === 0) return Buffer.from([0, 0]);
  const total = items.reduce((n, x) => n + x.length, 0) + 1;
  const offSize = total < 0x100 ? 1 : total < 0x10000 ? 2 : total < 0x1000000 ? 3 : 4;
  const head = Buffer.alloc(3 + (items.length + 1) * offSize);
  head.writeUInt16BE(items.length, 0);
  head[2] = offSize;
  let o = 1;
  for (let i = 0; i <= items.length; i++) {
    head.writeUIntBE(o, 3 + i * offSize, offSize);
    o += items[i]?.length ?? 0;
  }
  return Buffer.concat([head, ...items]);
}

/** A DICT's entries in order: operator (12 x as 1200 + x) → its operands' raw bytes and their values. */
type Dict = Array<{ op: number; raw: Uint8Array; values: number[] }>;

function readDict(b: Uint8Array): Dict {
  const out: Dict = [];
  let i = 0;
  let start = 0;
  let values: number[] = [];
  while (i < b.length) {
    const v = b[i]!;
    if (v <= 21) {
      const op = v === 12 ? 1200 + b[i + 1]! : v;
      out.push({ op, raw: b.subarray(start, i), values });
      i += v === 12 ? 2 : 1;
      start = i;
      values = [];
    } else if (v === 28) {
      values.push(((b[i + 1]! << 24) | (b[i + 2]! << 16)) >> 16);
      i += 3;
    } else if (v === 29) {
      values.push((b[i + 1]! << 24) | (b[i + 2]! << 16) | (b[i + 3]! << 8) | b[i + 4]!);
      i += 5;
    } else if (v === 30) {
      // A real: nibbles up to 0xf; its value is not needed here.
      i++;
      while (i < b.length && (b[i]! & 0x0f) !== 0x0f && (b[i]! & 0xf0) !== 0xf0) i++;
      i++;
      values.push(NaN);
    } else if (v >= 32 && v <= 246) {
      values.push(v - 139);
      i++;
    } else if (v >= 247 && v <= 250) {
      values.push((v - 247) * 256 + b[i + 1]! + 108);
      i += 2;
    } else if (v >= 251 && v <= 254) {
      values.push(-(v - 251) * 256 - b[i + 1]! - 108);
      i += 2;
    } else {
      throw new Error(`bad CFF DICT byte ${v}`);
    }
  }
  return out;
}

/** An integer operand in five bytes, so offsets can be filled in without moving anything. */
function int5(n: number): Buffer {
  const b = Buffer.alloc(5);
  b[0] = 29;
  b.writeInt32BE(n, 1);
  return b;
}

function intOperand(n: number): Buffer {
  if (n >= -107 && n <= 107) return Buffer.from([n + 139]);
  if (n >= -32768 && n <= 32767) {
    const b = Buffer.alloc(3);
    b[0] = 28;
    b.writeInt16BE(n, 1);
    return b;
  }
  return int5(n);
}

function opBytes(op: number): Buffer {
  return op >= 1200 ? Buffer.from([12, op - 1200]) : Buffer.from([op]);
}

function writeDict(entries: Array<{ op: number; operands: Uint8Array }>): Buffer {
  return Buffer.concat(entries.flatMap((e) => [Buffer.from(e.operands), opBytes(e.op)]));
}

const OP = { charset: 15, encoding: 16, charStrings: 17, private: 18, subrs: 19, ros: 1230, cidCount: 1234, fdArray: 1236, fdSelect: 1237, fontName: 1238 } as const;
/** Operators a Top DICT loses: those the rebuilt font writes anew. */
const REWRITTEN = new Set<number>([OP.charset, OP.encoding, OP.charStrings, OP.private, OP.ros, OP.cidCount, OP.fdArray, OP.fdSelect]);
const STANDARD_STRINGS = 391;

interface FontDict {
  /** Its own entries, Private left out. */
  entries: Dict;
  privateDict: Dict;
  /** Local subroutines (the Private DICT's Subrs). */
  subrs: Uint8Array[] | undefined;
}

function readFontDict(cff: Uint8Array, dict: Dict): FontDict {
  const priv = dict.find((e) => e.op === OP.private);
  let privateDict: Dict = [];
  let subrs: Uint8Array[] | undefined;
  if (priv) {
    const [size, offset] = priv.values as [number, number];
    privateDict = readDict(cff.subarray(offset, offset + size));
    const s = privateDict.find((e) => e.op === OP.subrs);
    if (s) subrs = readIndex(cff, offset + s.values[0]!).items;
  }
  return { entries: dict.filter((e) => e.op !== OP.private), privateDict, subrs };
}

/** The FD index of every glyph from an FDSelect of format 0 or 3. */
function readFdSelect(cff: Uint8Array, at: number, glyphs: number): number[] {
  const format = cff[at]!;
  const out: number[] = [];
  if (format === 0) {
    for (let g = 0; g < glyphs; g++) out.push(cff[at + 1 + g]!);
    return out;
  }
  if (format !== 3) throw new Error(`CFF FDSelect format ${format}`);
  const ranges = (cff[at + 1]! << 8) | cff[at + 2]!;
  for (let r = 0; r < ranges; r++) {
    const p = at + 3 + r * 3;
    const first = (cff[p]! << 8) | cff[p + 1]!;
    const fd = cff[p + 2]!;
    const next = (cff[p + 3]! << 8) | cff[p + 4]!;
    for (let g = first; g < next && g < glyphs; g++) out[g] = fd;
  }
  return out;
}

function writeFdSelect(fds: number[]): Buffer {
  const ranges: Array<[number, number]> = [];
  fds.forEach((fd, g) => {
    if (ranges.length === 0 || ranges.at(-1)![1] !== fd) ranges.push([g, fd]);
  });
  const b = Buffer.alloc(3 + ranges.length * 3 + 2);
  b[0] = 3;
  b.writeUInt16BE(ranges.length, 1);
  ranges.forEach(([first, fd], i) => {
    b.writeUInt16BE(first, 3 + i * 3);
    b[5 + i * 3] = fd;
  });
  b.writeUInt16BE(fds.length, 3 + ranges.length * 3);
  return b;
}

/** The CFF table `cff` as a CID-keyed font whose CIDs are its glyph ids. */
export function cidKeyedCff(cff: Uint8Array): Buffer {
  const hdrSize = cff[2]!;
  const names = readIndex(cff, hdrSize);
  const tops = readIndex(cff, names.end);
  const strings = readIndex(cff, tops.end);
  const gsubrs = readIndex(cff, strings.end);
  const top = readDict(tops.items[0]!);
  const valueOf = (op: number) => top.find((e) => e.op === op)?.values;
  const charStrings = readIndex(cff, valueOf(OP.charStrings)![0]!);
  const glyphs = charStrings.items.length;
  const cidKeyed = valueOf(OP.ros) !== undefined;

  let fontDicts: FontDict[];
  let fdSelect: number[];
  if (cidKeyed) {
    fontDicts = readIndex(cff, valueOf(OP.fdArray)![0]!).items.map((d) => readFontDict(cff, readDict(d)));
    fdSelect = readFdSelect(cff, valueOf(OP.fdSelect)![0]!, glyphs);
  } else {
    const own = readFontDict(cff, top.filter((e) => e.op === OP.private));
    fontDicts = [{ entries: [], privateDict: own.privateDict, subrs: own.subrs }];
    fdSelect = new Array<number>(glyphs).fill(0);
  }

  // Registry and ordering: Adobe-Identity-0, as the PDF's CIDSystemInfo says.
  const stringItems = [...strings.items, Buffer.from('Adobe'), Buffer.from('Identity')];
  const adobe = STANDARD_STRINGS + strings.items.length;
  const identity = adobe + 1;

  // Sections after the Top DICT, at offsets known once the Top DICT's size is: it has fixed-size operands.
  const charset = glyphs > 1 ? Buffer.from([2, 0, 1, (glyphs - 2) >> 8, (glyphs - 2) & 0xff]) : Buffer.from([0]);
  const fdSelectBytes = writeFdSelect(fdSelect);
  const charStringsBytes = writeIndex(charStrings.items);

  const topEntries = (offsets: { charset: number; fdSelect: number; charStrings: number; fdArray: number }) =>
    writeDict([
      { op: OP.ros, operands: Buffer.concat([intOperand(adobe), intOperand(identity), intOperand(0)]) },
      ...top.filter((e) => !REWRITTEN.has(e.op)).map((e) => ({ op: e.op, operands: e.raw })),
      { op: OP.cidCount, operands: int5(glyphs) },
      { op: OP.charset, operands: int5(offsets.charset) },
      { op: OP.fdSelect, operands: int5(offsets.fdSelect) },
      { op: OP.charStrings, operands: int5(offsets.charStrings) },
      { op: OP.fdArray, operands: int5(offsets.fdArray) },
    ]);
  const header = Buffer.from([1, 0, 4, 4]);
  const namesBytes = writeIndex(names.items);
  const stringsBytes = writeIndex(stringItems);
  const gsubrsBytes = writeIndex(gsubrs.items);
  const topSize = writeIndex([topEntries({ charset: 0, fdSelect: 0, charStrings: 0, fdArray: 0 })]).length;
  const charsetAt = header.length + namesBytes.length + topSize + stringsBytes.length + gsubrsBytes.length;
  const fdSelectAt = charsetAt + charset.length;
  const charStringsAt = fdSelectAt + fdSelectBytes.length;
  const fdArrayAt = charStringsAt + charStringsBytes.length;

  // Each Private DICT with its Subrs right after it (Subrs is relative to the Private DICT).
  const privates = fontDicts.map((fd) => {
    const kept = fd.privateDict.filter((e) => e.op !== OP.subrs).map((e) => ({ op: e.op, operands: e.raw }));
    if (!fd.subrs) return writeDict(kept);
    const size = writeDict([...kept, { op: OP.subrs, operands: int5(0) }]).length;
    return Buffer.concat([writeDict([...kept, { op: OP.subrs, operands: int5(size) }]), writeIndex(fd.subrs)]);
  });
  const privateSizes = fontDicts.map((fd, i) => (fd.subrs ? privates[i]!.length - writeIndex(fd.subrs).length : privates[i]!.length));
  const fdItems = (privateAts: number[]) =>
    fontDicts.map((fd, i) =>
      writeDict([
        ...fd.entries.map((e) => ({ op: e.op, operands: e.raw })),
        { op: OP.private, operands: Buffer.concat([int5(privateSizes[i]!), int5(privateAts[i]!)]) },
      ]),
    );
  const fdArraySize = writeIndex(fdItems(fontDicts.map(() => 0))).length;
  const privateAts: number[] = [];
  let at = fdArrayAt + fdArraySize;
  for (const p of privates) {
    privateAts.push(at);
    at += p.length;
  }
  const topBytes = writeIndex([topEntries({ charset: charsetAt, fdSelect: fdSelectAt, charStrings: charStringsAt, fdArray: fdArrayAt })]);
  if (topBytes.length !== topSize) throw new Error('CFF Top DICT changed size');
  return Buffer.concat([header, namesBytes, topBytes, stringsBytes, gsubrsBytes, charset, fdSelectBytes, charStringsBytes, writeIndex(fdItems(privateAts)), ...privates]);
}
