// The flow: articles set into lines that occupy whole grid lines, grouped in
// blocks that carry the rules pagination must keep (the keeps of the set-tree
// node each block sets).
import type { SourcePos } from '../model.js';
import type { Keeps, LayoutItem, SetBox, SetFigure, SetText, SetTable, SetTitle, SetTocEntry } from './layout.js';

/** What cannot break across pages, and where it is written: for the message when it is taller than a page. */
export interface Unbreakable {
  what: 'title' | 'row' | 'image' | 'section' | 'source' | 'signature' | 'toc';
  pos: SourcePos | undefined;
}

/** The set-tree nodes that pagination places: each flow block sets one. */
export type PlacedNode = SetText | SetTitle | SetFigure | SetTable | SetTocEntry;

/** A line of the flow. Item coordinates are relative: x from the text block's left edge, y from the line's top. */
export interface FlowLine {
  /** Grid lines it occupies. */
  gridLines: number;
  items: LayoutItem[];
  /** The line's text; none on a spacer (the space after a title), which puts no line in the Layout. */
  text?: string;
  /** The 编者按 box drawn around consecutive lines of the same box on a page. */
  box?: SetBox;
  /** A line of several grid lines that is itself one piece (a table row). */
  unit?: Unbreakable;
  /** The node the line belongs to when it is not its block's (a figure's caption). */
  node?: PlacedNode;
  /** The nodes it belongs to when it holds lines of several (the captions of images side by side). */
  nodes?: PlacedNode[];
}

export interface FlowBlock {
  lines: FlowLine[];
  keeps: Keeps;
  /** What it is, when its lines may not be split (keeps.together). */
  unit?: Unbreakable;
  /** The node whose placements pagination records. */
  node?: PlacedNode;
  /** Figures floated before it are placed before it (an article's title, its 落款 and 供稿 line). */
  fence?: boolean;
  /** A table's header rows: the first `headerLines` lines, printed again on every page it continues on when `repeatsHeader`. */
  headerLines?: number;
  repeatsHeader?: boolean;
}

/** Grid lines `lines` need on a page: trailing spacers need not fit. */
function neededGridLines(lines: readonly FlowLine[]): number {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.text === undefined) end--;
  return lines.slice(0, end).reduce((s, l) => s + l.gridLines, 0);
}

/** The pieces of `blocks` that cannot break across pages and need more than `linesPerPage` grid lines. */
export function tooTall(blocks: readonly FlowBlock[], linesPerPage: number): Array<{ unit: Unbreakable; lines: number }> {
  const out: Array<{ unit: Unbreakable; lines: number }> = [];
  for (const block of blocks) {
    if (block.keeps.together) {
      const lines = neededGridLines(block.lines);
      if (lines > linesPerPage) out.push({ unit: block.unit ?? { what: 'row', pos: undefined }, lines });
      continue;
    }
    for (const line of block.lines) if (line.gridLines > linesPerPage) out.push({ unit: line.unit ?? { what: 'row', pos: undefined }, lines: line.gridLines });
  }
  return out;
}

/** Shift relative items to a position on the page. */
export function translateItems(items: readonly LayoutItem[], dx: number, dy: number): LayoutItem[] {
  return items.map((it) => {
    switch (it.kind) {
      case 'text':
        return { ...it, x: it.x + dx, y: it.y + dy };
      case 'rule':
        return { ...it, x1: it.x1 + dx, x2: it.x2 + dx, y1: it.y1 + dy, y2: it.y2 + dy };
      case 'image':
        return { ...it, x: it.x + dx, y: it.y + dy };
    }
  });
}
