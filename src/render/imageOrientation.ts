// How each writer turns an image into the box the typesetter gave it
// (ImageItem.orientation, EXIF orientation 1–8, CIPA DC-008): the stored
// picture mapped onto the box as it is seen. The typesetter has already
// swapped width and height for 5–8; a writer only applies the map.
import type { Orientation } from '../model.js';

/**
 * The map from the stored picture to the box it is seen in, both as the unit
 * square with y down ((0, 0) the top-left corner): a point (s, t) of the
 * stored pixels is seen at (a·s + c·t + e, b·s + d·t + f). The EXIF table
 * names where the stored 0th row and 0th column are seen: 1 top/left, 2
 * top/right, 3 bottom/right, 4 bottom/left, 5 left/top, 6 right/top, 7
 * right/bottom, 8 left/bottom.
 */
export type UnitMap = readonly [a: number, b: number, c: number, d: number, e: number, f: number];

const MAPS: Record<Orientation, UnitMap> = {
  1: [1, 0, 0, 1, 0, 0],
  2: [-1, 0, 0, 1, 1, 0],
  3: [-1, 0, 0, -1, 1, 1],
  4: [1, 0, 0, -1, 0, 1],
  5: [0, 1, 1, 0, 0, 0],
  6: [0, 1, -1, 0, 1, 0],
  7: [0, -1, -1, 0, 1, 1],
  8: [0, -1, 1, 0, 0, 1],
};

export function unitMap(orientation: Orientation): UnitMap {
  return MAPS[orientation];
}

/** Whether the stored picture is seen turned a quarter (its width down the box): orientations 5–8. */
export function turnsQuarter(orientation: Orientation): boolean {
  return orientation >= 5;
}

/**
 * The same turn as a word processor states it for a picture (DrawingML
 * a:xfrm): mirrored left to right in its own frame first, then turned
 * clockwise about its centre by `rotation` degrees. The frame is the stored
 * picture's shape: for 5–8 the box's height across and its width down.
 * Only left-to-right mirroring is used (top-to-bottom is that and a half
 * turn), since it is the flip LibreOffice and Word both read for a picture.
 */
export function pictureTurn(orientation: Orientation): { flipH: boolean; rotation: 0 | 90 | 180 | 270 } {
  switch (orientation) {
    case 1:
      return { flipH: false, rotation: 0 };
    case 2:
      return { flipH: true, rotation: 0 };
    case 3:
      return { flipH: false, rotation: 180 };
    case 4:
      return { flipH: true, rotation: 180 };
    case 5:
      return { flipH: true, rotation: 270 };
    case 6:
      return { flipH: false, rotation: 90 };
    case 7:
      return { flipH: true, rotation: 90 };
    case 8:
      return { flipH: false, rotation: 270 };
  }
}
