// Reading DOCX packages in tests: parts as text, paragraphs as plain text,
// paragraphs with their page-breaking properties.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

export function docxParts(file: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Plain text of each <w:p> in order (tabs as \t, breaks as \n). */
export function paragraphTexts(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    let text = '';
    for (const t of m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
      text += t[1] !== undefined ? decode(t[1]) : t[0] === '<w:tab/>' ? '\t' : '\n';
    }
    out.push(text);
  }
  return out;
}

/** A paragraph of document.xml: its properties, its text, and the row properties of the table row it is in. */
export interface DocxParagraph {
  pPr: string;
  text: string;
  /** The w:trPr of its table row (empty when the row has none); undefined outside tables. */
  trPr?: string;
}

/** Every w:p of document.xml in order, tables' cells included. */
export function documentParagraphs(xml: string): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  let trPr: string | undefined;
  for (const m of xml.matchAll(/<w:tr>(<w:trPr>[\s\S]*?<\/w:trPr>)?|<\/w:tr>|<w:p>[\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const s = m[0];
    if (s.startsWith('<w:tr>')) trPr = m[1] ?? '';
    else if (s === '</w:tr>') trPr = undefined;
    else out.push({ pPr: /^<w:p><w:pPr>[\s\S]*?<\/w:pPr>/.exec(s)?.[0] ?? '', text: paragraphTexts(s)[0] ?? '', ...(trPr !== undefined ? { trPr } : {}) });
  }
  return out;
}

/** A paragraph's page-breaking properties, as Word reads them (widow control undefined when not stated). */
export function breakProperties(pPr: string): { keepNext: boolean; keepLines: boolean; pageBreakBefore: boolean; widowControl: boolean | undefined; before: number } {
  const widow = /<w:widowControl( w:val="([^"]*)")?\/>/.exec(pPr);
  return {
    keepNext: pPr.includes('<w:keepNext/>'),
    keepLines: pPr.includes('<w:keepLines/>'),
    pageBreakBefore: pPr.includes('<w:pageBreakBefore/>'),
    widowControl: widow ? !['0', 'false', 'off'].includes(widow[2] ?? '1') : undefined,
    before: Number(/<w:spacing [^>]*w:before="(\d+)"/.exec(pPr)?.[1] ?? 0),
  };
}
