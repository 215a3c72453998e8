// The passes of a PNG image (ISO/IEC 15948 §8.2): one for a plain image,
// seven small images for Adam7 interlacing. Reading checks the data's size
// with them (src/read/imageFile.ts); the PDF writer decodes with them
// (src/render/pdf/pngDecode.ts).

export interface PngPass {
  /** The pass's first column and row in the image, and its steps across and down. */
  x0: number;
  y0: number;
  dx: number;
  dy: number;
  /** Its size in pixels (0 when the image is too small to have pixels in it). */
  width: number;
  height: number;
}

const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

export function pngPasses(width: number, height: number, interlaced: boolean): PngPass[] {
  const steps: ReadonlyArray<readonly [number, number, number, number]> = interlaced ? ADAM7 : [[0, 0, 1, 1]];
  return steps.map(([x0, y0, dx, dy]) => ({
    x0,
    y0,
    dx,
    dy,
    width: Math.max(0, Math.ceil((width - x0) / dx)),
    height: Math.max(0, Math.ceil((height - y0) / dy)),
  }));
}
