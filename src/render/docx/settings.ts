// word/settings.xml: what Word applies to the whole document — embedded
// fonts, mirrored margins and odd/even footers for two-sided printing, the
// tab stop, punctuation compression, the template's kinsoku lists, and the
// compatibility settings. Children in the order of CT_Settings (ECMA-376
// Part 1, §17.15.1.78).
import { charPitch } from '../../template/gridMetrics.js';
import type { Template } from '../../template/loadTemplate.js';
import { twips } from './geometry.js';
import { element, xmlPart } from './xml.js';

export const SETTINGS_NAMESPACES = { 'xmlns:w': 'http://schemas.openxmlformats.org/wordprocessingml/2006/main' };

export interface SettingsOptions {
  language: string;
  /** Fonts are embedded (--embed-fonts): only the characters used. */
  embedsFonts: boolean;
}

/**
 * - Punctuation compression when the template compresses adjacent marks:
 *   Word then sets such pairs in 1.5 em, as the PDF does.
 * - doNotExpandShiftReturn: a line ended by a hard break is not justified
 *   (the PDF never stretches it), in Word and LibreOffice alike.
 * - compatibilityMode 15: Word 2013 and later layout.
 */
export function settingsXml(t: Template, options: SettingsOptions): string {
  const lb = t.lineBreaking;
  const lang = options.language;
  const children = [
    options.embedsFonts ? '<w:embedTrueTypeFonts/><w:saveSubsetFonts/>' : '',
    t.page.twoSided ? '<w:mirrorMargins/>' : '',
    // Two characters of the grid.
    element('w:defaultTabStop', { 'w:val': twips(charPitch(t) * 2) }),
    t.page.twoSided ? '<w:evenAndOddHeaders/>' : '',
    element('w:characterSpacingControl', { 'w:val': lb.compressMarkPairs ? 'compressPunctuation' : 'doNotCompress' }),
    element('w:noLineBreaksAfter', { 'w:lang': lang, 'w:val': lb.noEnd }),
    element('w:noLineBreaksBefore', { 'w:lang': lang, 'w:val': lb.noStart }),
    '<w:compat><w:doNotExpandShiftReturn/>',
    element('w:compatSetting', { 'w:name': 'compatibilityMode', 'w:uri': 'http://schemas.microsoft.com/office/word', 'w:val': '15' }),
    '</w:compat>',
    element('w:themeFontLang', { 'w:val': 'en-US', 'w:eastAsia': lang }),
  ];
  return xmlPart(element('w:settings', SETTINGS_NAMESPACES, children.join('')));
}
