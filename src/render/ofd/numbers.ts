// Numbers as OFD writes them: lengths in millimetres (the Layout's points
// converted), to 0.0001 mm, in the shortest form that reads back the same.
import { ptToMm } from '../units.js';

/** Decimal places of every length written: 0.1 µm, far below what a reader or printer resolves. */
const PLACES = 4;
const SCALE = 10 ** PLACES;

/** A length in mm, rounded to the places written. */
export function roundMm(mm: number): number {
  const r = Math.round(mm * SCALE) / SCALE;
  return r === 0 ? 0 : r; // no "-0"
}

/** `mm` as written. */
export function num(mm: number): string {
  return String(roundMm(mm));
}

/** Points, converted and written in mm. */
export function mm(pt: number): string {
  return num(ptToMm(pt));
}

/** ST_Array: numbers separated by spaces. */
export function stArray(values: readonly number[]): string {
  return values.map(num).join(' ');
}

/** ST_Box: x y width height, in mm, from points. */
export function box(x: number, y: number, width: number, height: number): string {
  return stArray([ptToMm(x), ptToMm(y), ptToMm(width), ptToMm(height)]);
}
