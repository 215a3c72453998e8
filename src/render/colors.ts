// Colours as the writers need them. A Layout colour is an sRGB hex value,
// with CMYK components beside it where the template gives them (red is
// CMYK 0/100/100/0, RGB #E60012; docs/format.md §3).
import type { Color } from '../typeset/layout.js';

/** The colour's red, green and blue, 0–255 each. */
export function rgbComponents(color: Color): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.rgb);
  if (!m) throw new Error(`not an RGB colour: ${color.rgb}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}
