// Reading DOCX packages in tests: parts as text, paragraphs as plain text.
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
