// The typography lint of an issue as diagnostics (file:line:col: [rule]
// message), with the safe fixes by file. Used by build (where --strict makes
// the findings fail it) and by check.
import type { Diagnostic, Diagnostics } from '../diagnostics.js';
import type { Issue } from '../model.js';
import type { Template } from '../template/loadTemplate.js';
import { articlesOf } from '../typeset/documentMetadata.js';
import type { Layout } from '../typeset/layout.js';
import { lintIssue, type LintFinding, type LintFix } from './lintIssue.js';

export function lintDiagnostic(f: LintFinding): Diagnostic {
  return {
    severity: f.severity,
    code: 'lint.finding',
    params: { rule: f.rule, zh: f.message.zh, en: f.message.en },
    file: f.file,
    line: f.line,
    col: f.col,
    rule: f.rule,
  };
}

/**
 * Lint `issue` (typeset as `layout`, its articles' text in `sources`);
 * findings go into `diags`; returns the fixes by file.
 */
export function lintInto(issue: Issue, sources: ReadonlyMap<string, string>, template: Template, layout: Layout, diags: Diagnostics): Map<string, LintFix[]> {
  const findings = lintIssue(issue, sources, {
    maxTitleLines: template.article.titleMaxLines,
    titleLineCounts: articlesOf(layout.issue).map((a) => a.title.lines.length),
  });
  const fixes = new Map<string, LintFix[]>();
  for (const f of findings) {
    diags.items.push(lintDiagnostic(f));
    if (!f.fix) continue;
    if (!fixes.has(f.file)) fixes.set(f.file, []);
    fixes.get(f.file)!.push(f.fix);
  }
  return fixes;
}
