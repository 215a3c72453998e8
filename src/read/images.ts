// Images referenced by articles: where they may come from, what they are.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostics } from '../diagnostics.js';
import { realPathWithin, resolveInside } from '../fileKinds.js';
import type { Orientation, SourcePos } from '../model.js';
import { declaredSize, inspectImage, type ImageFormat } from './imageFile.js';

export interface ImageData {
  file: string;
  format: ImageFormat;
  widthPx: number;
  heightPx: number;
  orientation: Orientation;
  /** The file's bytes, with an EXIF orientation set to 1 (`orientation` carries it). */
  data: Uint8Array;
}

export interface ImageRules {
  /** The issue folder: no image may come from outside it. */
  issueDir: string;
  /** Its real path (links resolved): no link may lead out of it. */
  realDir: string;
  maxBytes: number;
  /** Largest width × height. */
  maxPixels: number;
}

/** Resolve and load an image written as `src` in an article, or report why not. */
export function loadImage(src: string, pos: SourcePos, rules: ImageRules, diags: Diagnostics): ImageData | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^[a-z]:[\\/]/i.test(src)) {
    diags.error('image.remote', pos, { src });
    return undefined;
  }
  if (path.isAbsolute(src) || path.win32.isAbsolute(src) || src.startsWith('\\')) {
    diags.error('image.absolute', pos, { src });
    return undefined;
  }
  const decoded = safeDecode(src);
  const file = resolveInside(rules.issueDir, decoded);
  if (file === undefined) {
    diags.error('image.outside', pos, { src });
    return undefined;
  }
  const real = realPathWithin(rules.realDir, file);
  if (real === 'outside') {
    // Refused for where it leads, before anything is read from it.
    diags.error('link.outside', pos, { name: src });
    return undefined;
  }
  let size: number;
  try {
    if (real === 'missing') throw new Error('missing');
    const st = statSync(real.real);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    diags.error('image.missing', pos, { src });
    return undefined;
  }
  if (size > rules.maxBytes) {
    diags.error('image.tooLarge', pos, {
      src,
      size: megabytes(size, 1),
      limit: megabytes(rules.maxBytes, 2),
    });
    return undefined;
  }
  const data = readFileSync(real.real);
  const declared = declaredSize(data);
  if (declared && declared.widthPx * declared.heightPx > rules.maxPixels) {
    diags.error('image.tooManyPixels', pos, { src, width: declared.widthPx, height: declared.heightPx, limit: rules.maxPixels });
    return undefined;
  }
  const info = inspectImage(data);
  if (!info) {
    diags.error('image.notImage', pos, { src });
    return undefined;
  }
  if (info.unsupported) {
    diags.error('image.unsupportedJpeg', pos, { src, kind: info.unsupported });
    return undefined;
  }
  if (info.defect) {
    diags.error('image.corrupt', pos, { src, detail: info.defect });
    return undefined;
  }
  return {
    file,
    data: info.orientation !== undefined && info.orientationTag ? withUprightTag(data, info.orientationTag) : data,
    format: info.format,
    widthPx: info.widthPx,
    heightPx: info.heightPx,
    orientation: (info.orientation ?? 1) as Orientation,
  };
}

/**
 * A copy of a JPEG whose Exif Orientation says 1: the typesetter lays the
 * image out as it is seen and every writer turns it explicitly, so no viewer
 * may turn it a second time (browsers, for one, obey the tag in an SVG or
 * HTML image; PDF viewers and word processors differ).
 */
function withUprightTag(data: Uint8Array, tag: { at: number; littleEndian: boolean }): Uint8Array {
  const copy = new Uint8Array(data);
  copy[tag.at] = tag.littleEndian ? 1 : 0;
  copy[tag.at + 1] = tag.littleEndian ? 0 : 1;
  return copy;
}

/** 1.9, 20, 0.25: as many decimals as needed, at most `digits`. */
export function megabytes(bytes: number, digits: number): string {
  const f = 10 ** digits;
  return String(Math.round((bytes / 1048576) * f) / f);
}

function safeDecode(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}
