// CRC-32 (src/crc32.ts), the one the image reader checks PNG chunks with and
// the page images' pHYs chunk is written with: the standard check value, and
// zlib's CRC-32 over bytes of every value and over an empty input.
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/crc32.js';

describe('crc32', () => {
  it('gives the check value of "123456789" and zlib’s CRC-32', () => {
    expect(crc32(Buffer.from('123456789', 'latin1'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + (i >> 3)) & 0xff);
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    expect(crc32(bytes.subarray(1, 1000))).toBe(zlibCrc32(bytes.subarray(1, 1000)));
  });
});
