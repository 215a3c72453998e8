// Reading a text file the way every input is read: UTF-8 only (a BOM is
// accepted and removed), CRLF and CR line ends turned into LF.
import { readFileSync } from 'node:fs';
import type { Diagnostics } from '../diagnostics.js';
import { positionsOf, reportUnsafeChars, type ControlPolicy } from './unsafeText.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A source file as read: its text with LF line ends, and how it was written. */
export interface SourceText {
  text: string;
  format: SourceFormat;
}

/** How a source file was written: kept when a fix writes it back. */
export interface SourceFormat {
  bom: boolean;
  /** The end of each line as written ('\r\n', '\r', '\n', or '' for the last). */
  ends: string[];
}

/** The file's text, or undefined after reporting why it cannot be read. */
export function readSourceFile(file: string, diags: Diagnostics, controls: ControlPolicy = 'remove'): string | undefined {
  return readSource(file, diags, controls)?.text;
}

/**
 * The file's text and format, read once; undefined after reporting why it
 * cannot be read. Characters no output can carry are reported at their
 * place (src/read/unsafeText.ts); the text is returned as written.
 */
export function readSource(file: string, diags: Diagnostics, controls: ControlPolicy = 'remove'): SourceText | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    diags.error('file.unreadable', { file }, { detail: (err as NodeJS.ErrnoException).code ?? String(err) });
    return undefined;
  }
  if (looksUtf16(bytes)) {
    diags.error('file.utf16', { file, line: 1, col: 1 });
    return undefined;
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const { line, col } = firstInvalidUtf8(bytes);
    diags.error('file.notUtf8', { file, line, col });
    return undefined;
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  const ends = [...text.matchAll(/\r\n|\r|\n/g)].map((m) => m[0]);
  ends.push('');
  const lf = text.replace(/\r\n?/g, '\n');
  reportUnsafeChars(lf, positionsOf(lf, file), controls, diags);
  return { text: lf, format: { bom, ends } };
}

/**
 * UTF-16 (what Notepad calls "Unicode"): a UTF-16 byte order mark, or the
 * zero bytes every ASCII character has in UTF-16 (in UTF-8 text NUL is
 * rare; it would be reported as a control otherwise).
 */
function looksUtf16(bytes: Buffer): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  return Math.max(even, odd) >= n / 8 && Math.min(even, odd) === 0;
}

/**
 * Line and column (in UTF-16 units, like every position) of the first byte
 * that is not valid UTF-8: a bad lead byte, a missing continuation byte, an
 * overlong form (E0 80…, F0 80…), an encoded surrogate (ED A0…) or a code
 * point past U+10FFFF (F4 90…).
 */
function firstInvalidUtf8(bytes: Buffer): { line: number; col: number } {
  let line = 1;
  let col = 1;
  // Counted like positionsOf on the text as read: the BOM removed, and a
  // line ending at LF, CRLF or a lone CR.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return { line, col };
    // The second byte's range, narrower after E0, ED, F0 and F4 (RFC 3629).
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return { line, col };
    }
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      col = 1;
    } else {
      col += len === 4 ? 2 : 1;
    }
    i += len;
  }
  return { line, col };
}

/**
 * Text as read (LF, no BOM) back into the file's own format: each line keeps
 * the end it was written with (a file may mix them); lines a fix added take
 * the most common one.
 */
export function inSourceFormat(text: string, format: SourceFormat): Buffer {
  const counts = new Map<string, number>();
  for (const e of format.ends) if (e) counts.set(e, (counts.get(e) ?? 0) + 1);
  const usual = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '\n';
  const lines = text.split('\n');
  const body = lines.map((line, i) => (i === lines.length - 1 ? line : line + (format.ends[i] || usual))).join('');
  return Buffer.from(format.bom ? `\uFEFF${body}` : body, 'utf8');
}
