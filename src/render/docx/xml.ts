// Writing XML as strings: escaping character data and attribute values, and
// elements. Every part of the DOCX is written through these, so that any
// text an author can type gives well-formed XML.

/**
 * Characters XML 1.0 cannot hold at all, not even as a character reference:
 * C0 controls other than tab, line feed and carriage return, U+FFFE and
 * U+FFFF, and halves of surrogate pairs standing alone. They are written as
 * U+FFFD, the replacement character, so a reader sees that something was
 * there.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
// In an attribute a parser turns tab, line feed and carriage return into
// spaces unless they are written as references.
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };

/** Character data: `&`, `<`, `>` as entities, a carriage return as a reference (a parser would make it a line feed). */
export function escapeText(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);
}

/** An attribute value in double quotes: `"` too, and tab, line feed and carriage return as references. */
export function escapeAttribute(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

/** Attribute values by name, written in the order given; undefined ones are left out. */
export type Attributes = Readonly<Record<string, string | number | undefined>>;

/**
 * An element with its attributes and its content (XML already written);
 * without content it closes itself.
 */
export function element(name: string, attributes: Attributes = {}, content = ''): string {
  let open = `<${name}`;
  for (const key in attributes) {
    const value = attributes[key];
    if (value !== undefined) open += ` ${key}="${typeof value === 'number' ? value : escapeAttribute(value)}"`;
  }
  return content === '' ? `${open}/>` : `${open}>${content}</${name}>`;
}

/** An element holding `children` (skipping the empty ones), or nothing at all when none is left. */
export function container(name: string, children: ReadonlyArray<string | false | undefined>, attributes: Attributes = {}): string {
  const content = children.filter((c): c is string => !!c).join('');
  return content === '' ? '' : element(name, attributes, content);
}

/** An XML part: the declaration, then the root element. */
export function xmlPart(root: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${root}`;
}
