// Reading PDFs in tests with poppler-utils: text, fonts, page info, glyph boxes.
import { execFileSync } from 'node:child_process';

export function pdfText(file: string, ...args: string[]): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** `pdfinfo [args] file` as key → value (throws when pdfinfo fails, e.g. on a damaged file). */
export function pdfInfo(file: string, ...args: string[]): Record<string, string> {
  const out = execFileSync('pdfinfo', [...args, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type... encoding emb sub uni objID gen
    const [emb, sub, uni] = cols.slice(-5, -2);
    return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
  });
}

/** Text with all white space removed. */
export function squeeze(s: string): string {
  return s.replace(/\s+/gu, '');
}
