// Runs: text in one style, as w:r elements. A run carries only what its
// style differs in from the style of its paragraph, so that restyling a
// paragraph style in Word restyles its text.
import { trackingEm } from '../../template/gridMetrics.js';
import type { Template } from '../../template/loadTemplate.js';
import type { TextStyle } from '../../template/styles.js';
import type { Color, SetPiece } from '../../typeset/layout.js';
import { wordFonts } from './fonts.js';
import { characterSpacing, halfPoints } from './geometry.js';
import { runProperties, type RunProperties } from './properties.js';
import { escapeText } from './xml.js';

/** A colour as Word writes it: hex digits, upper case, no '#'. */
export const hexColor = (color: Color): string => color.rgb.slice(1).toUpperCase();

/** A colour of the template, by name, as Word writes it. */
export const wordColor = (t: Template, name: string): string => hexColor(t.colors[name]!);

/**
 * The run properties of text in `style`: all of them, or with `base` only
 * those it differs in. A size comes with the character spacing that tracks
 * it as the typesetter does (every style by the same fraction of its size).
 */
export function textRunProperties(t: Template, style: TextStyle, base?: TextStyle): RunProperties {
  const differs = <K extends keyof TextStyle>(k: K) => !base || base[k] !== style[k];
  const spacing = characterSpacing(trackingEm(t), style.size);
  return {
    ...(differs('face') ? { fonts: wordFonts(t, style.face) } : {}),
    ...(differs('bold') ? { bold: style.bold } : {}),
    ...(differs('color') ? { color: wordColor(t, style.color) } : {}),
    ...(differs('size') ? { size: halfPoints(style.size), ...(spacing !== undefined ? { characterSpacing: spacing } : {}) } : {}),
  };
}

/**
 * Text as run content: tabs and line breaks become Word's own elements
 * (w:tab, w:br; a carriage return, alone or before a line feed, is one
 * break), the rest w:t, whose spaces are kept as they are.
 */
export function runContent(text: string): string {
  let out = '';
  for (const part of text.split(/(\t|\r\n?|\n)/)) {
    if (part === '') continue;
    if (part === '\t') out += '<w:tab/>';
    else if (part[0] === '\r' || part === '\n') out += '<w:br/>';
    else out += `<w:t xml:space="preserve">${escapeText(part)}</w:t>`;
  }
  return out;
}

/** A run of `text` with `properties`. */
export function run(text: string, properties: RunProperties = {}): string {
  return runOf(properties, runContent(text));
}

/** A run of content already written (w:t, w:tab, w:br …). */
export function runOf(properties: RunProperties, content: string): string {
  return `<w:r>${runProperties(properties)}${content}</w:r>`;
}

/** The runs of the pieces the typesetter printed, in a paragraph whose style sets text in `base`. */
export function pieceRuns(t: Template, pieces: readonly SetPiece[], base: TextStyle): string {
  return pieces.map((p) => ('lineBreak' in p ? '<w:r><w:br/></w:r>' : run(p.text, textRunProperties(t, p.style, base)))).join('');
}
