// Word geometry: sizes that add up to whole grid lines and to the text
// block, rules paid for by the lines they are drawn on, images never larger
// than typeset.
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/diagnostics.js';
import { boxedLineHeight, columnTwips, distributionGap, emus, ruleTwips, tableLineHeight, tableRowHeight, titleSpacing, wordPage } from '../../../src/render/docx/geometry.js';
import { loadTemplate } from '../../../src/template/loadTemplate.js';

describe('Word geometry', () => {
  it('puts a title on whole grid lines, whatever its line height', () => {
    for (const [lines, height, grid] of [
      [1, 28.6, 1],
      [2, 23.4, 2],
      [2, 28.6, 2],
      [3, 24.7, 3],
    ] as const) {
      const s = titleSpacing(600, { above: 1, lines: grid, below: 1 }, lines, height);
      expect(s.before + lines * s.line + s.after).toBe((1 + grid + 1) * 600);
      expect(s.before).toBeGreaterThanOrEqual(600);
    }
  });

  it('gives back the rules of a 编者按 box over its shortest piece, and a table row’s two rules over each line', () => {
    // 0.5 pt rules (4 eighths) are 10 twips: a piece of 2 lines pays 20 twips.
    expect(ruleTwips(4)).toBe(10);
    expect(boxedLineHeight(600, 4, 2)).toBe(590);
    expect(2 * (600 - boxedLineHeight(600, 4, 2))).toBeGreaterThanOrEqual(2 * ruleTwips(4));
    expect(boxedLineHeight(600, 4, 1)).toBe(580);
    // The first row pays for two half-point rules, the others for the one below them.
    expect(tableLineHeight(600, 4, 1, true)).toBe(580);
    expect(tableRowHeight(600, 4, 2, false)).toBe(1190);
    expect(tableLineHeight(600, 4, 2, false)).toBe(595);
    expect(tableLineHeight(600, 4, 3, false)).toBe(596);
  });

  it('makes column widths add up to the measure exactly', () => {
    const cols = columnTwips([120.3, 80.1, 215.6], 8320);
    expect(cols.reduce((a, b) => a + b, 0)).toBe(8320);
    expect(cols.every((c) => c > 0)).toBe(true);
  });

  it('rounds images down to whole EMUs, and the 报尾’s gap down to whole twips', () => {
    expect(emus(288.48)).toBe(3663696);
    expect(emus(288.48)).toBeLessThanOrEqual(288.48 * 12700);
    expect(distributionGap(500.03, 100, 3, 8, 6)).toBe(Math.floor(400.03 * 20 - 2 * 20 - 2 * 15));
  });

  it('fits the template’s lines and characters on the page: jianbao’s 22 × 30 pt, 416 pt', () => {
    const page = wordPage(loadTemplate('jianbao', undefined, new Diagnostics())!, 14);
    expect(page.height - page.margins.top - page.margins.bottom).toBe(22 * page.pitch);
    expect(page.textWidth).toBe(8320);
    expect(page.width - page.margins.left - page.margins.right).toBe(page.textWidth);
  });
});
