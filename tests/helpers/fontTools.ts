// Debian's python3-fonttools, an implementation independent of ours: to read
// the fonts bulletin writes, and to make small test fonts (name-keyed CFF
// OpenType, TrueType) whose glyphs are distinct boxes.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PYTHON = '/usr/bin/python3';

/** Whether fontTools can be run (python3-fonttools installed). */
export function haveFontTools(): boolean {
  if (!existsSync(PYTHON)) return false;
  try {
    execFileSync(PYTHON, ['-c', 'import fontTools'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Run a Python script with fontTools; its argv[1] is `arg` (JSON); stdout parsed as JSON. */
export function fontTools<T>(script: string, arg: unknown): T {
  const out = execFileSync(PYTHON, ['-c', script, JSON.stringify(arg)], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(out) as T;
}

const MAKE_FONT = String.raw`
import json, sys
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
a = json.loads(sys.argv[1])
ttf = a['format'] == 'ttf'
names = ['uni%04X' % cp if cp < 0x10000 else 'u%05X' % cp for cp in a['codePoints']]
fb = FontBuilder(1000, isTTF=ttf)
fb.setupGlyphOrder(['.notdef'] + names)
fb.setupCharacterMap({cp: n for cp, n in zip(a['codePoints'], names)})
def draw(pen, i):
    # A frame, and i % 7 + 1 bars inside it: every glyph looks different.
    def box(x0, y0, x1, y1):
        pen.moveTo((x0, y0)); pen.lineTo((x0, y1)); pen.lineTo((x1, y1)); pen.lineTo((x1, y0)); pen.closePath()
    box(100, -80, 900, 800)
    for k in range(i % 7 + 1):
        box(200 + k * 90, 0, 250 + k * 90, 700 - 60 * (i % 5))
glyphs = {}
for i, n in enumerate(['.notdef'] + names):
    if ttf:
        pen = TTGlyphPen(None); draw(pen, i); glyphs[n] = pen.glyph()
    else:
        pen = T2CharStringPen(1000, None); draw(pen, i); glyphs[n] = pen.getCharString()
if ttf:
    fb.setupGlyf(glyphs)
else:
    fb.setupCFF(a['psName'], {'FullName': a['family']}, glyphs, {})
fb.setupHorizontalMetrics({n: (1000, 100) for n in ['.notdef'] + names})
fb.setupHorizontalHeader(ascent=880, descent=-120)
fb.setupNameTable({'familyName': a['family'], 'styleName': 'Regular', 'psName': a['psName']})
fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120, ulCodePageRange1=(1 << 18))
fb.setupPost()
fb.save(a['file'])
print(json.dumps(len(names) + 1))
`;

/** Write a font with a box glyph for each of `codePoints`: TrueType outlines (ttf) or a name-keyed CFF (otf). */
export function makeTestFont(file: string, format: 'ttf' | 'otf', codePoints: number[], family = 'Bulletin Test', psName = 'BulletinTest-Regular'): void {
  fontTools<number>(MAKE_FONT, { file, format, codePoints, family, psName });
}
