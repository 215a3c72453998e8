// Composing the pages: each page's items from the lines pagination placed,
// the masthead on the first, the 编者按 boxes, the 报尾 on its page, page
// numbers, the watermark under everything; and where each set-tree node's
// lines went (its placements).
import type { TypesetContext } from './context.js';
import type { DistributionBlock } from './distribution.js';
import { translateItems, type FlowBlock, type FlowLine, type PlacedNode } from './flow.js';
import type { LayoutItem, LayoutPage, SetDistribution } from './layout.js';
import type { Masthead } from './masthead.js';
import { typesetPageNumber } from './pageNumber.js';
import type { PagedLine } from './paginate.js';
import type { Watermark } from './watermark.js';

export interface PageParts {
  masthead: Masthead;
  paged: PagedLine[][];
  blocks: readonly FlowBlock[];
  distribution?: { block: DistributionBlock; place: SetDistribution };
  watermark?: Watermark;
}

export function composePages(parts: PageParts, ctx: TypesetContext): LayoutPage[] {
  const geometry = ctx.geometry;
  recordPlacements(parts.paged, parts.blocks);
  return parts.paged.map((lines, i) => {
    const number = i + 1;
    const x0 = ctx.textBlockX(number);
    const page: LayoutPage = { number, textBlock: { x: x0, y: geometry.top, width: geometry.width, height: geometry.height }, items: [], lines: [] };
    // Under the text, so it never hides a character.
    if (parts.watermark) page.items.push(...parts.watermark.items);
    if (i === 0) {
      page.items.push(...translateItems(parts.masthead.items, x0, geometry.top));
      page.lines.push(...parts.masthead.lines);
    }
    for (const { line, gridLine, repeated } of lines) {
      // A header row printed again belongs to no node: its text is the header's, once.
      const items = repeated ? line.items.map((it) => ({ ...it, owner: { artifact: 'pagination' as const } })) : line.items;
      page.items.push(...translateItems(items, x0, ctx.gridLineTop(gridLine)));
      if (line.text !== undefined) page.lines.push({ text: line.text });
    }
    page.items.push(...boxes(lines, x0, ctx));
    const dist = parts.distribution;
    if (dist && number === dist.place.page) {
      page.items.push(...translateItems(dist.block.items, x0, geometry.top + dist.place.top));
      page.lines.push(...dist.block.lines);
    }
    const pn = typesetPageNumber(number, ctx);
    page.items.push(...pn.runs);
    page.lines.push({ text: pn.text });
    return page;
  });
}

/**
 * Each node's placements: one piece a page, in the order its lines went
 * (a table's header rows printed again counted apart); and for a floated
 * figure, where it was written and what comes before it in page order.
 */
function recordPlacements(paged: readonly PagedLine[][], blocks: readonly FlowBlock[]): void {
  const placed = new Map<PlacedNode, number>();
  for (const block of blocks) {
    if (block.node) block.node.placements = [];
    // Whether a figure floats is decided again on every build (a reused flow may carry an earlier one).
    if (block.node?.kind === 'figure') delete block.node.float;
    // A figure's caption lines, and images side by side, name their own nodes.
    for (const line of block.lines) for (const node of nodesOf(line, block)) node.placements = [];
  }
  let previous: { node: PlacedNode; lines: number } | undefined;
  paged.forEach((lines, p) => {
    let repeated = 0;
    for (const { line, gridLine, block, space, repeated: again, floatedFrom } of lines) {
      const owner = blocks[block]!.node;
      if (floatedFrom && owner?.kind === 'figure') {
        owner.float = { from: floatedFrom, ...(previous ? { after: { node: previous.node.id, lines: previous.lines } } : {}) };
      }
      if (again) {
        repeated++;
        continue;
      }
      if (line.text === undefined) continue;
      for (const node of nodesOf(line, blocks[block]!)) {
        const first = placed.get(node) ?? 0;
        placed.set(node, first + 1);
        const last = node.placements.at(-1);
        if (last && last.page === p + 1) last.lines++;
        else node.placements.push({ page: p + 1, gridLine: gridLine - (repeated > 0 ? repeatedGridLines(lines) : 0), spaceBefore: first === 0 ? space : 0, first, lines: 1, ...(repeated > 0 ? { repeated } : {}) });
        if (node.kind === 'text' || node.kind === 'tocEntry') previous = { node, lines: first + 1 };
      }
      repeated = 0;
    }
  });
}

/** Grid lines the header rows printed again take at the top of a page. */
function repeatedGridLines(lines: readonly PagedLine[]): number {
  return lines.filter((l) => l.repeated).reduce((s, l) => s + l.line.gridLines, 0);
}

/** The nodes a flow line holds lines of. */
function nodesOf(line: FlowLine, block: FlowBlock): PlacedNode[] {
  if (line.nodes) return line.nodes;
  const node = line.node ?? block.node;
  return node ? [node] : [];
}

/** Rules around consecutive lines of one 编者按 box on a page. */
function boxes(lines: readonly PagedLine[], x0: number, ctx: TypesetContext): LayoutItem[] {
  const items: LayoutItem[] = [];
  let i = 0;
  while (i < lines.length) {
    const box = lines[i]!.line.box;
    if (!box) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && lines[j + 1]!.line.box?.id === box.id) j++;
    const top = ctx.gridLineTop(lines[i]!.gridLine);
    const bottom = ctx.gridLineTop(lines[j]!.gridLine + lines[j]!.line.gridLines);
    const [l, r] = [x0 + box.measure.x, x0 + box.measure.x + box.measure.width];
    for (const [x1, y1, x2, y2] of [
      [l, top, r, top],
      [l, bottom, r, bottom],
      [l, top, l, bottom],
      [r, top, r, bottom],
    ] as const) {
      items.push({ kind: 'rule', x1, y1, x2, y2, thickness: box.thickness, color: box.color, owner: { artifact: 'layout' } });
    }
    i = j + 1;
  }
  return items;
}
