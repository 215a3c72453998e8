// Reading a text file the way every input is read: UTF-8 only (a BOM is
// accepted and removed), CRLF and CR line ends turned into LF.
import { readFileSync } from 'node:fs';
import type { Diagnostics } from '../diagnostics.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The file's text, or undefined after reporting why it cannot be read. */
export function readSourceFile(file: string, diags: Diagnostics): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    diags.error('file.unreadable', { file }, { detail: (err as NodeJS.ErrnoException).code ?? String(err) });
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
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n');
}

/** Line and column of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Buffer): { line: number; col: number } {
  let line = 1;
  let col = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return { line, col };
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { line, col };
    }
    if (b === 0x0a) {
      line++;
      col = 1;
    } else {
      col++;
    }
    i += len;
  }
  return { line, col };
}

/** How a source file was written: kept when a fix writes it back. */
export interface SourceFormat {
  bom: boolean;
  crlf: boolean;
}

export function sourceFormat(file: string): SourceFormat {
  const head = readFileSync(file);
  const text = head.toString('latin1');
  return { bom: head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf, crlf: /\r\n/.test(text) };
}

/** Text as read (LF, no BOM) back into the file's own format. */
export function inSourceFormat(text: string, format: SourceFormat): Buffer {
  const body = format.crlf ? text.replace(/\n/g, '\r\n') : text;
  return Buffer.from(format.bom ? `\uFEFF${body}` : body, 'utf8');
}
