// CFF outlines rewritten as TrueType outlines (src/fonts/trueTypeOutlines.ts):
// the same glyphs under the same ids, the same advances and cmap, every
// outline within a font unit of the original as fontTools draws it (not
// fontkit, whose CFF interpreter ends hflex1 curves at the wrong height:
// FandolFang's .notdef, in every subset, is drawn so), and a file FreeType
// reads as TrueType.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { subsetFont } from '../../src/fonts/subsetFont.js';
import { quadraticParts, cubicToQuadratics } from '../../src/fonts/quadraticOutlines.js';
import { cffToTrueType, OUTLINE_TOLERANCE } from '../../src/fonts/trueTypeOutlines.js';
import { fontTools, haveFontTools } from '../helpers/fontTools.js';
import { REPO_ROOT, tempDir } from '../helpers/project.js';

type Cmd = { command: string; args: number[] };

/** An outline's contours as polylines, `steps` points to a curve, in font units. */
function polylines(commands: Cmd[], steps: number): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let pts: Array<[number, number]> = [];
  let cur: [number, number] = [0, 0];
  let start: [number, number] = [0, 0];
  for (const { command, args: a } of commands) {
    if (command === 'moveTo') {
      if (pts.length > 0) out.push(pts);
      cur = start = [a[0]!, a[1]!];
      pts = [cur];
    } else if (command === 'lineTo') {
      cur = [a[0]!, a[1]!];
      pts.push(cur);
    } else if (command === 'closePath') {
      pts.push(start);
      cur = start;
    } else if (command === 'quadraticCurveTo') {
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const u = 1 - t;
        pts.push([u * u * cur[0] + 2 * u * t * a[0]! + t * t * a[2]!, u * u * cur[1] + 2 * u * t * a[1]! + t * t * a[3]!]);
      }
      cur = [a[2]!, a[3]!];
    } else if (command === 'bezierCurveTo') {
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const u = 1 - t;
        pts.push([
          u * u * u * cur[0] + 3 * u * u * t * a[0]! + 3 * u * t * t * a[2]! + t * t * t * a[4]!,
          u * u * u * cur[1] + 3 * u * u * t * a[1]! + 3 * u * t * t * a[3]! + t * t * t * a[5]!,
        ]);
      }
      cur = [a[4]!, a[5]!];
    }
  }
  if (pts.length > 0) out.push(pts);
  return out;
}

