// The flow: articles set into lines that occupy whole grid lines, grouped in
// blocks that carry the rules pagination must keep.
import type { LayoutItem, LineRole } from './layout.js';

/** A line of the flow. Item coordinates are relative: x from the text block's left edge, y from the line's top. */
export interface FlowLine {
  role: LineRole;
  /** Grid lines it occupies. */
  slots: number;
  items: LayoutItem[];
  text: string;
  justified: boolean;
  /** A box drawn around consecutive lines with the same id on a page (编者按). */
  box?: { id: number; thickness: number; color: string };
  /** Bookmark title for an article title. */
  outline?: string;
}

export interface FlowBlock {
  lines: FlowLine[];
  /** May break between its lines. */
  splittable: boolean;
  /** Never leave a single line of it alone at a page's foot or head. */
  widowControl: boolean;
  /** Lines of the following block that must share this block's page. */
  keepWithNext: number;
  /** Empty grid lines above, dropped at the top of a page. */
  spaceBefore: number;
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
