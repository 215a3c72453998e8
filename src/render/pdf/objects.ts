// PDF objects and their serialisation (ISO 32000-1 §7.3): numbers, names,
// strings, arrays, dictionaries and references, written the same way every
// time so that equal inputs give equal bytes.

/** A name object: /Type. */
export class PdfName {
  constructor(readonly name: string) {}
}

/** An indirect reference: 12 0 R. */
export class PdfRef {
  constructor(readonly id: number) {}
}

/** A string object, from its bytes. */
export class PdfString {
  constructor(readonly bytes: Uint8Array) {}
}

/** Serialised PDF syntax that is written as it is (an operand list already formatted). */
export class PdfRaw {
  constructor(readonly text: string) {}
}

export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfRaw | PdfValue[] | PdfDict;
export interface PdfDict {
  [key: string]: PdfValue | undefined;
}

export const name = (n: string): PdfName => new PdfName(n);

/** A text string (§7.9.2.2): PDFDocEncoding's ASCII part as it is, anything else UTF-16BE with a byte order mark. */
export function textString(s: string): PdfString {
  if (/^[\x20-\x7e]*$/.test(s)) return new PdfString(Buffer.from(s, 'latin1'));
  const units = Buffer.alloc(2 + s.length * 2);
  units[0] = 0xfe;
  units[1] = 0xff;
  for (let i = 0; i < s.length; i++) units.writeUInt16BE(s.charCodeAt(i), 2 + i * 2);
  return new PdfString(units);
}

/** A string of ASCII bytes (a date, an identifier). */
export const asciiString = (s: string): PdfString => new PdfString(Buffer.from(s, 'latin1'));

/**
 * A number with at most six decimals, no exponent and no negative zero (the
 * precision the earlier writer used: text extraction compares glyph boxes
 * exactly, so positions keep the same digits).
 */
export function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a PDF number: ${n}`);
  const r = Math.round(n * 1e6) / 1e6;
  if (r === 0) return '0';
  if (Number.isInteger(r)) return String(r);
  return r.toFixed(6).replace(/0+$/, '');
}

const NAME_REGULAR = /^[!-~]$/;
const NAME_DELIMITERS = new Set([...'()<>[]{}/%#']);

function serialiseName(n: string): string {
  let out = '/';
  for (const byte of Buffer.from(n, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += NAME_REGULAR.test(ch) && !NAME_DELIMITERS.has(ch) ? ch : `#${byte.toString(16).padStart(2, '0').toUpperCase()}`;
  }
  return out;
}

function serialiseString(bytes: Uint8Array): string {
  // Printable ASCII as a literal string, anything else in hex.
  let literal = true;
  for (const b of bytes) if (b < 0x20 || b > 0x7e) literal = false;
  if (!literal) return `<${Buffer.from(bytes).toString('hex').toUpperCase()}>`;
  return `(${Buffer.from(bytes).toString('latin1').replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

export function serialise(v: PdfValue): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return num(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof PdfName) return serialiseName(v.name);
  if (v instanceof PdfRef) return `${v.id} 0 R`;
  if (v instanceof PdfString) return serialiseString(v.bytes);
  if (v instanceof PdfRaw) return v.text;
  if (Array.isArray(v)) return `[${v.map(serialise).join(' ')}]`;
  let out = '<<';
  for (const [k, val] of Object.entries(v)) {
    if (val === undefined) continue;
    out += `${serialiseName(k)} ${serialise(val)}`;
  }
  return `${out}>>`;
}
