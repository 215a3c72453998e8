// Characters no output may carry. XML 1.0 (the DOCX) cannot hold C0 controls
// other than tab and line ends, lone surrogates, U+FFFE or U+FFFF; the other
// noncharacters (U+FDD0–U+FDEF, U+nFFFE/U+nFFFF) are not text either; DEL and
// the C1 controls draw nothing. README “不可见字符”: a control is invisible to
// the author, so it is removed with a warning (the same removal for every
// output, where text enters the model: normalizeText); a noncharacter or a
// lone surrogate is refused.

export type UnsafeKind = 'control' | 'notCharacter';

export interface UnsafeChar {
  /** UTF-16 index in the text. */
  index: number;
  /** The code point (a lone surrogate's own value). */
  cp: number;
  kind: UnsafeKind;
}

/** C0 controls but tab, LF and CR; DEL; C1 controls. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const QUICK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** Every character of `text` no output may carry, in order. */
export function unsafeChars(text: string): UnsafeChar[] {
  if (!QUICK.test(text)) return [];
  const out: UnsafeChar[] = [];
  for (const m of text.matchAll(UNSAFE)) {
    const cp = m[0].codePointAt(0)!;
    const kind: UnsafeKind = cp <= 0x9f ? 'control' : 'notCharacter';
    out.push({ index: m.index, cp, kind });
  }
  return out;
}

/** `text` without its controls (see the top of this file). */
export function removeControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/** U+0008, U+FFFF, U+1FFFE: how a code point is named in messages. */
export function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
