// Pagination on the grid: every flow line takes whole grid lines. It reads
// the keeps of the set-tree node each block sets. Keeps a
// title with the first lines of its body, never leaves one line of a long
// paragraph alone at a page's foot or head, and keeps reading order.
import type { FlowBlock, FlowLine } from './flow.js';
import type { SetFigure } from './layout.js';

export interface PagedLine {
  line: FlowLine;
  /** The grid line it starts on. */
  slot: number;
  /** Its block (an index into the blocks paginated) and its index among the block's lines. */
  block: number;
  index: number;
  /** Grid lines of space left above it: its block's spaceBefore on a block's first line, none at a page top. */
  space: number;
}

/** Each page's lines; the first page's content starts at grid line `firstSlot`. */
export function paginate(blocks: readonly FlowBlock[], linesPerPage: number, firstSlot: number): PagedLine[][] {
  const pages: PagedLine[][] = [[]];
  let slot = firstSlot;
  let pageTop = firstSlot;
  let spaceAbove = 0;
  const newPage = (): void => {
    pages.push([]);
    slot = 0;
    pageTop = 0;
    spaceAbove = 0;
  };
  const put = (block: number, index: number, line: FlowLine): void => {
    pages.at(-1)!.push({ line, slot, block, index, space: index === 0 ? spaceAbove : 0 });
    slot += line.gridLines;
  };
  const remaining = (): number => linesPerPage - slot;

  blocks.forEach((block, i) => {
    let space = slot === pageTop ? 0 : block.keeps.spaceBefore;
    // What must fit on this page for the block to start here.
    const head =
      !block.keeps.together && block.keeps.withNext === 0
        ? gridLinesOf(block.lines.slice(0, firstChunk(block, 1)))
        : gridLinesOf(block.lines) + keepNeed(blocks, i);
    if (slot !== pageTop && space + head > remaining()) {
      newPage();
      space = 0;
    }
    slot += space;
    spaceAbove = space;
    if (block.keeps.together) {
      block.lines.forEach((line, k) => put(i, k, line));
      return;
    }
    let idx = 0;
    const n = block.lines.length;
    while (idx < n) {
      const c = chunk(block, idx, remaining());
      if (c === 0) {
        if (slot === pageTop) {
          // Nothing valid fits even on an empty page: place what fits.
          put(i, idx, block.lines[idx]!);
          idx++;
        } else {
          newPage();
        }
        continue;
      }
      for (let k = 0; k < c; k++) put(i, idx + k, block.lines[idx + k]!);
      idx += c;
      if (idx < n) newPage();
    }
  });
  if (pages.length > 1 && pages.at(-1)!.length === 0) pages.pop();
  return pages;
}

function gridLinesOf(lines: readonly FlowLine[]): number {
  return lines.reduce((s, l) => s + l.gridLines, 0);
}

/** How many lines of `block` from `idx` to put in `room` grid lines. */
function chunk(block: FlowBlock, idx: number, room: number): number {
  const n = block.lines.length;
  let fit = 0;
  let used = 0;
  while (idx + fit < n && used + block.lines[idx + fit]!.gridLines <= room) {
    used += block.lines[idx + fit]!.gridLines;
    fit++;
  }
  const rest = n - idx;
  if (fit >= rest || !block.keeps.widowControl) return fit;
  // Leave at least two lines for the next page, and put at least two on this
  // one when the paragraph starts here.
  const c = Math.min(fit, rest - 2);
  return c < (idx === 0 ? 2 : 1) ? 0 : c;
}

/** The smallest valid first chunk of a block holding at least `want` lines. */
function firstChunk(block: FlowBlock, want: number): number {
  const n = block.lines.length;
  let c = Math.min(Math.max(want, 1), n);
  if (block.keeps.widowControl && c < n) {
    c = Math.max(c, 2);
    if (n - c < 2) c = n;
  }
  return c;
}

/**
 * Grid lines the blocks after `i` need on the same page to honour its keep:
 * `keeps.withNext` lines of what follows, taken from as many blocks as it
 * takes (a title before a one-line paragraph keeps the next block's first
 * line too).
 */
function keepNeed(blocks: readonly FlowBlock[], i: number): number {
  let want = blocks[i]!.keeps.withNext;
  let need = 0;
  for (let j = i + 1; want > 0 && j < blocks.length; j++) {
    const next = blocks[j]!;
    need += next.keeps.spaceBefore;
    if (next.keeps.together) {
      need += gridLinesOf(next.lines);
      want = Math.max(want - next.lines.length, next.keeps.withNext);
      continue;
    }
    const c = firstChunk(next, want);
    need += gridLinesOf(next.lines.slice(0, c));
    if (c < next.lines.length) break;
    want = Math.max(want - c, next.keeps.withNext);
  }
  return need;
}

/**
 * The keeps of every block as a word processor's paragraph properties
 * (Keeps.keepLinesTogether, keepWithNext, shortestPiece), from the chains
 * keepNeed follows: a block kept whole or held whole by the keep before it
 * keeps its lines together; a block with a keep of its own, or one the keep
 * before reaches past, keeps with the next. The DOCX writes these so that
 * Word breaks where this pagination does.
 */
export function resolveKeeps(blocks: readonly FlowBlock[]): void {
  for (const block of blocks) {
    const k = block.keeps;
    k.keepLinesTogether = k.together;
    k.keepWithNext = k.withNext > 0;
    k.shortestPiece = k.together ? block.lines.length : k.widowControl ? 2 : 1;
  }
  blocks.forEach((block, i) => {
    let want = block.keeps.withNext;
    for (let j = i + 1; want > 0 && j < blocks.length; j++) {
      const next = blocks[j]!;
      if (next.keeps.together) {
        want = Math.max(want - next.lines.length, next.keeps.withNext);
      } else {
        const c = firstChunk(next, want);
        if (c < next.lines.length) break;
        next.keeps.keepLinesTogether = true;
        want = Math.max(want - c, next.keeps.withNext);
      }
      if (want > 0 && j + 1 < blocks.length) next.keeps.keepWithNext = true;
    }
  });
  for (const block of blocks) if (block.node?.kind === 'figure') resolveCaptionKeeps(block.node);
}

/**
 * A figure's captions are set inside the figure's block, which is kept
 * whole: each keeps its lines together (its shortest piece is all of them)
 * and keeps with what follows when the figure does.
 */
function resolveCaptionKeeps(figure: SetFigure): void {
  for (const { caption } of figure.panels) {
    if (!caption) continue;
    caption.keeps.keepLinesTogether = true;
    caption.keeps.keepWithNext = figure.keeps.keepWithNext;
    caption.keeps.shortestPiece = caption.lines.length;
  }
}
