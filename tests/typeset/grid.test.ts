// Body text on the template's grid: N full-width characters fill a line.
import { describe, expect, it } from 'vitest';
import { setLines } from '../../src/typeset/setLines.js';
import { contextFor } from '../helpers/typeset.js';

const HAN = '为贯彻落实上海市邮政业发展规划关于促进本市快递业与制造业深度融合发展的实施意见加快构建上海现代化产业体系推进快递业与集成电路生物医药';

describe.each([
  ['jianbao', 26],
  ['gbt9704', 28],
])('%s', (name, perLine) => {
  it(`sets ${perLine} characters a line, ${perLine - 2} on the indented first, filling the measure exactly`, () => {
    const ctx = contextFor(name);
    const g = ctx.geometry;
    const lines = setLines([{ text: HAN, style: g.body }], { width: g.width, firstIndent: 2 * g.charPitch, align: 'justify' }, ctx);
    expect(lines[0]!.glyphs).toHaveLength(perLine - 2);
    for (const line of lines.slice(1, -1)) expect(line.glyphs).toHaveLength(perLine);
    for (const line of lines.slice(0, -1)) {
      const last = line.glyphs.at(-1)!;
      expect(line.x + last.x + last.advance).toBeCloseTo(g.width, 2);
    }
    expect(lines.map((l) => l.text).join('')).toBe(HAN);
  });
});
