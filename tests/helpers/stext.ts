// Glyph positions read back from a PDF with MuPDF (Debian mupdf-tools):
// every character with its origin, advance box, font and size (`mutool draw
// -F stext`), and every glyph drawn with its glyph id (`mutool trace`).
import { execFileSync } from 'node:child_process';
import { decode } from './xml.js';

export interface PdfChar {
  c: string;
  /** Origin (baseline) of the glyph. */
  x: number;
  y: number;
  /** Right edge of the glyph's advance box. */
  right: number;
  /** Top and bottom of that box (the font's ascender and descender; y grows downward). */
  top: number;
  bottom: number;
  font: string;
  size: number;
}

export interface PdfLine {
  y: number;
  chars: PdfChar[];
  text: string;
}

export interface PdfPage {
  number: number;
  width: number;
  chars: PdfChar[];
  lines: PdfLine[];
}

export function pdfPages(file: string): PdfPage[] {
  const xml = execFileSync('mutool', ['draw', '-F', 'stext', '-o', '-', file], { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  const pages: PdfPage[] = [];
  for (const pm of xml.matchAll(/<page id="page(\d+)" width="([\d.]+)"[^>]*>([\s\S]*?)<\/page>/g)) {
    const chars: PdfChar[] = [];
    for (const fm of pm[3]!.matchAll(/<font name="([^"]*)" size="([\d.]+)">([\s\S]*?)<\/font>/g)) {
      for (const cm of fm[3]!.matchAll(/<char quad="([^"]+)" x="([-\d.]+)" y="([-\d.]+)"[^>]*? c="([^"]*)"\/>/g)) {
        const quad = cm[1]!.split(' ').map(Number);
        // MuPDF adds a space where it sees a gap; bulletin's PDFs draw no spaces.
        if (cm[4] === ' ') continue;
        chars.push({ c: decode(cm[4]!), x: Number(cm[2]), y: Number(cm[3]), right: quad[2]!, top: quad[1]!, bottom: quad[5]!, font: fm[1]!.replace(/^[A-Z]{6}\+/, ''), size: Number(fm[2]) });
      }
    }
    pages.push({ number: Number(pm[1]), width: Number(pm[2]), chars, lines: groupLines(chars) });
  }
  return pages;
}

/** Characters on one baseline, left to right. */
function groupLines(chars: PdfChar[]): PdfLine[] {
  const byY = new Map<string, PdfChar[]>();
  for (const ch of chars) {
    const key = ch.y.toFixed(1);
    if (!byY.has(key)) byY.set(key, []);
    byY.get(key)!.push(ch);
  }
  return [...byY.values()]
    .map((cs) => cs.sort((a, b) => a.x - b.x))
    .sort((a, b) => a[0]!.y - b[0]!.y)
    .map((cs) => ({ y: cs[0]!.y, chars: cs, text: cs.map((c) => c.c).join('') }));
}

export interface TracedGlyph {
  /** PostScript name, without the subset prefix. */
  font: string;
  unicode: string;
  /** Glyph id; 0 is .notdef. */
  glyph: number;
  /** Baseline; y grows upward in mutool trace. */
  y: number;
  size: number;
}

/** Every glyph drawn, in content order, with its font and glyph id (`mutool trace`). */
export function tracedGlyphs(pdf: string): TracedGlyph[] {
  const xml = execFileSync('mutool', ['trace', pdf], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
  const out: TracedGlyph[] = [];
  for (const span of xml.matchAll(/<span font="([^"]+)"[^>]*trm="([\d.]+) [^"]*">([\s\S]*?)<\/span>/g)) {
    const font = span[1]!.replace(/^[A-Z]{6}\+/, '');
    for (const g of span[3]!.matchAll(/<g unicode="([^"]*)" glyph="([^"]+)" x="[-\d.]+" y="([-\d.]+)"/g)) {
      out.push({ font, unicode: decode(g[1]!), glyph: Number(g[2]), y: Number(g[3]), size: Number(span[2]) });
    }
  }
  return out;
}
