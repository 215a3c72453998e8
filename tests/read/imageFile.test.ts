// Image files read in one walk: format, size, and damaged data found when the
// issue is read, not left for the PDF viewer (PNG and JPEG data go in as is).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inspectImage } from '../../src/read/imageFile.js';
import { png, pngWithData } from '../helpers/images.js';
import { REPO_ROOT } from '../helpers/project.js';

const JPEG = new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tests/fixtures/images/gradient.jpg')));

/** The defect found, or 'sound'; 'not an image' when the bytes are neither format. */
const defect = (b: Uint8Array) => {
  const r = inspectImage(b);
  return r ? (r.defect ?? 'sound') : 'not an image';
};

describe('inspectImage', () => {
  it('reads the format and pixel size', () => {
    expect(inspectImage(png(40, 30))).toEqual({ format: 'png', widthPx: 40, heightPx: 30 });
    expect(inspectImage(JPEG)).toEqual({ format: 'jpeg', widthPx: 16, heightPx: 12 });
    expect(inspectImage(new TextEncoder().encode('not an image at all, just text'))).toBeUndefined();
  });

  it('passes sound PNG and JPEG files', () => {
    expect(defect(png(40, 30))).toBe('sound');
    expect(defect(JPEG)).toBe('sound');
    // Bytes after the end-of-image marker are common and harmless.
    expect(defect(new Uint8Array([...JPEG, 0, 0, 0]))).toBe('sound');
  });

  it('finds a PNG cut off part way', () => {
    const whole = png(40, 30);
    expect(defect(whole.subarray(0, whole.length - 20))).toBe('truncated');
    expect(defect(whole.subarray(0, whole.length - 12))).toBe('truncated'); // no IEND
  });

  it('finds a flipped byte through the chunk checksum', () => {
    const damaged = Buffer.from(png(40, 30));
    damaged[45] = damaged[45]! ^ 0xff; // inside the IDAT data
    expect(defect(damaged)).toBe('checksum');
  });

  it('finds pixel data that does not inflate, or inflates to too few rows', () => {
    expect(defect(pngWithData(40, 30, Buffer.from('not deflate data')))).toBe('data');
    const tenRows = Buffer.alloc((40 * 3 + 1) * 10);
    expect(defect(pngWithData(40, 30, deflateSync(tenRows)))).toBe('data');
    const allRows = Buffer.alloc((40 * 3 + 1) * 30);
    expect(defect(pngWithData(40, 30, deflateSync(allRows)))).toBe('sound');
  });

  it('finds a JPEG cut off before its end, or without a scan', () => {
    expect(defect(JPEG.subarray(0, JPEG.length - 4))).toBe('truncated');
    const sos = JPEG.findIndex((b, i) => b === 0xff && JPEG[i + 1] === 0xda);
    expect(sos).toBeGreaterThan(0);
    expect(defect(new Uint8Array([...JPEG.subarray(0, sos), 0xff, 0xd9]))).toBe('structure');
  });
});
