// The typography lint of `bulletin check`: every rule over every article of
// an issue, findings sorted by file, line and column.
import type { Issue } from '../model.js';
import { Collector } from './report.js';
import type { LintContext, Rule } from './rule.js';
import { future, zeroPadded } from './rules/dates.js';
import { dash, ellipsis } from './rules/ellipsisDash.js';
import { fullWidthAlnum } from './rules/fullWidthAlnum.js';
import { halfWidth } from './rules/halfWidth.js';
import { betweenHan, trailing } from './rules/spaces.js';
import { straightQuote } from './rules/straightQuote.js';
import { titleTooLong } from './rules/titleLength.js';
import { unpaired } from './rules/unpaired.js';
import type { LintFinding, LintOptions } from './types.js';
import { collectText, SourceLines } from './units.js';

export type { LintFinding, LintFix, LintMessage, LintOptions } from './types.js';
export { applyFixes } from './applyFixes.js';
export { unifiedDiff } from './unifiedDiff.js';

/** Every rule, in a fixed order. */
export const RULES: readonly Rule[] = [
  halfWidth,
  unpaired,
  straightQuote,
  ellipsis,
  dash,
  betweenHan,
  trailing,
  fullWidthAlnum,
  zeroPadded,
  future,
  titleTooLong,
];

/**
 * Lint the issue's articles. `sources`: the raw text of each article file by
 * absolute path (LF line ends, BOM removed), as read by `readSourceFile`;
 * it places findings and fixes exactly in the source.
 */
export function lintIssue(issue: Issue, sources: ReadonlyMap<string, string>, options: LintOptions = {}): LintFinding[] {
  const src = new SourceLines(sources);
  const { units, hardBreakLines } = collectText(issue, src);
  const out = new Collector(src);
  const ctx: LintContext = { issue, options, units, hardBreakLines, src, out };
  for (const rule of RULES) rule.check(ctx);
  return sortFindings(dedupe(out.findings));
}

function dedupe(findings: LintFinding[]): LintFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}\0${f.file}\0${f.line}\0${f.col}\0${f.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By file, line, column; then rule id and message, so the order never depends on rule order. */
export function sortFindings(findings: LintFinding[]): LintFinding[] {
  return [...findings].sort(
    (a, b) => cmp(a.file, b.file) || a.line - b.line || a.col - b.col || cmp(a.rule, b.rule) || cmp(a.message.en, b.message.en),
  );
}
