// What a JPEG file is, and whether every output and viewer can show it
// (README “图片”): only 8-bit Huffman-coded baseline or progressive JPEG is
// accepted. The markers are walked, then the entropy-coded data of every
// scan is decoded as far as its Huffman codes (no IDCT, no pixels kept: for a
// progressive image one bit per coefficient, to follow refinement scans), so
// scrambled or cut-off data is found when the issue is read, not left for a
// viewer to draw blank. The EXIF orientation (APP1) is read too.

/** Why a JPEG is not accepted: damaged data, or a kind of JPEG outputs cannot all show. */
export type JpegDefect = 'truncated' | 'data' | 'structure';
export type JpegUnsupported = 'lossless' | 'arithmetic' | 'hierarchical' | 'precision' | 'components';

export interface JpegInspection {
  widthPx: number;
  heightPx: number;
  /** EXIF orientation 1–8 (1: stored upright). */
  orientation: number;
  /** Where the orientation's 16-bit value lies in the file, with the Exif data's byte order (when an Exif segment names one). */
  orientationTag?: { at: number; littleEndian: boolean };
  defect?: JpegDefect;
  unsupported?: JpegUnsupported;
}

class Bad extends Error {
  constructor(readonly defect: JpegDefect) {
    super(defect);
  }
}

interface HuffTable {
  /** Largest code of each length (index 1–16), -1 when none. */
  maxcode: Int32Array;
  /** Index in `values` of the first code of each length, minus that code. */
  offset: Int32Array;
  values: Uint8Array;
}

interface Component {
  id: number;
  h: number;
  v: number;
  /** Blocks across and down, padded to whole MCUs. */
  bw: number;
  bh: number;
  /** Blocks across and down the component itself (a non-interleaved scan's extent). */
  cw: number;
  ch: number;
  /** Progressive only: one bit per coefficient, set once it is nonzero. */
  nonzero?: Uint32Array;
}

interface Frame {
  progressive: boolean;
  width: number;
  height: number;
  components: Component[];
  mcux: number;
  mcuy: number;
}

/** The frame markers of kinds that are not baseline or progressive Huffman. */
const SOF_KIND: Record<number, JpegUnsupported> = {
  0xc3: 'lossless',
  0xc5: 'hierarchical',
  0xc6: 'hierarchical',
  0xc7: 'hierarchical',
  0xc9: 'arithmetic',
  0xca: 'arithmetic',
  0xcb: 'arithmetic',
  0xcd: 'arithmetic',
  0xce: 'arithmetic',
  0xcf: 'arithmetic',
};

/** The JPEG in `b` (which starts FF D8 FF); undefined when it names no size. */
export function inspectJpeg(b: Uint8Array): JpegInspection | undefined {
  let size: { widthPx: number; heightPx: number } | undefined;
  let orientation = 1;
  let orientationTag: JpegInspection['orientationTag'];
  const result = (extra: Partial<JpegInspection> = {}): JpegInspection | undefined =>
    size ? { ...size, orientation, ...(orientationTag ? { orientationTag } : {}), ...extra } : undefined;
  const dc: Array<HuffTable | undefined> = [];
  const ac: Array<HuffTable | undefined> = [];
  let frame: Frame | undefined;
  let restartInterval = 0;
  let scans = 0;
  let i = 2;
  try {
    for (;;) {
      if (i >= b.length) return result({ defect: 'truncated' });
      if (b[i] !== 0xff) throw new Bad('structure');
      while (b[i] === 0xff) i++; // fill bytes
      if (i >= b.length) return result({ defect: 'truncated' });
      const marker = b[i++]!;
      if (marker === 0xd9) return scans > 0 ? result() : result({ defect: 'structure' });
      if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0xd8 || marker === 0x00) throw new Bad('structure');
      if (i + 2 > b.length) return result({ defect: 'truncated' });
      const length = (b[i]! << 8) | b[i + 1]!;
      if (length < 2) throw new Bad('structure');
      const end = i + length;
      if (end > b.length) return result({ defect: 'truncated' });
      const seg = b.subarray(i + 2, end);
      if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
        if (frame || seg.length < 6) throw new Bad('structure');
        const heightPx = (seg[1]! << 8) | seg[2]!;
        const widthPx = (seg[3]! << 8) | seg[4]!;
        if (widthPx === 0) return undefined;
        // Height 0 means "given later by a DNL marker", which viewers seldom handle.
        if (heightPx === 0) return undefined;
        size = { widthPx, heightPx };
        if (seg[0] !== 8) return result({ unsupported: 'precision' });
        frame = readFrame(seg, marker === 0xc2, widthPx, heightPx);
        if (!frame) return result({ unsupported: 'components' });
      } else if (marker in SOF_KIND) {
        if (seg.length >= 5) size = { widthPx: (seg[3]! << 8) | seg[4]!, heightPx: (seg[1]! << 8) | seg[2]! };
        if (!size || size.widthPx === 0 || size.heightPx === 0) return undefined;
        return result({ unsupported: SOF_KIND[marker]! });
      } else if (marker === 0xcc) {
        // Arithmetic-coding conditioning tables.
        return size ? result({ unsupported: 'arithmetic' }) : undefined;
      } else if (marker === 0xc4) {
        readHuffmanTables(seg, dc, ac);
      } else if (marker === 0xdd) {
        if (seg.length < 2) throw new Bad('structure');
        restartInterval = (seg[0]! << 8) | seg[1]!;
      } else if (marker === 0xe1) {
        const exif = exifOrientation(seg);
        if (exif) {
          orientation = exif.value;
          orientationTag = { at: i + 2 + exif.at, littleEndian: exif.littleEndian };
        }
      } else if (marker === 0xda) {
        if (!frame) throw new Bad('structure');
        i = decodeScan(b, end, seg, frame, dc, ac, restartInterval);
        scans++;
        continue;
      }
      i = end;
    }
  } catch (err) {
    if (err instanceof Bad) return size ? result({ defect: err.defect }) : undefined;
    throw err;
  }
}

