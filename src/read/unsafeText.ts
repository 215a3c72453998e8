// Reporting characters no output may carry (src/text/xmlSafe.ts) where they
// are read: in a file as written, or produced by a YAML escape ("\uFFFF").
import type { Diagnostics } from '../diagnostics.js';
import type { SourcePos } from '../model.js';
import { codePointName, unsafeChars } from '../text/xmlSafe.js';

/**
 * What a control does in a file: removed with a warning where its text enters
 * the model (issue.yaml, config, articles), or refused where text is used as
 * it is (templates).
 */
export type ControlPolicy = 'remove' | 'refuse';

/** Report each unsafe character of `text`; `at` gives the place of an index; `skip` leaves some out. */
export function reportUnsafeChars(
  text: string,
  at: (index: number) => SourcePos,
  policy: ControlPolicy,
  diags: Diagnostics,
  skip: (cp: number) => boolean = () => false,
): void {
  for (const u of unsafeChars(text)) {
    if (skip(u.cp)) continue;
    const params = { code: codePointName(u.cp) };
    if (u.kind === 'notCharacter') diags.error('text.notCharacter', at(u.index), params);
    else if (policy === 'refuse') diags.error('text.control', at(u.index), params);
    else diags.warn('text.controlRemoved', at(u.index), params);
  }
}

/** Line and column (from 1, in UTF-16 units like every position) of each index of `text` (LF line ends). */
export function positionsOf(text: string, file: string): (index: number) => SourcePos {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, col: index - starts[lo]! + 1 };
  };
}
