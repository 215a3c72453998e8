// What an image file is, read from its bytes in one walk: JPEG or PNG, its
// size in pixels, and whether its data is whole. The PDF writer copies PNG
// and JPEG data into the file as it is (PNG IDAT as FlateDecode, JPEG as
// DCTDecode), so a damaged image would otherwise make a PDF that viewers
// cannot draw, with no message at build time.
import { inflateSync } from 'node:zlib';
import { crc32 } from '../crc32.js';
import { pngPasses } from '../pngInterlace.js';
import { inspectJpeg, jpegFrameSize, type JpegUnsupported } from './jpegFile.js';

const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** What is wrong with an image: cut off, a failed checksum, undecodable pixels, or a broken structure. */
export type ImageDefect = 'truncated' | 'checksum' | 'data' | 'structure';

export type ImageFormat = 'jpeg' | 'png';

/**
 * A JPEG or PNG: its format and pixel size as stored, and `defect` when its
 * data cannot be decoded; for a JPEG, `unsupported` when it is a kind not
 * every output can show, and its EXIF orientation when not 1. Undefined
 * when the bytes are neither (or name no size).
 */
export type ImageInspection = {
  format: ImageFormat;
  widthPx: number;
  heightPx: number;
  defect?: ImageDefect;
  unsupported?: JpegUnsupported;
  /** EXIF orientation 2–8 (absent: 1, upright). */
  orientation?: number;
  /** Where the orientation's value lies in the file (absent when no Exif segment names one). */
  orientationTag?: { at: number; littleEndian: boolean };
};

/**
 * The pixel size an image's header declares, read without decoding anything
 * (the IHDR of a PNG, the first frame header of a JPEG), so that a pixel
 * bomb is refused before its data is touched. Undefined when not found.
 */
export function declaredSize(b: Uint8Array): { widthPx: number; heightPx: number } | undefined {
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return { widthPx: view.getUint32(16), heightPx: view.getUint32(20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegFrameSize(b);
  return undefined;
}

export function inspectImage(b: Uint8Array): ImageInspection | undefined {
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return inspectPng(b);
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    const j = inspectJpeg(b);
    if (!j) return undefined;
    return {
      format: 'jpeg',
      widthPx: j.widthPx,
      heightPx: j.heightPx,
      ...(j.defect ? { defect: j.defect } : {}),
      ...(j.unsupported ? { unsupported: j.unsupported } : {}),
      ...(j.orientation !== 1 ? { orientation: j.orientation } : {}),
      ...(j.orientationTag ? { orientationTag: j.orientationTag } : {}),
    };
  }
  return undefined;
}

function inspectPng(b: Uint8Array): ImageInspection | undefined {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // The first chunk is IHDR: width and height at bytes 16 and 20.
  const widthPx = view.getUint32(16);
  const heightPx = view.getUint32(20);
  if (widthPx === 0 || heightPx === 0) return undefined;
  const defect = pngDefect(b, view);
  return { format: 'png', widthPx, heightPx, ...(defect ? { defect } : {}) };
}

function pngDefect(b: Uint8Array, view: DataView): ImageDefect | undefined {
  let pos = 8;
  let header: { width: number; height: number; depth: number; colorType: number; interlaced: boolean } | undefined;
  let palette = false;
  const idat: Uint8Array[] = [];
  let ended = false;
  while (pos + 12 <= b.length) {
    const length = view.getUint32(pos);
    const type = String.fromCharCode(b[pos + 4]!, b[pos + 5]!, b[pos + 6]!, b[pos + 7]!);
    const end = pos + 12 + length;
    if (end > b.length) return 'truncated';
    const body = b.subarray(pos + 8, pos + 8 + length);
    if (crc32(b.subarray(pos + 4, pos + 8 + length)) !== view.getUint32(pos + 8 + length)) return 'checksum';
    if (type === 'IHDR' && length >= 13) {
      header = {
        width: view.getUint32(pos + 8),
        height: view.getUint32(pos + 12),
        depth: body[8]!,
        colorType: body[9]!,
        interlaced: body[12] === 1,
      };
    } else if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    pos = end;
  }
  if (!header) return 'structure';
  const channels = PNG_CHANNELS[header.colorType];
  if (channels === undefined || ![1, 2, 4, 8, 16].includes(header.depth)) return 'structure';
  if (header.colorType === 3 && !palette) return 'structure';
  if (idat.length === 0) return 'structure';
  if (!ended) return 'truncated';
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(idat));
  } catch {
    return 'data';
  }
  const expected = header.interlaced ? interlacedSize(header.width, header.height, channels * header.depth) : rawSize(header.width, header.height, channels * header.depth);
  if (pixels.length < expected) return 'data';
  return undefined;
}

function rawSize(width: number, height: number, bitsPerPixel: number): number {
  return width === 0 || height === 0 ? 0 : height * (1 + Math.ceil((width * bitsPerPixel) / 8));
}

/** Bytes of Adam7-interlaced data: the seven passes, each a small image. */
function interlacedSize(width: number, height: number, bitsPerPixel: number): number {
  return pngPasses(width, height, true).reduce((total, p) => total + rawSize(p.width, p.height, bitsPerPixel), 0);
}
