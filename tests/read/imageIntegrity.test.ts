// Damaged images are found when the issue is read, not left for the PDF
// viewer to discover: the PDF writer copies PNG and JPEG data as it is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { imageDefect } from '../../src/read/imageIntegrity.js';
import { png, pngWithData } from '../helpers/images.js';
import { REPO_ROOT } from '../helpers/project.js';

const JPEG = new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tests/fixtures/images/gradient.jpg')));

describe('imageDefect', () => {
  it('passes sound PNG and JPEG files', () => {
    expect(imageDefect(png(40, 30), 'png')).toBeUndefined();
    expect(imageDefect(JPEG, 'jpeg')).toBeUndefined();
    // Bytes after the end-of-image marker are common and harmless.
    expect(imageDefect(new Uint8Array([...JPEG, 0, 0, 0]), 'jpeg')).toBeUndefined();
  });

  it('finds a PNG cut off part way', () => {
    const whole = png(40, 30);
    expect(imageDefect(whole.subarray(0, whole.length - 20), 'png')).toBe('truncated');
    expect(imageDefect(whole.subarray(0, whole.length - 12), 'png')).toBe('truncated'); // no IEND
  });

  it('finds a flipped byte through the chunk checksum', () => {
    const damaged = Buffer.from(png(40, 30));
    damaged[45] = damaged[45]! ^ 0xff; // inside the IDAT data
    expect(imageDefect(damaged, 'png')).toBe('checksum');
  });

  it('finds pixel data that does not inflate, or inflates to too few rows', () => {
    expect(imageDefect(pngWithData(40, 30, Buffer.from('not deflate data')), 'png')).toBe('data');
    const tenRows = Buffer.alloc((40 * 3 + 1) * 10);
    expect(imageDefect(pngWithData(40, 30, deflateSync(tenRows)), 'png')).toBe('data');
    const allRows = Buffer.alloc((40 * 3 + 1) * 30);
    expect(imageDefect(pngWithData(40, 30, deflateSync(allRows)), 'png')).toBeUndefined();
  });

  it('finds a JPEG cut off before its end, or without a scan', () => {
    expect(imageDefect(JPEG.subarray(0, JPEG.length - 4), 'jpeg')).toBe('truncated');
    const sos = JPEG.findIndex((b, i) => b === 0xff && JPEG[i + 1] === 0xda);
    expect(sos).toBeGreaterThan(0);
    expect(imageDefect(new Uint8Array([...JPEG.subarray(0, sos), 0xff, 0xd9]), 'jpeg')).toBe('structure');
  });
});
