// Character classes used by the lint rules.
import { cpAt, cpBefore, isHan } from '../text/unicode.js';

/** Opening brackets and quotation marks of Chinese text, each with its closer. */
export const BRACKET_PAIRS: Readonly<Record<string, string>> = {
  '“': '”',
  '‘': '’',
  '（': '）',
  '《': '》',
  '【': '】',
  '〈': '〉',
  '「': '」',
  '『': '』',
  '〔': '〕',
  '〖': '〗',
};
export const OPENING_MARKS: ReadonlySet<string> = new Set(Object.keys(BRACKET_PAIRS));
export const CLOSING_MARKS: ReadonlySet<string> = new Set(Object.values(BRACKET_PAIRS));

/** Full-width (CJK) punctuation, including the curly quotes, ellipsis and dash of Chinese text. */
export function isCjkPunct(cp: number): boolean {
  return (
    (cp >= 0x3001 && cp <= 0x3003) ||
    (cp >= 0x3008 && cp <= 0x3011) ||
    (cp >= 0x3014 && cp <= 0x301f) ||
    (cp >= 0xff01 && cp <= 0xff0f) ||
    (cp >= 0xff1a && cp <= 0xff20) ||
    (cp >= 0xff3b && cp <= 0xff40) ||
    (cp >= 0xff5b && cp <= 0xff65) ||
    (cp >= 0x2018 && cp <= 0x201d) ||
    cp === 0x2026 ||
    cp === 0x2014 ||
    cp === 0x00b7
  );
}

/** A character that makes its neighbourhood Chinese text: a Han ideograph or CJK punctuation. */
export function isChinese(cp: number | undefined): boolean {
  return cp !== undefined && (isHan(cp) || isCjkPunct(cp));
}

export function isAsciiAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z0-9]$/.test(ch);
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/**
 * The nearest code point before index `i`, skipping ASCII spaces and tabs
 * (not line breaks); undefined at the start of the text.
 */
export function cpBeforeSkippingSpaces(s: string, i: number): number | undefined {
  let j = i;
  while (j > 0 && (s[j - 1] === ' ' || s[j - 1] === '\t')) j--;
  return cpBefore(s, j);
}

/** The nearest code point at or after index `i`, skipping ASCII spaces and tabs. */
export function cpAfterSkippingSpaces(s: string, i: number): number | undefined {
  let j = i;
  while (j < s.length && (s[j] === ' ' || s[j] === '\t')) j++;
  return cpAt(s, j);
}

/** Whether Chinese text stands right before `start` or right after `end` (ASCII spaces between allowed). */
export function nearChinese(text: string, start: number, end: number): boolean {
  return isChinese(cpBeforeSkippingSpaces(text, start)) || isChinese(cpAfterSkippingSpaces(text, end));
}
