// Pagination on the grid: every flow line takes whole grid lines. Keeps a
// title with the first lines of its body, never leaves one line of a long
// paragraph alone at a page's foot or head, and keeps reading order.
import type { FlowBlock, FlowLine } from './flow.js';

export interface PagedLine {
  line: FlowLine;
  /** The grid line it starts on. */
  slot: number;
}

/** Each page's lines; the first page's content starts at grid line `firstSlot`. */
export function paginate(blocks: readonly FlowBlock[], linesPerPage: number, firstSlot: number): PagedLine[][] {
  const pages: PagedLine[][] = [[]];
  let slot = firstSlot;
  let pageTop = firstSlot;
  const newPage = (): void => {
    pages.push([]);
    slot = 0;
    pageTop = 0;
  };
  const put = (line: FlowLine): void => {
    pages.at(-1)!.push({ line, slot });
    slot += line.slots;
  };
  const remaining = (): number => linesPerPage - slot;

  blocks.forEach((block, i) => {
    let space = slot === pageTop ? 0 : block.spaceBefore;
    // What must fit on this page for the block to start here.
    const head =
      block.splittable && block.keepWithNext === 0
        ? slotsOf(block.lines.slice(0, firstChunk(block, 1)))
        : slotsOf(block.lines) + keepNeed(blocks, i);
    if (slot !== pageTop && space + head > remaining()) {
      newPage();
      space = 0;
    }
    slot += space;
    if (!block.splittable) {
      block.lines.forEach(put);
      return;
    }
    let idx = 0;
    const n = block.lines.length;
    while (idx < n) {
      const c = chunk(block, idx, remaining());
      if (c === 0) {
        if (slot === pageTop) {
          // Nothing valid fits even on an empty page: place what fits.
          put(block.lines[idx]!);
          idx++;
        } else {
          newPage();
        }
        continue;
      }
      for (let k = 0; k < c; k++) put(block.lines[idx + k]!);
      idx += c;
      if (idx < n) newPage();
    }
  });
  if (pages.length > 1 && pages.at(-1)!.length === 0) pages.pop();
  return pages;
}

function slotsOf(lines: readonly FlowLine[]): number {
  return lines.reduce((s, l) => s + l.slots, 0);
}

/** How many lines of `block` from `idx` to put in `room` grid lines. */
function chunk(block: FlowBlock, idx: number, room: number): number {
  const n = block.lines.length;
  let fit = 0;
  let used = 0;
  while (idx + fit < n && used + block.lines[idx + fit]!.slots <= room) {
    used += block.lines[idx + fit]!.slots;
    fit++;
  }
  const rest = n - idx;
  if (fit >= rest || !block.widowControl) return fit;
  // Leave at least two lines for the next page, and put at least two on this
  // one when the paragraph starts here.
  const c = Math.min(fit, rest - 2);
  return c < (idx === 0 ? 2 : 1) ? 0 : c;
}

/** The smallest valid first chunk of a block holding at least `want` lines. */
function firstChunk(block: FlowBlock, want: number): number {
  const n = block.lines.length;
  let c = Math.min(Math.max(want, 1), n);
  if (block.widowControl && c < n) {
    c = Math.max(c, 2);
    if (n - c < 2) c = n;
  }
  return c;
}

/**
 * Grid lines the blocks after `i` need on the same page to honour its keep:
 * `keepWithNext` lines of what follows, taken from as many blocks as it
 * takes (a title before a one-line paragraph keeps the next block's first
 * line too).
 */
function keepNeed(blocks: readonly FlowBlock[], i: number): number {
  let want = blocks[i]!.keepWithNext;
  let need = 0;
  for (let j = i + 1; want > 0 && j < blocks.length; j++) {
    const next = blocks[j]!;
    need += next.spaceBefore;
    if (!next.splittable) {
      need += slotsOf(next.lines);
      want = Math.max(want - next.lines.length, next.keepWithNext);
      continue;
    }
    const c = firstChunk(next, want);
    need += slotsOf(next.lines.slice(0, c));
    if (c < next.lines.length) break;
    want = Math.max(want - c, next.keepWithNext);
  }
  return need;
}
