// Draws the invented pictures of the example issue issues/example-rich/
// (flat shapes and gradients, no photographs of anyone or anything) as small
// PNG files: `node scripts/example-images.mjs` rewrites them in place.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'issues', 'example-rich', 'images');

function crc32(buf) {
  let crc = 0xffffffff;
  for (const byte of buf) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGB canvas: paint(x, y) → [r, g, b], written as a PNG with the Up filter on every row. */
function png(width, height, paint) {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  const prev = Buffer.alloc(width * 3);
  const row = Buffer.alloc(width * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      row[x * 3] = r;
      row[x * 3 + 1] = g;
      row[x * 3 + 2] = b;
    }
    raw[y * stride] = 2; // Up
    for (let i = 0; i < row.length; i++) raw[y * stride + 1 + i] = (row[i] - prev[i]) & 0xff;
    row.copy(prev);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));
/** Colours in steps of 8, so that rows repeat and compress. */
const q = (c) => c.map((v) => v & 0xf8);

/** A campus: sky, a hall with a row of windows, a lawn. */
function campus(w, h) {
  return png(w, h, (x, y) => {
    const horizon = h * 0.68;
    if (y > horizon) return q(mix([120, 170, 90], [70, 120, 60], (y - horizon) / (h - horizon)));
    const hall = x > w * 0.18 && x < w * 0.82 && y > h * 0.3;
    const roof = y > h * 0.22 && y <= h * 0.3 && Math.abs(x - w / 2) < w * 0.34 - (y - h * 0.22) * -0.6;
    if (hall) {
      const win = (x - w * 0.18) % (w * 0.08) > w * 0.03 && y > h * 0.38 && y < h * 0.5;
      const door = Math.abs(x - w / 2) < w * 0.05 && y > h * 0.54;
      if (door) return [90, 60, 40];
      return win ? [60, 80, 110] : [200, 190, 170];
    }
    if (roof) return [150, 60, 50];
    const sun = (x - w * 0.85) ** 2 + (y - h * 0.15) ** 2 < (h * 0.07) ** 2;
    if (sun) return [250, 220, 120];
    return q(mix([110, 160, 220], [200, 225, 245], y / horizon));
  });
}

/** A meeting room: a red banner over rows of seats. */
function meeting(w, h) {
  return png(w, h, (x, y) => {
    if (y < h * 0.22 && y > h * 0.08 && x > w * 0.12 && x < w * 0.88) return [200, 30, 30];
    if (y < h * 0.55) return q(mix([230, 225, 210], [210, 200, 185], y / (h * 0.55)));
    const rowH = h * 0.09;
    const r = Math.floor((y - h * 0.55) / rowH);
    const cx = ((x + (r % 2) * 20) % 40) - 20;
    const cy = ((y - h * 0.55) % rowH) - rowH * 0.45;
    if (cx * cx + cy * cy < 100) return [40, 40, 50];
    return q(mix([140, 110, 80], [100, 75, 55], (y - h * 0.55) / (h * 0.45)));
  });
}

/** A laboratory bench under a window: tall. */
function lab(w, h) {
  return png(w, h, (x, y) => {
    const win = x > w * 0.15 && x < w * 0.85 && y > h * 0.08 && y < h * 0.45;
    if (win) {
      const bar = Math.abs(x - w / 2) < 3 || Math.abs(y - h * 0.265) < 3;
      return bar ? [240, 240, 240] : q(mix([140, 190, 235], [210, 230, 250], (y - h * 0.08) / (h * 0.37)));
    }
    if (y > h * 0.6 && y < h * 0.66) return [90, 90, 100];
    if (y >= h * 0.66) return q(mix([180, 180, 175], [120, 120, 115], (y - h * 0.66) / (h * 0.34)));
    const flask = Math.abs(x - w * 0.3) < w * 0.05 && y > h * 0.5 && y <= h * 0.6;
    if (flask) return [80, 160, 120];
    return q(mix([235, 235, 230], [215, 215, 205], y / h));
  });
}

/** A tree on a lawn: square. */
function tree(w, h) {
  return png(w, h, (x, y) => {
    const crown = (x - w / 2) ** 2 + (y - h * 0.38) ** 2 < (w * 0.28) ** 2;
    if (crown) return q(mix([60, 140, 60], [30, 100, 40], y / h));
    if (Math.abs(x - w / 2) < w * 0.04 && y > h * 0.5 && y < h * 0.8) return [110, 80, 50];
    if (y > h * 0.78) return [110, 165, 85];
    return q(mix([150, 195, 235], [220, 235, 245], y / h));
  });
}

const files = {
  'campus.png': campus(640, 400),
  'meeting.png': meeting(600, 450),
  'lab.png': lab(420, 600),
  'tree.png': tree(420, 420),
  'hall.png': campus(480, 640),
};
let total = 0;
for (const [name, data] of Object.entries(files)) {
  writeFileSync(path.join(OUT, name), data);
  total += data.length;
  console.log(`${name}: ${data.length} bytes`);
}
console.log(`total: ${total} bytes`);
