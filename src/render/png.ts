// SVG pages → PNG page images, rasterised by resvg (@resvg/resvg-js, loaded
// only when PNG output is asked for). The SVG draws every glyph as an
// outline, so resvg is given no fonts at all and never looks at the
// system's: the image shows what the PDF shows, on any machine.
import { crc32 } from '../crc32.js';

/** resvg sizes an SVG in CSS pixels, 96 to the inch (a length in points is 4/3 of it). */
const CSS_PX_PER_INCH = 96;

type ResvgModule = typeof import('@resvg/resvg-js');
let resvg: Promise<ResvgModule> | undefined;

/** One page's SVG (sized in points) as a PNG at `dpi`, which the PNG records (pHYs). */
export async function svgToPng(svg: string, dpi: number): Promise<Buffer> {
  resvg ??= import('@resvg/resvg-js');
  const { renderAsync } = await resvg;
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: dpi / CSS_PX_PER_INCH },
    background: '#ffffff',
    font: { loadSystemFonts: false },
    logLevel: 'off',
  });
  return withResolution(image.asPng(), dpi);
}

/** The PNG with a pHYs chunk saying `dpi`, right after its header, so it prints at its size. */
function withResolution(png: Buffer, dpi: number): Buffer {
  const ihdrEnd = 8 + 8 + 13 + 4;
  if (png.toString('latin1', 12, 16) !== 'IHDR') return png;
  const perMetre = Math.round(dpi / 0.0254);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(perMetre, 0);
  data.writeUInt32BE(perMetre, 4);
  data[8] = 1; // the unit is the metre
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk('pHYs', data), png.subarray(ihdrEnd)]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}