/** The size in the first frame header (any SOFn), walking segments only. */
export function jpegFrameSize(b: Uint8Array): { widthPx: number; heightPx: number } | undefined {
  let i = 2;
  while (i + 9 <= b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { heightPx: (b[i + 5]! << 8) | b[i + 6]!, widthPx: (b[i + 7]! << 8) | b[i + 8]! };
    }
    i += 2 + ((b[i + 2]! << 8) | b[i + 3]!);
  }
  return undefined;
}

function readFrame(seg: Uint8Array, progressive: boolean, width: number, height: number): Frame | undefined {
  const n = seg[5]!;
  if (n !== 1 && n !== 3 && n !== 4) return undefined;
  if (seg.length < 6 + 3 * n) throw new Bad('structure');
  const raw: Array<{ id: number; h: number; v: number }> = [];
  for (let k = 0; k < n; k++) {
    const id = seg[6 + 3 * k]!;
    const hv = seg[7 + 3 * k]!;
    const h = hv >> 4;
    const v = hv & 15;
    if (h < 1 || h > 4 || v < 1 || v > 4 || raw.some((c) => c.id === id)) throw new Bad('structure');
    raw.push({ id, h, v });
  }
  const hmax = Math.max(...raw.map((c) => c.h));
  const vmax = Math.max(...raw.map((c) => c.v));
  const mcux = Math.ceil(width / (8 * hmax));
  const mcuy = Math.ceil(height / (8 * vmax));
  const components = raw.map((c): Component => {
    const comp: Component = {
      ...c,
      bw: mcux * c.h,
      bh: mcuy * c.v,
      cw: Math.ceil(Math.ceil((width * c.h) / hmax) / 8),
      ch: Math.ceil(Math.ceil((height * c.v) / vmax) / 8),
    };
    if (progressive) comp.nonzero = new Uint32Array(comp.bw * comp.bh * 2);
    return comp;
  });
  return { progressive, width, height, components, mcux, mcuy };
}

function readHuffmanTables(seg: Uint8Array, dc: Array<HuffTable | undefined>, ac: Array<HuffTable | undefined>): void {
  let p = 0;
  while (p < seg.length) {
    if (p + 17 > seg.length) throw new Bad('structure');
    const tc = seg[p]! >> 4;
    const th = seg[p]! & 15;
    if (tc > 1 || th > 3) throw new Bad('structure');
    const counts = seg.subarray(p + 1, p + 17);
    let total = 0;
    for (const c of counts) total += c;
    if (total > 256 || p + 17 + total > seg.length) throw new Bad('structure');
    const values = seg.slice(p + 17, p + 17 + total);
    const maxcode = new Int32Array(18).fill(-1);
    const offset = new Int32Array(18);
    let code = 0;
    let k = 0;
    for (let len = 1; len <= 16; len++) {
      const count = counts[len - 1]!;
      offset[len] = k - code;
      code += count;
      k += count;
      // A set of lengths no prefix code can have.
      if (code > 1 << len) throw new Bad('structure');
      maxcode[len] = count > 0 ? code - 1 : -1;
      code <<= 1;
    }
    (tc === 0 ? dc : ac)[th] = { maxcode, offset, values };
    p += 17 + total;
  }
}

/**
 * Orientation from an APP1 Exif segment, with where its value lies in the
 * segment; undefined when it names none (or none of 1–8).
 */
