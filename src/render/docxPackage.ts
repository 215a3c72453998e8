// Finishing the DOCX package the docx library wrote: reproducible bytes
// (fixed dates, sorted entries, fixed zip times), mirrored margins, a font
// table naming the bundled fonts as alternatives, no theme fonts.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { charPitch } from '../template/gridMetrics.js';
import type { Template } from '../template/loadTemplate.js';
import { addStyleParagraphProperties, orderProperties } from './ooxmlOrder.js';
import { namedFaces, type EmbeddedFont } from '../fonts/embeddedFonts.js';
import { embedFonts, type FontEmbed } from './docxFontEmbedding.js';

export interface PackageOptions {
  date: Date;
  /** Its page.twoSided gives mirrored margins and odd/even footers. */
  template: Template;
  language: string;
  /** Family names of the bundled fonts, by face: the font table names them as alternatives. */
  families: Record<string, string>;
  /** Fonts to carry in the package (--embed-fonts). */
  embedded?: EmbeddedFont[];
}

/** Zip entry times: 1980-01-01, the earliest a zip can hold. */
const ZIP_EPOCH = new Date(1980, 0, 1, 0, 0, 0);

export function finishDocxPackage(zip: Uint8Array, options: PackageOptions): Uint8Array {
  const files = unzipSync(zip);
  const edit = (name: string, f: (xml: string) => string): void => {
    const data = files[name];
    if (data) files[name] = strToU8(f(strFromU8(data)));
  };
  const iso = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  edit('docProps/core.xml', (xml) =>
    xml
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`),
  );
  edit('word/settings.xml', (xml) => settings(xml, options));
  edit('word/styles.xml', (xml) => addStyleParagraphProperties(setLanguage(xml, options.language), 'Normal', asianTypography(options.template)));
  let shapes = 0;
  for (const name of Object.keys(files).sort()) {
    // XML parts only: media are bytes, and a round trip through UTF-8 would damage them.
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    edit(name, (xml) => orderProperties(stripThemeFonts(xml)));
    // The docx library names watermark shapes with random ids: number them
    // instead. It centres them on the text block; the PDF centres 草稿 on the page.
    edit(name, (xml) =>
      xml
        .replace(/PowerPlusWaterMarkObject[^"]*/g, () => `PowerPlusWaterMarkObject${++shapes}`)
        .replace(/(<v:shape id="PowerPlusWaterMarkObject[^>]*style="[^"]*)/g, (style) => style.replace(/(mso-position-(?:horizontal|vertical)-relative:)margin/g, '$1page')),
    );
  }
  const embeds = embedFonts(files, options.embedded ?? []);
  files['word/fontTable.xml'] = strToU8(fontTable(options.template, options.families, embeds));
  return deterministicZip(files);
}

/**
 * Chinese line breaking in Word and WPS as in the PDF: kinsoku on (with the
 * template's lists, in settings.xml); space between Chinese and Latin or
 * digits only when the template has it. w:overflowPunct is left out: absent,
 * Word allows a closing mark to hang where the PDF squeezes it in (push-in),
 * and LibreOffice does too (its DOCX import reads the element inverted).
 */
function asianTypography(t: Template): string[] {
  const autoSpace = t.lineBreaking.latinSpace > 0 ? '1' : '0';
  return ['<w:kinsoku w:val="1"/>', '<w:wordWrap w:val="1"/>', '<w:topLinePunct w:val="0"/>', `<w:autoSpaceDE w:val="${autoSpace}"/>`, `<w:autoSpaceDN w:val="${autoSpace}"/>`];
}

/**
 * settings.xml, written whole: mirrored margins for two-sided printing, odd
 * and even footers, Word's punctuation compression when the template
 * compresses adjacent marks (Word then sets such pairs in 1.5 em, as the PDF
 * does), the template's kinsoku lists.
 */
function settings(original: string, options: PackageOptions): string {
  const open = /<w:settings[^>]*>/.exec(original)?.[0] ?? '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">';
  const t = options.template;
  const lb = t.lineBreaking;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    open +
    (options.embedded?.length ? '<w:embedTrueTypeFonts/><w:saveSubsetFonts/>' : '') +
    (t.page.twoSided ? '<w:mirrorMargins/>' : '') +
    `<w:defaultTabStop w:val="${Math.round(charPitch(t) * 2 * 20)}"/>` +
    (t.page.twoSided ? '<w:evenAndOddHeaders/>' : '') +
    `<w:characterSpacingControl w:val="${t.lineBreaking.compressMarkPairs ? 'compressPunctuation' : 'doNotCompress'}"/>` +
    `<w:noLineBreaksAfter w:lang="${options.language}" w:val="${escapeXml(lb.noEnd)}"/>` +
    `<w:noLineBreaksBefore w:lang="${options.language}" w:val="${escapeXml(lb.noStart)}"/>` +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    `<w:themeFontLang w:val="en-US" w:eastAsia="${options.language}"/>` +
    '</w:settings>'
  );
}

/** Remove every reference to theme fonts, so Word and WPS use the fonts named. */
function stripThemeFonts(xml: string): string {
  return xml.replace(/\s+w:(?:ascii|hAnsi|eastAsia|cs)Theme="[^"]*"/g, '');
}

/** Document defaults: the language of East Asian text, which selects the kinsoku lists and Chinese layout rules. */
function setLanguage(xml: string, language: string): string {
  const defaults = `<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US" w:eastAsia="${language}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>`;
  return xml.replace(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>|<w:docDefaults\/>/, defaults);
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Word names of the faces the document names (not the fallback faces), with
 * the bundled font as the alternative name, and embedded fonts.
 */
function fontTable(t: Template, families: Record<string, string>, embeds: Map<string, FontEmbed>): string {
  const entries = new Map<string, string>();
  const named = namedFaces(t);
  for (const [key, face] of Object.entries(t.faces)) {
    if (!named.has(key)) continue;
    const alt = families[key] ?? face.file.replace(/\.[ot]tf$/i, '');
    for (const name of [face.wordName, face.wordLatinName].filter((n): n is string => !!n)) if (!entries.has(name)) entries.set(name, alt);
  }
  const fonts = [...entries]
    .map(([name, alt]) => {
      const embed = embeds.get(name);
      // The bundled fonts are CFF (PostScript) OpenType: w:notTrueType says so.
      const embedded = embed ? `<w:notTrueType/><w:pitch w:val="variable"/><w:embedRegular r:id="${embed.id}" w:fontKey="${embed.key}"/>` : '<w:pitch w:val="variable"/>';
      return `<w:font w:name="${escapeXml(name)}"><w:altName w:val="${escapeXml(alt)}"/><w:charset w:val="86"/><w:family w:val="auto"/>${embedded}</w:font>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '</w:fonts>'
  );
}

/** [Content_Types].xml first, then the rest by name; fixed times and compression. */
function deterministicZip(files: Record<string, Uint8Array>): Uint8Array {
  const names = Object.keys(files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const zippable: Zippable = {};
  for (const name of names) zippable[name] = [files[name]!, { mtime: ZIP_EPOCH, level: 6 }];
  return zipSync(zippable);
}
