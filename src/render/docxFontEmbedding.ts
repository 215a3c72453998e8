// Fonts inside a DOCX (ECMA-376 Part 1, §17.8.1): each font is stored as
// word/fonts/fontN.odttf with its first 32 bytes XORed with a key, a GUID
// the font table names. The key is derived from the font's bytes, so the
// package stays reproducible.
import { createHash } from 'node:crypto';
import { strFromU8, strToU8 } from 'fflate';
import type { EmbeddedFont } from '../fonts/embeddedFonts.js';

export interface FontEmbed {
  /** Relationship id in word/_rels/fontTable.xml.rels. */
  id: string;
  /** The obfuscation key, as {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}. */
  key: string;
}

const FONT_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/font';
const ODTTF = 'application/vnd.openxmlformats-officedocument.obfuscatedFont';

function keyOf(data: Uint8Array): string {
  const h = createHash('sha256').update(data).digest('hex').toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

/** XOR the first 32 bytes with the key's 16 bytes, taken from its last hex pair back. */
function obfuscate(data: Uint8Array, key: string): Uint8Array {
  const hex = key.replace(/[{}-]/g, '');
  const bytes = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(30 - 2 * i, 32 - 2 * i), 16));
  const out = new Uint8Array(data);
  for (let i = 0; i < 32 && i < out.length; i++) out[i]! ^= bytes[i % 16]!;
  return out;
}

/** Add the fonts to the package's files; returns what the font table must name, by font name. */
export function embedFonts(files: Record<string, Uint8Array>, fonts: EmbeddedFont[]): Map<string, FontEmbed> {
  const embeds = new Map<string, FontEmbed>();
  if (fonts.length === 0) return embeds;
  const rels: string[] = [];
  fonts.forEach((font, i) => {
    const key = keyOf(font.data);
    const id = `rIdFont${i + 1}`;
    files[`word/fonts/font${i + 1}.odttf`] = obfuscate(font.data, key);
    rels.push(`<Relationship Id="${id}" Type="${FONT_REL}" Target="fonts/font${i + 1}.odttf"/>`);
    embeds.set(font.name, { id, key });
  });
  files['word/_rels/fontTable.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  const types = files['[Content_Types].xml'];
  if (types) {
    const xml = strFromU8(types);
    if (!xml.includes('Extension="odttf"')) {
      files['[Content_Types].xml'] = strToU8(xml.replace(/(<Types[^>]*>)/, `$1<Default Extension="odttf" ContentType="${ODTTF}"/>`));
    }
  }
  return embeds;
}
