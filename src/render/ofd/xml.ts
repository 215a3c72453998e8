// Writing the XML of an OFD part: elements in the ofd: namespace, attributes
// in the order given, text and attribute values escaped. Nothing is
// indented: the bytes depend on the content only.

export const OFD_NAMESPACE = 'http://www.ofdspec.org/2016';

export type Attrs = Record<string, string | number | boolean | undefined>;

/** An element `ofd:name` with its attributes (undefined ones left out) and content (already XML). */
export function el(name: string, attrs: Attrs = {}, ...content: string[]): string {
  let open = `<ofd:${name}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    open += ` ${key}="${escapeAttr(String(value))}"`;
  }
  const body = content.join('');
  return body === '' ? `${open}/>` : `${open}>${body}</ofd:${name}>`;
}

/** An element holding text only. */
export function textEl(name: string, text: string, attrs: Attrs = {}): string {
  return el(name, attrs, escapeText(text));
}

/** A part: the XML declaration and the root element, which declares the namespace. */
export function part(root: string, attrs: Attrs, ...content: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${el(root, { 'xmlns:ofd': OFD_NAMESPACE, ...attrs }, ...content)}`;
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Attribute values: whitespace other than the space as character references, which a parser keeps. */
function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
