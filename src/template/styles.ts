// Text styles of a template, resolved: every style has a face, a size and a
// colour, inheriting what it leaves out from the style it is used inside.
import type { Template } from './loadTemplate.js';

export interface TextStyle {
  face: string;
  size: number;
  bold: boolean;
  /** A colour name of the template. */
  color: string;
}

/**
 * Resolve style `name`. Inline styles (strong, emphasis) inherit size and
 * colour from `base`, the style of the text they sit in; what neither says
 * comes from the body style (text with no colour anywhere is black).
 */
export function resolveStyle(t: Template, name: string, base?: TextStyle): TextStyle {
  const s = t.styles[name] ?? {};
  const body = t.styles.body ?? {};
  return {
    face: s.face ?? base?.face ?? body.face ?? Object.keys(t.faces)[0]!,
    size: s.size ?? base?.size ?? body.size ?? 12,
    bold: s.bold ?? base?.bold ?? false,
    color: s.color ?? base?.color ?? body.color ?? 'black',
  };
}
