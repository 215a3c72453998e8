// Model inlines → styled pieces of text, with bold and emphasis resolved to
// the template's styles.
import type { Inline } from '../model.js';
import type { TextStyle } from '../template/styles.js';
import type { TypesetContext } from './context.js';
import type { SetPiece } from './layout.js';

export function flattenInlines(inlines: readonly Inline[], base: TextStyle, ctx: TypesetContext): SetPiece[] {
  const out: SetPiece[] = [];
  const walk = (nodes: readonly Inline[], style: TextStyle): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          out.push({ text: node.value, style, pos: node.pos, charCols: true });
          break;
        case 'strong':
          walk(node.children, ctx.style('strong', style));
          break;
        case 'emphasis':
          walk(node.children, ctx.style('emphasis', style));
          break;
        case 'break':
          out.push({ lineBreak: true, style });
          break;
      }
    }
  };
  walk(inlines, base);
  return out;
}
