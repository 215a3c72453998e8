// Shrinking a line to fit (masthead lines, article titles): one rule, in
// steps, never below the smallest size allowed.
import { describe, expect, it } from 'vitest';
import { fitSize } from '../../src/typeset/setLines.js';
import { contextFor } from '../helpers/typeset.js';

describe('fitSize', () => {
  it('keeps the size of text that fits', () => {
    expect(fitSize(400, 416, 22, 18, 0.5)).toEqual({ size: 22, fits: true });
    expect(fitSize(416, 416, 22, 18, 0.5)).toEqual({ size: 22, fits: true });
  });

  it('takes the largest step at which the text fits (width grows with size)', () => {
    // 440 pt at 22 pt needs 20.8 pt: 20.5 in half points, 20 in whole ones.
    expect(fitSize(440, 416, 22, 18, 0.5)).toEqual({ size: 20.5, fits: true });
    expect(fitSize(440, 416, 22, 18, 1)).toEqual({ size: 20, fits: true });
    expect(fitSize(440, 416, 22, 18, 2)).toEqual({ size: 20, fits: true });
  });

  it('stops at minSize and says the text does not fit', () => {
    // 600 pt at 22 pt needs 15.25 pt.
    expect(fitSize(600, 416, 22, 18, 0.5)).toEqual({ size: 18, fits: false });
    expect(fitSize(600, 416, 22, 15, 0.5)).toEqual({ size: 15, fits: true });
  });

  it('never goes below one step, even without a minSize, nor above the size when minSize is larger', () => {
    expect(fitSize(1e6, 416, 16, 0, 0.5)).toEqual({ size: 0.5, fits: false });
    expect(fitSize(500, 416, 16, 20, 0.5)).toEqual({ size: 16, fits: false });
  });
});

describe('odd and even pages', () => {
  it('a two-sided template mirrors the text block on even pages; page numbers follow the same test', () => {
    const ctx = contextFor('jianbao');
    expect([1, 2, 3].map((n) => ctx.isOddPage(n))).toEqual([true, false, true]);
    expect(ctx.textBlockX(1)).toBeCloseTo(ctx.geometry.inner, 6);
    expect(ctx.textBlockX(2)).toBeCloseTo(ctx.geometry.pageWidth - ctx.geometry.inner - ctx.geometry.width, 6);
  });
});
