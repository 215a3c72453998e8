// Image XObjects (ISO 32000-1 §8.9.5): a JPEG passed through as DCTDecode
// (grey, RGB or CMYK; Adobe's inverted CMYK with a Decode array), a PNG
// decoded and written Flate-compressed, its alpha as an SMask or, where
// transparency is not allowed (PDF/A-1), composited onto white paper.
import { createHash } from 'node:crypto';
import type { PdfFile } from './file.js';
import { name, type PdfDict, type PdfRef } from './objects.js';
import { decodePng } from './pngDecode.js';

export interface ImageOptions {
  /** Soft masks allowed; otherwise alpha is flattened onto white. */
  smask: boolean;
  /** DeviceCMYK allowed (not beside PDF/A's sRGB output intent). */
  deviceCmyk: boolean;
}

/** A CMYK image where DeviceCMYK is not allowed. */
export class CmykNotAllowed extends Error {}

interface JpegInfo {
  width: number;
  height: number;
  components: number;
  bits: number;
  adobe: boolean;
}

/** The frame header of a JPEG (SOFn) and whether it carries Adobe's APP14 marker. */
export function jpegInfo(b: Uint8Array): JpegInfo {
  let pos = 2;
  let adobe = false;
  while (pos + 4 <= b.length) {
    if (b[pos] !== 0xff) throw new Error('JPEG marker expected');
    const marker = b[pos + 1]!;
    if (marker === 0xff) {
      pos++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2;
      continue;
    }
    const length = (b[pos + 2]! << 8) | b[pos + 3]!;
    if (marker === 0xee && length >= 12 && Buffer.from(b.subarray(pos + 4, pos + 9)).toString('latin1') === 'Adobe') adobe = true;
    const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (sof) {
      return { bits: b[pos + 4]!, height: (b[pos + 5]! << 8) | b[pos + 6]!, width: (b[pos + 7]! << 8) | b[pos + 8]!, components: b[pos + 9]!, adobe };
    }
    if (marker === 0xda) break;
    pos += 2 + length;
  }
  throw new Error('no JPEG frame header');
}

const COLOR_SPACES: Record<number, string> = { 1: 'DeviceGray', 3: 'DeviceRGB', 4: 'DeviceCMYK' };

function jpegXObject(file: PdfFile, data: Uint8Array, options: ImageOptions): PdfRef {
  const info = jpegInfo(data);
  const space = COLOR_SPACES[info.components];
  if (!space) throw new Error(`a JPEG of ${info.components} components`);
  if (info.components === 4 && !options.deviceCmyk) throw new CmykNotAllowed('CMYK JPEG');
  const dict: PdfDict = {
    Type: name('XObject'),
    Subtype: name('Image'),
    Width: info.width,
    Height: info.height,
    ColorSpace: name(space),
    BitsPerComponent: info.bits,
    Filter: name('DCTDecode'),
    // Adobe's CMYK JPEGs store inverted samples.
    ...(info.components === 4 && info.adobe ? { Decode: [1, 0, 1, 0, 1, 0, 1, 0] } : {}),
  };
  return file.addStream(dict, data, { compress: false });
}

function pngXObject(file: PdfFile, data: Uint8Array, options: ImageOptions): PdfRef {
  const png = decodePng(data);
  let pixels = png.pixels;
  let smask: PdfRef | undefined;
  if (png.alpha && options.smask) {
    smask = file.addStream(
      { Type: name('XObject'), Subtype: name('Image'), Width: png.width, Height: png.height, ColorSpace: name('DeviceGray'), BitsPerComponent: 8 },
      png.alpha,
    );
  } else if (png.alpha) {
    // On white paper: c·a + 255·(1 − a).
    pixels = new Uint8Array(png.pixels.length);
    for (let p = 0; p < png.alpha.length; p++) {
      const a = png.alpha[p]!;
      for (let c = 0; c < png.channels; c++) {
        const i = p * png.channels + c;
        pixels[i] = Math.round((png.pixels[i]! * a + 255 * (255 - a)) / 255);
      }
    }
  }
  return file.addStream(
    {
      Type: name('XObject'),
      Subtype: name('Image'),
      Width: png.width,
      Height: png.height,
      ColorSpace: name(png.channels === 1 ? 'DeviceGray' : 'DeviceRGB'),
      BitsPerComponent: 8,
      ...(smask ? { SMask: smask } : {}),
    },
    pixels,
  );
}

/** The XObjects of a document's images, one for each distinct image data. */
export class ImageStore {
  private readonly byDigest = new Map<string, { ref: PdfRef; resource: string }>();

  constructor(
    private readonly file: PdfFile,
    private readonly options: ImageOptions,
  ) {}

  /** The image's XObject and its resource name (Im1, Im2, …); throws when the data does not decode. */
  get(format: 'jpeg' | 'png', data: Uint8Array): { ref: PdfRef; resource: string } {
    const digest = createHash('sha256').update(data).digest('hex');
    let entry = this.byDigest.get(digest);
    if (!entry) {
      const ref = format === 'jpeg' ? jpegXObject(this.file, data, this.options) : pngXObject(this.file, data, this.options);
      entry = { ref, resource: `Im${this.byDigest.size + 1}` };
      this.byDigest.set(digest, entry);
    }
    return entry;
  }
}
