// CRC-32 as PNG chunks carry it (ISO/IEC 15948 §5.5, the ISO 3309 / ITU-T
// V.42 polynomial, reflected): checked when an image is read
// (src/read/imageFile.ts), written for the chunk the page images add
// (src/render/png.ts).

let table: Uint32Array | undefined;

/** The CRC-32 of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const byte of bytes) c = table[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
