// Pagination on the grid: every flow line takes whole grid lines. It reads
// the keeps of the set-tree node each block sets. Keeps a title with the
// first lines of its body, never leaves one line of a long paragraph alone
// at a page's foot or head, never leaves a 落款 alone at a page's head,
// repeats a table's header row on the pages it continues on, and keeps
// reading order — but for a figure that does not fit the rest of a page,
// which, when its keeps allow it, goes to the top of the next page while
// the text after it fills the gap (docs/format.md §4).
import type { FlowBlock, FlowLine } from './flow.js';
import type { SetFigure } from './layout.js';

export interface PagedLine {
  line: FlowLine;
  /** The grid line it starts on. */
  gridLine: number;
  /** Its block (an index into the blocks paginated) and its index among the block's lines. */
  block: number;
  index: number;
  /** Grid lines of space left above it: its block's spaceBefore on a block's first line, none at a page top. */
  space: number;
  /** A table's header row printed again at the top of a page the table continues on. */
  repeated?: boolean;
  /** On a floated figure's first line: the page (1-based) and grid line where the text reached it. */
  floatedFrom?: { page: number; gridLine: number };
}

/** Each page's lines; the first page's content starts at grid line `firstGridLine`. */
export function paginate(blocks: readonly FlowBlock[], linesPerPage: number, firstGridLine: number): PagedLine[][] {
  return new Paginator(blocks, linesPerPage, firstGridLine).run();
}

class Paginator {
  private readonly pages: PagedLine[][] = [[]];
  private gridLine: number;
  /** Where the page's content starts: its top, or under a repeated header. */
  private pageTop: number;
  private spaceAbove = 0;
  /** Figures waiting for the next page, with where the text reached each. */
  private pending: Array<{ block: number; from: { page: number; gridLine: number } }> = [];
  /** Grid lines of space the last block placed leaves to the next (a table's space after). */
  private carried = 0;

  constructor(
    private readonly blocks: readonly FlowBlock[],
    private readonly linesPerPage: number,
    firstGridLine: number,
  ) {
    this.gridLine = firstGridLine;
    this.pageTop = firstGridLine;
  }

  run(): PagedLine[][] {
    this.blocks.forEach((block, i) => {
      if (this.pending.length > 0 && (block.fence || block.keeps.float)) {
        // Figures keep their order among themselves, and never move past the end of their article.
        if (block.keeps.float) {
          this.pending.push({ block: i, from: this.here() });
          return;
        }
        this.newPage();
      }
      this.place(i);
    });
    while (this.pending.length > 0) this.newPage();
    if (this.pages.length > 1 && this.pages.at(-1)!.length === 0) this.pages.pop();
    return this.pages;
  }

  private here(): { page: number; gridLine: number } {
    return { page: this.pages.length, gridLine: this.gridLine };
  }

  private remaining(): number {
    return this.linesPerPage - this.gridLine;
  }

  private newPage(): void {
    this.pages.push([]);
    this.gridLine = 0;
    this.pageTop = 0;
    this.spaceAbove = 0;
    this.carried = 0;
    // Floated figures first, as many as fit; the others wait for the page after.
    const waiting = this.pending;
    this.pending = [];
    for (const f of waiting) {
      const block = this.blocks[f.block]!;
      if (this.pending.length > 0 || (this.gridLine > 0 && gridLinesOf(block.lines) > this.remaining())) {
        this.pending.push(f);
        continue;
      }
      block.lines.forEach((line, k) => this.put(f.block, k, line, k === 0 ? { floatedFrom: f.from } : {}));
      this.carried = carriedSpace(block);
    }
  }

  private put(block: number, index: number, line: FlowLine, extra: Partial<PagedLine> = {}): void {
    this.pages.at(-1)!.push({ line, gridLine: this.gridLine, block, index, space: index === 0 ? this.spaceAbove : 0, ...extra });
    this.gridLine += line.gridLines;
  }

  private place(i: number): void {
    const block = this.blocks[i]!;
    const k = block.keeps;
    let space = this.gridLine === this.pageTop ? 0 : Math.max(k.spaceBefore, this.carried);
    // What must fit on this page for the block to start here.
    const head = !k.together && k.withNext === 0 ? gridLinesOf(block.lines.slice(0, firstChunk(block, 1))) : gridLinesOf(block.lines) + keepNeed(this.blocks, i);
    if (this.gridLine !== this.pageTop && space + head > this.remaining()) {
      if (k.float && k.together && gridLinesOf(block.lines) <= this.linesPerPage) {
        // The text after it fills this page; it opens the next one.
        this.pending.push({ block: i, from: this.here() });
        return;
      }
      const moved = k.withPrevious > 0 ? this.takeBack(i, k.withPrevious, head) : [];
      this.newPage();
      for (const p of moved) this.put(p.block, p.index, p.line);
      space = this.gridLine === this.pageTop ? 0 : Math.max(k.spaceBefore, this.carried);
    }
    this.gridLine += space;
    this.spaceAbove = space;
    if (k.together) {
      block.lines.forEach((line, n) => this.put(i, n, line));
      this.carried = carriedSpace(block);
      return;
    }
    let idx = 0;
    const n = block.lines.length;
    while (idx < n) {
      const c = chunk(block, idx, this.remaining());
      if (c === 0) {
        if (this.gridLine === this.pageTop) {
          // Nothing valid fits even on an empty page: place what fits.
          this.put(i, idx, block.lines[idx]!);
          idx++;
        } else {
          this.continueOnNewPage(i);
        }
        continue;
      }
      for (let m = 0; m < c; m++) this.put(i, idx + m, block.lines[idx + m]!);
      idx += c;
      if (idx < n) this.continueOnNewPage(i);
    }
    this.carried = carriedSpace(block);
  }

