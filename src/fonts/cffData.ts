// The building blocks of a CFF table (Adobe Technical Note #5176, "The
// Compact Font Format Specification"): INDEX structures and DICT data, read
// and written. Operands keep the bytes they were read from, so a DICT written
// back holds exactly the numbers it held (real numbers included).

export class CffError extends Error {}

/** An INDEX: where it starts and ends in the table, and its items (read one by one: a CharStrings INDEX has tens of thousands). */
export class CffIndex {
  constructor(
    private readonly b: Uint8Array,
    readonly start: number,
    readonly end: number,
    readonly count: number,
    private readonly offSize: number,
  ) {}

  private offset(i: number): number {
    const at = this.start + 3 + i * this.offSize;
    let v = 0;
    for (let k = 0; k < this.offSize; k++) v = v * 256 + this.b[at + k]!;
    return v;
  }

  /** Item `i`'s bytes. */
  item(i: number): Uint8Array {
    const base = this.start + 3 + (this.count + 1) * this.offSize - 1;
    const s = base + this.offset(i);
    const e = base + this.offset(i + 1);
    if (e < s || e > this.b.length) throw new CffError('an INDEX item runs past the end of the CFF table');
    return this.b.subarray(s, e);
  }

  /** Every item (for the small INDEXes). */
  get items(): Uint8Array[] {
    return Array.from({ length: this.count }, (_, i) => this.item(i));
  }
}

export function readIndex(b: Uint8Array, at: number): CffIndex {
  if (at + 2 > b.length) throw new CffError('an INDEX runs past the end of the CFF table');
  const count = (b[at]! << 8) | b[at + 1]!;
  if (count === 0) return new CffIndex(b, at, at + 2, 0, 1);
  const offSize = b[at + 2]!;
  if (offSize < 1 || offSize > 4) throw new CffError(`an INDEX with offset size ${offSize}`);
  if (at + 3 + (count + 1) * offSize > b.length) throw new CffError('an INDEX runs past the end of the CFF table');
  let last = 0;
  for (let k = 0; k < offSize; k++) last = last * 256 + b[at + 3 + count * offSize + k]!;
  const end = at + 3 + (count + 1) * offSize - 1 + last;
  if (end > b.length) throw new CffError('an INDEX runs past the end of the CFF table');
  return new CffIndex(b, at, end, count, offSize);
}

/** The bytes of an INDEX holding `items`. */
export function writeIndex(items: readonly Uint8Array[]): Uint8Array {
  if (items.length === 0) return new Uint8Array([0, 0]);
  const total = items.reduce((n, it) => n + it.length, 0);
  const offSize = total + 1 < 0x100 ? 1 : total + 1 < 0x10000 ? 2 : total + 1 < 0x1000000 ? 3 : 4;
  const out = new Uint8Array(3 + (items.length + 1) * offSize + total);
  out[0] = items.length >> 8;
  out[1] = items.length & 0xff;
  out[2] = offSize;
  let offset = 1;
  const put = (i: number, v: number) => {
    for (let k = offSize - 1; k >= 0; k--) {
      out[3 + i * offSize + k] = v & 0xff;
      v = Math.floor(v / 256);
    }
  };
  let data = 3 + (items.length + 1) * offSize;
  items.forEach((it, i) => {
    put(i, offset);
    out.set(it, data);
    data += it.length;
    offset += it.length;
  });
  put(items.length, offset);
  return out;
}

/** A DICT operand: its value and the bytes that encode it. */
export interface Operand {
  value: number;
  bytes: Uint8Array;
}

/** A DICT entry: operator (12 x written as 1200 + x) and its operands. */
export interface DictEntry {
  op: number;
  operands: Operand[];
}

export const op2 = (x: number): number => 1200 + x;

export function readDict(b: Uint8Array): DictEntry[] {
  const out: DictEntry[] = [];
  let operands: Operand[] = [];
  let i = 0;
  while (i < b.length) {
    const v = b[i]!;
    const start = i;
    if (v <= 21) {
      let op = v;
      i++;
      if (v === 12) {
        if (i >= b.length) throw new CffError('a DICT ends inside an operator');
        op = op2(b[i++]!);
      }
      out.push({ op, operands });
      operands = [];
      continue;
    }
    let value: number;
    if (v === 28) {
      value = ((b[i + 1]! << 24) >> 16) | b[i + 2]!;
      i += 3;
    } else if (v === 29) {
      value = (b[i + 1]! << 24) | (b[i + 2]! << 16) | (b[i + 3]! << 8) | b[i + 4]!;
      i += 5;
    } else if (v === 30) {
      let s = '';
      i++;
      let done = false;
      while (!done && i < b.length) {
        const byte = b[i++]!;
        for (const nib of [byte >> 4, byte & 15]) {
          if (nib === 15) {
            done = true;
            break;
          }
          s += ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', 'E', 'E-', '', '-'][nib]!;
        }
      }
      value = Number(s);
    } else if (v >= 32 && v <= 246) {
      value = v - 139;
      i += 1;
    } else if (v >= 247 && v <= 250) {
      value = (v - 247) * 256 + b[i + 1]! + 108;
      i += 2;
    } else if (v >= 251 && v <= 254) {
      value = -(v - 251) * 256 - b[i + 1]! - 108;
      i += 2;
    } else {
      throw new CffError(`a DICT holds the reserved byte ${v}`);
    }
    if (i > b.length) throw new CffError('a DICT ends inside an operand');
    operands.push({ value, bytes: b.subarray(start, i) });
  }
  if (operands.length) throw new CffError('a DICT ends with operands and no operator');
  return out;
}

/** An integer operand in its shortest encoding. */
export function intOperand(v: number): Operand {
  let bytes: number[];
  if (v >= -107 && v <= 107) bytes = [v + 139];
  else if (v >= 108 && v <= 1131) bytes = [((v - 108) >> 8) + 247, (v - 108) & 0xff];
  else if (v >= -1131 && v <= -108) bytes = [((-v - 108) >> 8) + 251, (-v - 108) & 0xff];
  else if (v >= -32768 && v <= 32767) bytes = [28, (v >> 8) & 0xff, v & 0xff];
  else return fixedOperand(v);
  return { value: v, bytes: Uint8Array.from(bytes) };
}

/** An integer operand always five bytes long: for offsets, which must be known before the DICT is laid out. */
export function fixedOperand(v: number): Operand {
  return { value: v, bytes: Uint8Array.from([29, (v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]) };
}

export function writeDict(entries: readonly DictEntry[]): Uint8Array {
  const parts: number[] = [];
  for (const e of entries) {
    for (const o of e.operands) for (const byte of o.bytes) parts.push(byte);
    if (e.op >= 1200) parts.push(12, e.op - 1200);
    else parts.push(e.op);
  }
  return Uint8Array.from(parts);
}

export function find(entries: readonly DictEntry[], op: number): DictEntry | undefined {
  return entries.find((e) => e.op === op);
}