function exifOrientation(seg: Uint8Array): { value: number; at: number; littleEndian: boolean } | undefined {
  if (seg.length < 14 || String.fromCharCode(...seg.subarray(0, 6)) !== 'Exif\0\0') return undefined;
  const t = seg.subarray(6);
  const little = t[0] === 0x49 && t[1] === 0x49;
  if (!little && !(t[0] === 0x4d && t[1] === 0x4d)) return undefined;
  const u16 = (o: number) => (o + 2 > t.length ? -1 : little ? t[o]! | (t[o + 1]! << 8) : (t[o]! << 8) | t[o + 1]!);
  const u32 = (o: number) => (o + 4 > t.length ? -1 : little ? (t[o]! | (t[o + 1]! << 8) | (t[o + 2]! << 16)) + t[o + 3]! * 0x1000000 : t[o]! * 0x1000000 + ((t[o + 1]! << 16) | (t[o + 2]! << 8) | t[o + 3]!));
  const ifd = u32(4);
  if (ifd < 8) return undefined;
  const count = u16(ifd);
  for (let e = 0; e < count; e++) {
    const at = ifd + 2 + e * 12;
    if (at + 12 > t.length) return undefined;
    if (u16(at) === 0x0112 && u16(at + 2) === 3) {
      const v = u16(at + 8);
      return v >= 1 && v <= 8 ? { value: v, at: 6 + at + 8, littleEndian: little } : undefined;
    }
  }
  return undefined;
}

/**
 * Decode one scan's entropy-coded data as far as its Huffman codes, from
 * `start` (just after the SOS segment). Returns the index of the marker that
 * follows the scan. Throws Bad for data that does not decode.
 */