  /** A new page for the rest of block `i`: a table's header rows first when it repeats them. */
  private continueOnNewPage(i: number): void {
    this.newPage();
    const block = this.blocks[i]!;
    if (!block.repeatsHeader) return;
    for (let h = 0; h < (block.headerLines ?? 0); h++) this.put(i, h, block.lines[h]!, { repeated: true });
    this.pageTop = this.gridLine;
  }

  /**
   * Lines of the block before `i` that go to the next page with it, so that
   * it does not stand alone at that page's head (a 落款 with the end of the
   * text it signs): at least `want`, as many more as the block's widow rule
   * needs, never all of it (what keeps with that block stays right). None
   * when that is not possible, or when they and block `i` would not fit a page.
   */
  private takeBack(i: number, want: number, head: number): PagedLine[] {
    const page = this.pages.at(-1)!;
    const prev = this.blocks[i - 1];
    if (!prev || prev.keeps.together) return [];
    let start = page.length;
    while (start > 0 && page[start - 1]!.block === i - 1 && !page[start - 1]!.repeated) start--;
    const onPage = page.length - start;
    const min = prev.keeps.widowControl ? 2 : 1;
    const take = Math.max(want, min);
    // The piece left behind: at least `min` lines, or the block's first piece of two with widow control.
    if (onPage - take < min) return [];
    const taken = page.slice(page.length - take);
    if (gridLinesOf(taken.map((p) => p.line)) + head > this.linesPerPage) return [];
    page.length -= take;
    return taken;
  }
}

function gridLinesOf(lines: readonly FlowLine[]): number {
  return lines.reduce((s, l) => s + l.gridLines, 0);
}

/** The space after a block that the next one gets (a table's); none when a spacer line of its own holds it (a title's). */
function carriedSpace(block: FlowBlock): number {
  return block.lines.at(-1)?.text === undefined ? 0 : block.keeps.spaceAfter;
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
  // A table's header rows never stand without a row under them.
  if (idx === 0 && (block.headerLines ?? 0) > 0 && fit < Math.min(n, block.headerLines! + 1)) return 0;
  const rest = n - idx;
  if (fit >= rest || !block.keeps.widowControl) return fit;
  // Leave at least two lines for the next page, and put at least two on this
  // one when the paragraph (a table: its header and two rows) starts here.
  const c = Math.min(fit, rest - 2);
  return c < (idx === 0 ? 2 + (block.headerLines ?? 0) : 1) ? 0 : c;
}

/** The smallest valid first chunk of a block holding at least `want` lines. */
function firstChunk(block: FlowBlock, want: number): number {
  const n = block.lines.length;
  let c = Math.min(Math.max(want, 1, (block.headerLines ?? 0) + 1), n);
  if (block.keeps.widowControl && c < n) {
    c = Math.max(c, 2 + (block.headerLines ?? 0));
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
    need += Math.max(next.keeps.spaceBefore, carriedSpace(blocks[j - 1]!));
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
 * before reaches past, keeps with the next; the block before one that keeps
 * with its predecessor (a 落款) keeps with it. Nodes that share a block
 * kept whole (a 落款 and its 供稿 line) keep with each other. The DOCX
 * writes these so that Word breaks where this pagination does.
 */
export function resolveKeeps(blocks: readonly FlowBlock[]): void {
  for (const block of blocks) {
    const k = block.keeps;
    k.keepLinesTogether = k.together;
    k.keepWithNext = k.withNext > 0;
    k.shortestPiece = k.together ? block.lines.length : k.widowControl ? 2 : 1;
  }
  blocks.forEach((block, i) => {
    if (block.keeps.withPrevious > 0 && i > 0) blocks[i - 1]!.keeps.keepWithNext = true;
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
  for (const block of blocks) {
    if (!block.keeps.together || block.node?.kind !== 'text') continue;
    const nodes = [...new Set(block.lines.map((l) => l.node ?? block.node).filter((n) => n !== undefined))];
    nodes.forEach((node, k) => {
      if (node.keeps === block.keeps) return;
      node.keeps.keepLinesTogether = true;
      node.keeps.shortestPiece = block.lines.filter((l) => (l.node ?? block.node) === node).length;
      if (k + 1 < nodes.length) node.keeps.keepWithNext = true;
    });
    if (nodes.length > 1 && block.node && nodes.indexOf(block.node) < nodes.length - 1) block.keeps.keepWithNext = true;
  }
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
