// Pagination on the grid, by hand-checked cases: titles keep two body lines,
// no single line of a long paragraph at a page's foot or head, space before a
// block dropped at the top of a page.
import { describe, expect, it } from 'vitest';
import type { FlowBlock, FlowLine } from '../../src/typeset/flow.js';
import type { Keeps } from '../../src/typeset/layout.js';
import { paginate, resolveKeeps } from '../../src/typeset/paginate.js';
import { png } from '../helpers/images.js';
import { figuresOf } from '../helpers/setTree.js';
import { typesetFiles } from '../helpers/typeset.js';

const keeps = (k: Partial<Keeps>): Keeps => ({
  together: false,
  widowControl: false,
  withNext: 0,
  spaceBefore: 0,
  spaceAfter: 0,
  keepLinesTogether: false,
  keepWithNext: false,
  shortestPiece: 1,
  float: false,
  withPrevious: 0,
  ...k,
});
const line = (text: string, gridLines = 1): FlowLine => ({ gridLines, items: [], text });
const para = (name: string, n: number): FlowBlock => ({
  lines: Array.from({ length: n }, (_, i) => line(`${name}${i + 1}`)),
  keeps: keeps({ widowControl: n >= 3 }),
});
const title = (name: string): FlowBlock => ({
  lines: [line(name, 2), { gridLines: 1, items: [] }],
  unit: { what: 'title', pos: undefined },
  keeps: keeps({ together: true, withNext: 2, spaceBefore: 1 }),
});
/** Each page's line texts (spacer lines left out). */
const layout = (blocks: FlowBlock[], perPage = 10, first = 0) =>
  paginate(blocks, perPage, first).map((p) => p.filter((l) => l.line.text !== undefined).map((l) => `${l.gridLine}:${l.line.text}`));

describe('paginate', () => {
  it('splits a long paragraph leaving at least two lines on each page', () => {
    // 6 grid lines taken, 4 left: 5 lines go 3 + 2.
    expect(layout([para('a', 6), para('b', 5)])).toEqual([
      ['0:a1', '1:a2', '2:a3', '3:a4', '4:a5', '5:a6', '6:b1', '7:b2', '8:b3'],
      ['0:b4', '1:b5'],
    ]);
  });

  it('moves a three-line paragraph whole rather than strand one line', () => {
    // 8 grid lines taken, 2 left: 2 + 1 would leave a widow; 1 + 2 an orphan.
    expect(layout([para('a', 8), para('b', 3)])).toEqual([['0:a1', '1:a2', '2:a3', '3:a4', '4:a5', '5:a6', '6:a7', '7:a8'], ['0:b1', '1:b2', '2:b3']]);
  });

  it('lets a two-line paragraph split one and one', () => {
    expect(layout([para('a', 9), para('b', 2)])).toEqual([[...Array.from({ length: 9 }, (_, i) => `${i}:a${i + 1}`), '9:b1'], ['0:b2']]);
  });

  it('keeps a title with two lines of its body, and drops its space at a page top', () => {
    // 5 taken; the title needs 1 space + 2 title + 1 after + 2 body = 6 > 5 left.
    const pages = layout([para('a', 5), title('T'), para('b', 4)]);
    expect(pages[0]).toEqual(['0:a1', '1:a2', '2:a3', '3:a4', '4:a5']);
    expect(pages[1]).toEqual(['0:T', '3:b1', '4:b2', '5:b3', '6:b4']);
  });

  it('places a title where it fits with its two lines', () => {
    const pages = layout([para('a', 4), title('T'), para('b', 2)]);
    expect(pages).toEqual([['0:a1', '1:a2', '2:a3', '3:a4', '5:T', '8:b1', '9:b2']]);
  });

  it('counts the widow rule into the keep: a title before a three-line paragraph needs all three', () => {
    // 10 − 4 = 6 left: space 1 + title 3 + 2 lines would fit, but 2 + 1 strands a line.
    const pages = layout([para('a', 4), title('T'), para('b', 3)]);
    expect(pages[0]).toEqual(['0:a1', '1:a2', '2:a3', '3:a4']);
    expect(pages[1]).toEqual(['0:T', '3:b1', '4:b2', '5:b3']);
  });

  it('keeps a title with two body lines even when its first paragraph has one', () => {
    // 10 − 5 = 5 left: space + title 3 + one line = 5, but the keep asks for a second body line.
    const pages = layout([para('a', 5), title('T'), para('b', 1), para('c', 4)]);
    expect(pages[0]).toEqual(['0:a1', '1:a2', '2:a3', '3:a4', '4:a5']);
    expect(pages[1]!.slice(0, 3)).toEqual(['0:T', '3:b1', '4:c1']);
  });

  it('starts the first page at the given grid line', () => {
    expect(layout([title('T'), para('a', 3)], 10, 4)).toEqual([['4:T', '7:a1', '8:a2', '9:a3']]);
  });
});

describe('resolveKeeps: the same keeps as paragraph properties', () => {
  const resolved = (...blocks: FlowBlock[]) => {
    resolveKeeps(blocks);
    return blocks.map((b) => ({ lines: b.keeps.keepLinesTogether, next: b.keeps.keepWithNext, shortest: b.keeps.shortestPiece }));
  };

  it('a title keeps with what follows; a two-line paragraph after it is held whole', () => {
    expect(resolved(title('T'), para('a', 2), para('b', 5))).toEqual([
      { lines: true, next: true, shortest: 2 },
      { lines: true, next: false, shortest: 1 },
      { lines: false, next: false, shortest: 2 },
    ]);
  });

  it('a one-line paragraph after a title passes the keep on to the next block', () => {
    expect(resolved(title('T'), para('a', 1), para('b', 5))).toEqual([
      { lines: true, next: true, shortest: 2 },
      { lines: true, next: true, shortest: 1 },
      { lines: false, next: false, shortest: 2 },
    ]);
  });

  it('a long paragraph after a title gives it two lines and is not held whole', () => {
    expect(resolved(title('T'), para('a', 6))[1]).toEqual({ lines: false, next: false, shortest: 2 });
  });

  it('a figure’s caption is held whole, as its figure is, and keeps with the next block when the figure does', () => {
    const caption = '一段很长的图片说明，'.repeat(6);
    const { layout } = typesetFiles({
      'issues/2024-09/01-a.md': `---\ntitle: 测试文章\n---\n\n![${caption}](images/a.png)\n\n正文。\n`,
      'issues/2024-09/images/a.png': png(60, 40),
    });
    const figure = figuresOf(layout)[0]!;
    const set = figure.panels[0]!.caption!;
    expect(set.lines.length).toBeGreaterThan(1);
    expect(figure.keeps.keepLinesTogether).toBe(true);
    expect(set.keeps).toMatchObject({ keepLinesTogether: true, keepWithNext: figure.keeps.keepWithNext, shortestPiece: set.lines.length });
  });
});
