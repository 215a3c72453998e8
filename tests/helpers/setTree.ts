// Reading the typesetter's set tree in tests: every node in reading order,
// the node that set a model block, the articles.
import type { Block } from '../../src/model.js';
import { articlesOf } from '../../src/typeset/documentMetadata.js';
import type { Layout, SetArticle, SetBlock, SetFigure, SetList, SetTable, SetText, SetTitle } from '../../src/typeset/layout.js';

export type AnyNode = SetArticle | SetTitle | SetBlock | SetList['items'][number];

export const articles = (layout: Layout): SetArticle[] => articlesOf(layout.issue);

/** Every node of the body, in reading order: sections' headings, articles, titles, blocks and what they hold. */
export function allNodes(layout: Layout): AnyNode[] {
  const out: AnyNode[] = [];
  const block = (b: SetBlock): void => {
    out.push(b);
    if (b.kind === 'list') for (const item of b.items) (out.push(item), item.blocks.forEach(block));
    if (b.kind === 'quote') b.blocks.forEach(block);
    if (b.kind === 'figure') for (const p of b.panels) if (p.caption) out.push(p.caption);
  };
  for (const n of layout.issue.body) {
    if (n.kind === 'section') out.push(n.heading);
    for (const a of n.kind === 'section' ? n.articles : [n]) {
      out.push(a, a.title);
      a.blocks.forEach(block);
    }
  }
  return out;
}

/** The text node that set `model` (a paragraph or heading). */
export function textNodeOf(layout: Layout, model: Block): SetText {
  const node = allNodes(layout).find((n): n is SetText => n.kind === 'text' && n.model === model);
  if (!node) throw new Error(`no node sets the block at line ${model.pos.line}`);
  return node;
}

/** The list item whose first paragraph is `model`. */
export function listItemOf(layout: Layout, model: Block): SetList['items'][number] {
  const item = allNodes(layout).find((n): n is SetList['items'][number] => n.kind === 'listItem' && n.blocks[0]?.kind === 'text' && n.blocks[0].model === model);
  if (!item) throw new Error(`no list item starts with the block at line ${model.pos.line}`);
  return item;
}

export const tablesOf = (layout: Layout): SetTable[] => allNodes(layout).filter((n): n is SetTable => n.kind === 'table');
export const figuresOf = (layout: Layout): SetFigure[] => allNodes(layout).filter((n): n is SetFigure => n.kind === 'figure');