function decodeScan(
  b: Uint8Array,
  start: number,
  sos: Uint8Array,
  frame: Frame,
  dcTables: Array<HuffTable | undefined>,
  acTables: Array<HuffTable | undefined>,
  restartInterval: number,
): number {
  const ns = sos[0] ?? 0;
  if (ns < 1 || ns > 4 || sos.length < 1 + 2 * ns + 3) throw new Bad('structure');
  const comps: Array<{ c: Component; k: number; dc?: HuffTable; ac?: HuffTable }> = [];
  for (let k = 0; k < ns; k++) {
    const c = frame.components.find((x) => x.id === sos[1 + 2 * k]);
    if (!c) throw new Bad('structure');
    const t = sos[2 + 2 * k]!;
    comps.push({ c, k, dc: dcTables[t >> 4], ac: acTables[t & 15] });
  }
  const ss = sos[1 + 2 * ns]!;
  const se = sos[2 + 2 * ns]!;
  const ah = sos[3 + 2 * ns]! >> 4;
  let kind: 'baseline' | 'dcFirst' | 'dcRefine' | 'acFirst' | 'acRefine';
  if (!frame.progressive) {
    if (ss !== 0 || se !== 63 || ah !== 0) throw new Bad('structure');
    kind = 'baseline';
  } else if (ss === 0) {
    if (se !== 0) throw new Bad('structure');
    kind = ah === 0 ? 'dcFirst' : 'dcRefine';
  } else {
    if (se < ss || se > 63 || ns !== 1) throw new Bad('structure');
    kind = ah === 0 ? 'acFirst' : 'acRefine';
  }
  for (const s of comps) {
    if ((kind === 'baseline' || kind === 'dcFirst') && !s.dc) throw new Bad('structure');
    if ((kind === 'baseline' || kind === 'acFirst' || kind === 'acRefine') && !s.ac) throw new Bad('structure');
  }

  // The bit reader: bytes from `pos`; FF 00 is a data FF; any other FF xx ends the data.
  let pos = start;
  let bits = 0;
  let nbits = 0;
  const fill = (): void => {
    if (pos >= b.length) throw new Bad('truncated');
    const byte = b[pos]!;
    if (byte === 0xff) {
      const next = b[pos + 1];
      if (next === undefined) throw new Bad('truncated');
      if (next !== 0x00) throw new Bad('truncated'); // a marker before the scan's last block
      pos += 2;
    } else {
      pos++;
    }
    bits = (bits << 8) | byte;
    nbits += 8;
  };
  const bit = (): number => {
    if (nbits === 0) fill();
    nbits--;
    return (bits >>> nbits) & 1;
  };
  const receive = (n: number): number => {
    let v = 0;
    for (let k = 0; k < n; k++) v = (v << 1) | bit();
    return v;
  };
  const decode = (t: HuffTable): number => {
    let code = 0;
    for (let len = 1; len <= 16; len++) {
      code = (code << 1) | bit();
      if (code <= t.maxcode[len]!) return t.values[code + t.offset[len]!]!;
    }
    throw new Bad('data'); // a code the table does not have
  };

  let eobrun = 0;
  // DC predictions, per scan component: a DC value outside 8-bit range means the data lost step.
  const pred = new Int32Array(ns);
  const dcDiff = (t: number): number => {
    if (t > 11) throw new Bad('data');
    const v = receive(t);
    return t === 0 ? 0 : v < 1 << (t - 1) ? v - (1 << t) + 1 : v;
  };
  const checkDc = (k: number, diff: number, shift: number): void => {
    pred[k] = pred[k]! + diff;
    const dc = pred[k]! * (1 << shift);
    if (dc < -2048 || dc > 2047) throw new Bad('data');
  };
  const al = sos[3 + 2 * ns]! & 15;
  const decodeBlock = (s: (typeof comps)[number], row: number, col: number): void => {
    switch (kind) {
      case 'baseline': {
        checkDc(s.k, dcDiff(decode(s.dc!)), 0);
        for (let k = 1; k < 64; ) {
          const rs = decode(s.ac!);
          const r = rs >> 4;
          const size = rs & 15;
          if (size === 0) {
            if (r !== 15) break;
            k += 16;
            continue;
          }
          k += r;
          if (k > 63 || size > 10) throw new Bad('data');
          receive(size);
          k++;
        }
        return;
      }
      case 'dcFirst': {
        checkDc(s.k, dcDiff(decode(s.dc!)), al);
        return;
      }
      case 'dcRefine':
        bit();
        return;
      case 'acFirst': {
        if (eobrun > 0) {
          eobrun--;
          return;
        }
        const nz = s.c.nonzero!;
        const base = (row * s.c.bw + col) * 2;
        for (let k = ss; k <= se; ) {
          const rs = decode(s.ac!);
          const r = rs >> 4;
          const size = rs & 15;
          if (size === 0) {
            if (r < 15) {
              eobrun = (1 << r) - 1 + (r ? receive(r) : 0);
              break;
            }
            k += 16;
            continue;
          }
          k += r;
          if (k > se || size > 10) throw new Bad('data');
          receive(size);
          nz[base + (k >> 5)]! |= 1 << (k & 31);
          k++;
        }
        return;
      }
      case 'acRefine': {
        const nz = s.c.nonzero!;
        const base = (row * s.c.bw + col) * 2;
        const isSet = (k: number) => (nz[base + (k >> 5)]! >>> (k & 31)) & 1;
        let k = ss;
        if (eobrun === 0) {
          for (; k <= se; k++) {
            const rs = decode(s.ac!);
            let r = rs >> 4;
            const size = rs & 15;
            if (size !== 0) {
              if (size !== 1) throw new Bad('data');
              bit();
            } else if (r !== 15) {
              eobrun = (1 << r) + (r ? receive(r) : 0);
              break;
            }
            while (k <= se) {
              if (isSet(k)) bit();
              else if (--r < 0) break;
              k++;
            }
            if (size !== 0) {
              if (k > se) throw new Bad('data');
              nz[base + (k >> 5)]! |= 1 << (k & 31);
            }
          }
        }
        if (eobrun > 0) {
          for (; k <= se; k++) if (isSet(k)) bit();
          eobrun--;
        }
        return;
      }
    }
  };

  // Interleaved scans go MCU by MCU; a single component's scan block by block over its own extent.
  const single = ns === 1;
  const c0 = comps[0]!.c;
  const units = single ? c0.cw * c0.ch : frame.mcux * frame.mcuy;
  let expectedRst = 0;
  for (let u = 0; u < units; u++) {
    if (restartInterval > 0 && u > 0 && u % restartInterval === 0) {
      // Bits left in the byte before a restart are padding; then RSTn, in sequence.
      nbits = 0;
      while (b[pos] === 0xff && b[pos + 1] === 0xff) pos++;
      if (pos + 1 >= b.length) throw new Bad('truncated');
      if (b[pos] !== 0xff || b[pos + 1] !== 0xd0 + expectedRst) throw new Bad('data');
      pos += 2;
      expectedRst = (expectedRst + 1) & 7;
      eobrun = 0;
      pred.fill(0);
    }
    if (single) {
      decodeBlock(comps[0]!, Math.floor(u / c0.cw), u % c0.cw);
    } else {
      const my = Math.floor(u / frame.mcux);
      const mx = u % frame.mcux;
      for (const s of comps) {
        for (let v = 0; v < s.c.v; v++) for (let h = 0; h < s.c.h; h++) decodeBlock(s, my * s.c.v + v, mx * s.c.h + h);
      }
    }
  }
  // The last block ends in the byte before the next marker: data left over
  // means the codes lost step with the blocks (libjpeg: "extraneous bytes").
  if (pos + 1 >= b.length) throw new Bad('truncated');
  if (b[pos] !== 0xff || b[pos + 1] === 0x00) throw new Bad('data');
  while (b[pos + 1] === 0xff) pos++;
  const m = b[pos + 1];
  if (m === undefined) throw new Bad('truncated');
  if (m >= 0xd0 && m <= 0xd7) throw new Bad('data'); // a restart with no blocks after it
  return pos;
}
