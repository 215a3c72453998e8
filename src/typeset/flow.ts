// The flow: articles set into lines that occupy whole grid lines, grouped in
// blocks that carry the rules pagination must keep.
import type { SourcePos } from '../model.js';
import type { LayoutItem } from './layout.js';

/** What cannot break across pages, and where it is written: for the message when it is taller than a page. */
export interface Unbreakable {
  what: 'title' | 'row' | 'image' | 'section' | 'source';
  pos: SourcePos | undefined;
}

/** A line of the flow. Item coordinates are relative: x from the text block's left edge, y from the line's top. */
export interface FlowLine {
  /** Grid lines it occupies. */
  slots: number;
  items: LayoutItem[];
  /** The line's text; none on a spacer (the space after a title), which puts no line in the Layout. */
  text?: string;
  /** A box drawn around consecutive lines with the same id on a page (编者按); x from the text block's left edge. */
  box?: { id: number; x: number; width: number; thickness: number; color: string };
  /** Bookmark title for an article title. */
  outline?: string;
  /** A line of several grid lines that is itself one piece (a table row). */
  unit?: Unbreakable;
}

interface FlowBlockBase {
  lines: FlowLine[];
  /** Never leave a single line of it alone at a page's foot or head. */
  widowControl: boolean;
  /** Lines of the following block that must share this block's page. */
  keepWithNext: number;
  /** Empty grid lines above, dropped at the top of a page. */
  spaceBefore: number;
}

/** A block of lines; one that may not break between its lines says what it is. */
export type FlowBlock = (FlowBlockBase & { splittable: true }) | (FlowBlockBase & { splittable: false; unit: Unbreakable });

/** Grid lines `lines` need on a page: trailing spacers need not fit. */
function neededSlots(lines: readonly FlowLine[]): number {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.text === undefined) end--;
  return lines.slice(0, end).reduce((s, l) => s + l.slots, 0);
}

/** The pieces of `blocks` that cannot break across pages and need more than `linesPerPage` grid lines. */
export function tooTall(blocks: readonly FlowBlock[], linesPerPage: number): Array<{ unit: Unbreakable; lines: number }> {
  const out: Array<{ unit: Unbreakable; lines: number }> = [];
  for (const block of blocks) {
    if (!block.splittable) {
      const lines = neededSlots(block.lines);
      if (lines > linesPerPage) out.push({ unit: block.unit, lines });
      continue;
    }
    for (const line of block.lines) if (line.slots > linesPerPage) out.push({ unit: line.unit ?? { what: 'row', pos: undefined }, lines: line.slots });
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
