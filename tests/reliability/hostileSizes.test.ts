// Hostile sizes, made at test time (too large for git): a real pixel bomb
// and an article over the default limit are refused from what is known
// before the work (the PNG header, the file's size), in bounded time and
// memory, with the numbers in the message.
import { createDeflate } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pngChunk } from '../helpers/images.js';
import { MINIMAL, writeProject } from '../helpers/project.js';
import { childEnv, messageProblems, outputsUnder, runCliMeasured } from './helpers.js';

const MAX_MS = 20_000;
const MAX_PEAK_MB = 1024;

/** A 20000 × 20000 RGBA PNG of zeros, compressed as far as deflate goes (about 1.5 MB), made a row at a time. */
async function pixelBomb(): Promise<Buffer> {
  const width = 20_000;
  const height = 20_000;
  const row = Buffer.alloc(width * 4 + 1);
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  for (let y = 0; y < height; y++) if (!deflate.write(row)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await done;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, pngChunk('IHDR', ihdr), pngChunk('IDAT', Buffer.concat(parts)), pngChunk('IEND', Buffer.alloc(0))]);
}

describe('hostile sizes are refused before the work', () => {
  it('a 1.5 MB PNG of 20000 × 20000 RGBA: image.tooManyPixels at its line, under 20 s and 1 GB', async () => {
    const bomb = await pixelBomb();
    expect(bomb.length).toBeLessThan(2 << 20);
    const root = writeProject({
      ...MINIMAL,
      'issues/2024-09/01-a.md': '---\ntitle: 测试文章\n---\n\n正文。\n\n![图](images/bomb.png)\n',
      'issues/2024-09/images/bomb.png': bomb,
    });
    const r = await runCliMeasured(root, ['build', '2024-09', '--lang', 'en'], childEnv());
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('issues/2024-09/01-a.md:7:1: error:');
    expect(r.stderr).toContain('20000 × 20000');
    expect(messageProblems(r.stderr)).toEqual([]);
    expect(outputsUnder(root)).toEqual([]);
    expect(r.ms).toBeLessThan(MAX_MS);
    expect(r.peakMB).toBeLessThan(MAX_PEAK_MB);
  }, 120_000);

  it('a 6 MB article (default limits.articleMB 5): article.tooLarge at the file, under 20 s and 1 GB', async () => {
    const para = '为贯彻落实《“十四五”上海市邮政业发展规划》，推动快递业与制造业深度融合发展。\n\n';
    const body = para.repeat(Math.ceil((6 << 20) / Buffer.byteLength(para)));
    const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': `---\ntitle: 很长\n---\n\n${body}` });
    const r = await runCliMeasured(root, ['build', '2024-09', '--lang', 'en'], childEnv());
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/issues\/2024-09\/01-a\.md:1:1: error: .*6(\.\d+)? MB.*5 MB/);
    expect(outputsUnder(root)).toEqual([]);
    expect(r.ms).toBeLessThan(MAX_MS);
    expect(r.peakMB).toBeLessThan(MAX_PEAK_MB);
  }, 60_000);
});
