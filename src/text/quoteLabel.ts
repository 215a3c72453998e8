// 编者按: a block quote whose first paragraph starts with the template's
// label has the label set apart (黑体) from the rest (楷体), in both outputs.
// A label written with a half-width colon (编者按:, spaces after it) is the
// label too: it prints as the template writes it, and `check --fix` puts
// the full-width colon in the source (punct.halfWidth).
import type { Block, Inline } from '../model.js';

/** The inlines after the label, when `block` is a paragraph that starts with it. */
export function afterQuoteLabel(block: Block, label: string): Inline[] | undefined {
  if (!label || block.type !== 'paragraph') return undefined;
  const first = block.children[0];
  if (first?.type !== 'text') return undefined;
  const written = labelAt(first.value, label);
  if (written === undefined) return undefined;
  const rest = first.value.slice(written);
  return [...(rest ? [{ ...first, value: rest }] : []), ...block.children.slice(1)];
}

/** The length of the label at the start of `text`: as the template writes it, or with ':' for a closing '：' and the spaces after. */
function labelAt(text: string, label: string): number | undefined {
  if (text.startsWith(label)) return label.length;
  if (!label.endsWith('：')) return undefined;
  const m = new RegExp(`^${escapeRegExp(label.slice(0, -1))}:[ \\t]*`).exec(text);
  return m ? m[0].length : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
