// The box of a 编者按 lies on the frame the quote sits in, its text one
// character inside: a quote in a quote is boxed inside the outer one's text
// frame, not across the whole text block.
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/typeset/layout.js';
import { MINIMAL } from '../helpers/project.js';
import { glyphLines, lineText, typesetFiles } from '../helpers/typeset.js';

const NESTED = '引用里的引用，内容较长，需要换行的时候后面的行应当与第一行的文字对齐，而不是与编号对齐。';

describe.each([['jianbao'], ['gbt9704']])('in %s', (template) => {
  const { layout, ctx } = typesetFiles({
    'issues/2024-09/issue.yaml': `${MINIMAL['issues/2024-09/issue.yaml']}template: ${template}\n`,
    'issues/2024-09/01-a.md': `---\ntitle: 测试文章\n---\n\n> 编者按：这是一段编者按。\n>\n> > ${NESTED}\n`,
  });
  const page = layout.pages[0]!;
  const x0 = page.textBlock.x;
  const { width, charPitch, pitch } = ctx.geometry;
  const verticals = page.items.filter((i): i is Rule => i.kind === 'rule' && i.x1 === i.x2);

  it('draws the outer box on the text block and the inner one a character inside it, around the inner lines only', () => {
    const xs = (r: Rule[]) => [...new Set(r.map((v) => v.x1.toFixed(3)))].sort();
    const inner = verticals.filter((v) => Math.abs(v.x1 - x0) > 0.01 && Math.abs(v.x1 - (x0 + width)) > 0.01);
    expect(xs(inner)).toEqual([x0 + charPitch, x0 + width - charPitch].map((x) => x.toFixed(3)).sort());
    expect(verticals.length - inner.length).toBeGreaterThan(0);
    // The inner box spans the nested quote's lines: its text lies between its sides and rules.
    const lines = glyphLines(page, ctx);
    const at = lines.findIndex((l) => lineText(l).startsWith('引用里的引用'));
    const nested = lines.slice(at).filter((l) => l[0]!.y < page.textBlock.y + page.textBlock.height);
    expect(nested.map(lineText).join('')).toBe(NESTED);
    const [top, bottom] = [inner[0]!.y1, inner[0]!.y2];
    expect(bottom - top).toBeCloseTo(nested.length * pitch, 6);
    for (const l of nested) {
      expect(l[0]!.x).toBeGreaterThanOrEqual(x0 + 2 * charPitch - 1e-6);
      expect(l[0]!.y).toBeGreaterThan(top);
      expect(l[0]!.y).toBeLessThan(bottom);
    }
  });
});
