// Text normalisation shared by every output: invisible controls removed
// (src/text/xmlSafe.ts; reported when read), NFC, then look-alike code points
// that share one glyph in the bundled fonts are unified, so the text copied
// out of a PDF is the text that went in, and both outputs carry the same text.
import { removeControls } from './xmlSafe.js';

/** Code points drawn with the same glyph as another, mapped to the one kept. */
const LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  ['\u30FB', '\u00B7'], // KATAKANA MIDDLE DOT → MIDDLE DOT (间隔号)
  ['\u2022', '\u00B7'], // BULLET → MIDDLE DOT (one glyph in the Fandol fonts)
  ['\u22EF', '\u2026'], // MIDLINE HORIZONTAL ELLIPSIS → HORIZONTAL ELLIPSIS
  ['\u00A0', ' '], // NO-BREAK SPACE → SPACE
  ['\u2015', '\u2014'], // HORIZONTAL BAR → EM DASH (破折号 is U+2014 in GB fonts)
]);

const LOOK_ALIKE_PATTERN = /[\u30FB\u2022\u22EF\u00A0\u2015\u2F00-\u2FD5]/gu;

/**
 * NFC plus the look-alike table. Kangxi radicals (U+2F00–U+2FD5), which often
 * come in with text copied from PDFs, become the ideographs they look like.
 */
export function normalizeText(text: string): string {
  return removeControls(text).normalize('NFC').replace(LOOK_ALIKE_PATTERN, (ch) => {
    const mapped = LOOK_ALIKES.get(ch);
    return mapped ?? ch.normalize('NFKC');
  });
}
