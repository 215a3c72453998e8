// 编者按: a block quote whose first paragraph starts with the template's
// label has the label set apart (黑体) from the rest (楷体), in both outputs.
import type { Block, Inline } from '../model.js';

/** The inlines after the label, when `block` is a paragraph that starts with it. */
export function afterQuoteLabel(block: Block, label: string): Inline[] | undefined {
  if (!label || block.type !== 'paragraph') return undefined;
  const first = block.children[0];
  if (first?.type !== 'text' || !first.value.startsWith(label)) return undefined;
  const rest = first.value.slice(label.length);
  return [...(rest ? [{ ...first, value: rest }] : []), ...block.children.slice(1)];
}
