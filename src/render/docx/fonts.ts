// Fonts in the DOCX: the Windows names a face goes by in runs and styles,
// the font table (those names, with the bundled font as the alternative an
// application without them may use), and the fonts carried inside the
// package with --embed-fonts.
import { createHash } from 'node:crypto';
import { namedFaces, type EmbeddedFont } from '../../fonts/embeddedFonts.js';
import type { Template } from '../../template/loadTemplate.js';
import type { RunFonts } from './properties.js';
import { element, xmlPart } from './xml.js';

export const FONT_TABLE_NAMESPACES = {
  'xmlns:w': 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'xmlns:r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};

/** The Word font names of a template face: East Asian, and Latin (the same unless the face names one). */
export function wordFonts(t: Template, face: string): RunFonts {
  const spec = t.faces[face]!;
  const latin = spec.wordLatinName ?? spec.wordName;
  return { eastAsia: spec.wordName, ascii: latin, hAnsi: latin, cs: latin };
}

/** A font stored in the package (ECMA-376 Part 1, §17.8.1): its part, the relationship to it, the key it is obfuscated with. */
export interface FontPart {
  name: string;
  part: string;
  id: string;
  key: string;
  data: Uint8Array;
}

/**
 * Each embedded font as word/fonts/fontN.odttf, its first 32 bytes XORed
 * with a key (a GUID the font table names). The key is derived from the
 * font's bytes, so the package stays reproducible.
 */
export function fontParts(fonts: readonly EmbeddedFont[]): FontPart[] {
  return fonts.map((font, i) => {
    const key = keyOf(font.data);
    return { name: font.name, part: `fonts/font${i + 1}.odttf`, id: `rIdFont${i + 1}`, key, data: obfuscate(font.data, key) };
  });
}

function keyOf(data: Uint8Array): string {
  const h = createHash('sha256').update(data).digest('hex').toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

/** XOR the first 32 bytes with the key's 16 bytes, taken from its last hex pair back (§17.8.1). */
function obfuscate(data: Uint8Array, key: string): Uint8Array {
  const hex = key.replace(/[{}-]/g, '');
  const bytes = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(30 - 2 * i, 32 - 2 * i), 16));
  const out = new Uint8Array(data);
  for (let i = 0; i < 32 && i < out.length; i++) out[i]! ^= bytes[i % 16]!;
  return out;
}

/**
 * word/fontTable.xml: the Word names of the faces the document names (the
 * fallback faces never are), each with the bundled font's family as its
 * alternative name, GB2312 as its character set, and its embedded copy.
 */
export function fontTableXml(t: Template, families: Readonly<Record<string, string>>, embedded: readonly FontPart[]): string {
  const alternatives = new Map<string, string>();
  const named = namedFaces(t);
  for (const [key, face] of Object.entries(t.faces)) {
    if (!named.has(key)) continue;
    const alt = families[key] ?? face.file.replace(/\.[ot]tf$/i, '');
    for (const name of [face.wordName, face.wordLatinName]) if (name && !alternatives.has(name)) alternatives.set(name, alt);
  }
  const fonts = [...alternatives].map(([name, alt]) => {
    const embed = embedded.find((f) => f.name === name);
    // §17.8.3: altName, charset, family, notTrueType, pitch, embedRegular. The bundled fonts are CFF (PostScript) OpenType.
    return element(
      'w:font',
      { 'w:name': name },
      element('w:altName', { 'w:val': alt }) +
        element('w:charset', { 'w:val': '86' }) +
        element('w:family', { 'w:val': 'auto' }) +
        (embed ? '<w:notTrueType/>' : '') +
        element('w:pitch', { 'w:val': 'variable' }) +
        (embed ? element('w:embedRegular', { 'r:id': embed.id, 'w:fontKey': embed.key }) : ''),
    );
  });
  return xmlPart(element('w:fonts', FONT_TABLE_NAMESPACES, fonts.join('')));
}
