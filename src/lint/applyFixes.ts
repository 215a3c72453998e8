// Applying lint fixes to a source text: each fix replaces `find` at its line
// and column, only if that text is still there; nothing else changes.
import type { LintFix } from './types.js';

export interface ApplyResult {
  text: string;
  /** The fixes made, in source order. */
  applied: LintFix[];
  /** Fixes not made: `find` is not at its place (the text changed), the place does not exist, or it overlaps a fix already made. */
  skipped: LintFix[];
}

export function applyFixes(source: string, fixes: LintFix[]): ApplyResult {
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const located: Array<{ fix: LintFix; start: number; end: number; order: number }> = [];
  const skipped: LintFix[] = [];
  fixes.forEach((fix, order) => {
    const lineStart = lineStarts[fix.line - 1];
    const lineEnd = lineStarts[fix.line] !== undefined ? lineStarts[fix.line]! - 1 : source.length;
    if (lineStart === undefined || fix.col < 1 || fix.find === '' || fix.find.includes('\n')) {
      skipped.push(fix);
      return;
    }
    const start = lineStart + fix.col - 1;
    const end = start + fix.find.length;
    if (end > lineEnd || source.slice(start, end) !== fix.find) {
      skipped.push(fix);
      return;
    }
    located.push({ fix, start, end, order });
  });
  located.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  const applied: LintFix[] = [];
  let text = '';
  let pos = 0;
  for (const { fix, start, end } of located) {
    if (start < pos) {
      skipped.push(fix);
      continue;
    }
    text += source.slice(pos, start) + fix.replacement;
    pos = end;
    applied.push(fix);
  }
  text += source.slice(pos);
  return { text, applied, skipped };
}