function segmentDistance([x, y]: [number, number], [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The farthest any point of `a`'s outline lies from `b`'s (curves as fine polylines). */
function deviation(a: Cmd[], b: Cmd[]): number {
  const pb = polylines(b, 32);
  let worst = 0;
  for (const p of polylines(a, 8).flat()) {
    let best = Infinity;
    for (const line of pb) for (let i = 1; i < line.length; i++) best = Math.min(best, segmentDistance(p, line[i - 1]!, line[i]!));
    worst = Math.max(worst, best);
  }
  return worst;
}

describe('cubic to quadratic', () => {
  it('splits a cubic into as many quadratics as keep the error within the tolerance, and no more', () => {
    const p = [
      { x: 0, y: 0 },
      { x: 0, y: 600 },
      { x: 1000, y: 600 },
      { x: 1000, y: 0 },
    ] as const;
    for (const tolerance of [4, 1, 0.25]) {
      const quads = cubicToQuadratics(p[0], p[1], p[2], p[3], tolerance);
      expect(quads).toHaveLength(quadraticParts(p[0], p[1], p[2], p[3], tolerance));
      expect(quads.at(-1)!.end).toEqual({ x: 1000, y: 0 });
      const cmds: Cmd[] = [{ command: 'moveTo', args: [0, 0] }, ...quads.map((q) => ({ command: 'quadraticCurveTo', args: [q.control.x, q.control.y, q.end.x, q.end.y] }))];
      expect(deviation([{ command: 'moveTo', args: [0, 0] }, { command: 'bezierCurveTo', args: [0, 600, 1000, 600, 1000, 0] }], cmds)).toBeLessThanOrEqual(tolerance * 1.05);
    }
    // A cubic that is a quadratic already (or a line) takes one.
    expect(quadraticParts({ x: 0, y: 0 }, { x: 100, y: 100 }, { x: 200, y: 200 }, { x: 300, y: 300 }, 0.25)).toBe(1);
  });
});

/** Every glyph's outline in the OpenType file `file`, as fontTools draws it (RecordingPen), by glyph id. */
const CFF_OUTLINES = String.raw`
import json, sys
from fontTools.ttLib import TTFont
from fontTools.pens.recordingPen import RecordingPen
f = TTFont(json.loads(sys.argv[1]))
glyphs = f.getGlyphSet()
names = {'moveTo': 'moveTo', 'lineTo': 'lineTo', 'curveTo': 'bezierCurveTo', 'qCurveTo': 'quadraticCurveTo', 'closePath': 'closePath', 'endPath': 'closePath'}
out = []
for name in f.getGlyphOrder():
    pen = RecordingPen()
    glyphs[name].draw(pen)
    out.append([{'command': names[op], 'args': [v for p in pts for v in p]} for op, pts in pen.value])
print(json.dumps(out))`;

describe.runIf(haveFontTools()).each(['FandolFang-Regular.otf', 'NotoSerifCJKsc-Bold-Title.otf'])('%s, subset, with TrueType outlines', (file) => {
  const text = '为贯彻落实《“十四五”上海市邮政业发展规划》2024年8月26日（总第120期）——ABCxyz,.;';
  const cps = [...new Set([...text].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);

  it('keeps every glyph, its id, advance and code point, and draws it within a font unit of the CFF outline', async () => {
    const otf = await subsetFont(readFileSync(path.join(REPO_ROOT, 'fonts', file)), 0, cps);
    const ttf = await cffToTrueType(otf);
    expect(ttf.data.readUInt32BE(0)).toBe(0x00010000);
    const otfFile = path.join(tempDir('bulletin-ttf-'), 'subset.otf');
    writeFileSync(otfFile, otf);
    const reference = fontTools<Cmd[][]>(CFF_OUTLINES, otfFile);
    const a = fontkit.create(otf) as fontkit.Font;
    const b = fontkit.create(ttf.data) as fontkit.Font;
    expect(b.numGlyphs).toBe(a.numGlyphs);
    expect(b.unitsPerEm).toBe(a.unitsPerEm);
    expect(b.postscriptName).toBe(a.postscriptName);
    for (const cp of cps) expect(b.glyphForCodePoint(cp).id, String.fromCodePoint(cp)).toBe(a.glyphForCodePoint(cp).id);
    expect(reference).toHaveLength(a.numGlyphs);
    let worst = 0;
    for (let gid = 0; gid < a.numGlyphs; gid++) {
      const ga = a.getGlyph(gid);
      const gb = b.getGlyph(gid);
      expect(gb.advanceWidth).toBe(ga.advanceWidth);
      expect(gb.path.commands.some((c) => c.command === 'bezierCurveTo')).toBe(false);
      const ref = reference[gid]!;
      worst = Math.max(worst, deviation(ref, gb.path.commands), deviation(gb.path.commands, ref));
    }
    // The tolerance of the curves plus the rounding of points to whole units (at most √2/2).
    expect(worst).toBeLessThanOrEqual(OUTLINE_TOLERANCE + Math.SQRT1_2 + 0.05);
    expect(ttf.cubics).toBeGreaterThan(0);
  });

  it('is read by FreeType (fontconfig) as a TrueType font of the same family', async () => {
    const otf = await subsetFont(readFileSync(path.join(REPO_ROOT, 'fonts', file)), 0, cps);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bulletin-ttf-'));
    const out = path.join(dir, 'f.ttf');
    writeFileSync(out, (await cffToTrueType(otf)).data);
    const query = execFileSync('fc-query', ['--format', '%{fontformat}|%{family[0]}|%{outline}', out], { encoding: 'utf8' });
    const family = (fontkit.create(otf) as fontkit.Font).familyName;
    expect(query).toBe(`TrueType|${family}|True`);
  });

  it('is the same, byte for byte, every time', async () => {
    const otf = await subsetFont(readFileSync(path.join(REPO_ROOT, 'fonts', file)), 0, cps);
    expect(Buffer.compare((await cffToTrueType(otf)).data, (await cffToTrueType(otf)).data)).toBe(0);
  });
});

it('refuses a font without CFF outlines', async () => {
  await expect(cffToTrueType(Buffer.from([0, 1, 0, 0, 0, 0]))).rejects.toThrow(/CFF/);
});
