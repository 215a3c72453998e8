// Images referenced by articles: where they may come from, what they are.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostics } from '../diagnostics.js';
import type { SourcePos } from '../model.js';
import { imageDefect } from './imageIntegrity.js';

export interface ImageData {
  file: string;
  format: 'jpeg' | 'png';
  widthPx: number;
  heightPx: number;
  data: Uint8Array;
}

export interface ImageRules {
  /** The issue folder: no image may come from outside it. */
  issueDir: string;
  maxBytes: number;
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
  const file = path.resolve(rules.issueDir, ...decoded.split(/[\\/]/));
  const rel = path.relative(rules.issueDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    diags.error('image.outside', pos, { src });
    return undefined;
  }
  let size: number;
  try {
    const st = statSync(file);
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
  const data = new Uint8Array(readFileSync(file));
  const info = imageInfo(data);
  if (!info) {
    diags.error('image.notImage', pos, { src });
    return undefined;
  }
  const defect = imageDefect(data, info.format);
  if (defect) {
    diags.error('image.corrupt', pos, { src, detail: defect });
    return undefined;
  }
  return { file, data, ...info };
}

/** 1.9, 20, 0.25: as many decimals as needed, at most `digits`. */
function megabytes(bytes: number, digits: number): string {
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

/** Format and pixel size from the file's header; undefined if not JPEG or PNG. */
export function imageInfo(b: Uint8Array): { format: 'jpeg' | 'png'; widthPx: number; heightPx: number } | undefined {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    const widthPx = view.getUint32(16);
    const heightPx = view.getUint32(20);
    return widthPx > 0 && heightPx > 0 ? { format: 'png', widthPx, heightPx } : undefined;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1]!;
      if (marker === 0xff) {
        i++;
        continue;
      }
      const len = view.getUint16(i + 2);
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isSof) {
        const heightPx = view.getUint16(i + 5);
        const widthPx = view.getUint16(i + 7);
        return widthPx > 0 && heightPx > 0 ? { format: 'jpeg', widthPx, heightPx } : undefined;
      }
      i += 2 + len;
    }
  }
  return undefined;
}
