// `bulletin check`: read and typeset an issue, lint its typography, write
// nothing; `--fix` applies the lint's safe repairs to the article files.
import path from 'node:path';
import { prepareIssue, type BuildOptions } from './build.js';
import { Diagnostics, InputError, promoteWarnings, type Diagnostic } from './diagnostics.js';
import { realFolder } from './fileKinds.js';
import { applyFixes, unifiedDiff, type LintFix } from './lint/lintIssue.js';
import type { Project } from './project/config.js';
import { inSourceFormat, readSource, readSourceFile } from './read/sourceFile.js';
import { rewriteArticle } from './rewriteArticle.js';

export interface CheckResult {
  issueId: string;
  /** The issue folder, once the issue could be read. */
  issueDir?: string;
  /** Input problems, font notices and warnings, typography findings. */
  diagnostics: Diagnostic[];
  /** Safe repairs by article file. */
  fixes: Map<string, LintFix[]>;
}

/** Check one issue. Input errors come back as diagnostics, not thrown. */
export function checkIssue(project: Project, issueRef: string, options: BuildOptions = {}): CheckResult {
  try {
    const prepared = prepareIssue(project, issueRef, { ...options, strict: false });
    const diagnostics = options.strict ? promoteWarnings(prepared.diagnostics.items) : prepared.diagnostics.items;
    return { issueId: prepared.issue.id, issueDir: prepared.issue.dir, diagnostics, fixes: prepared.fixes };
  } catch (err) {
    if (err instanceof InputError) return { issueId: issueRef, diagnostics: err.diagnostics, fixes: new Map() };
    throw err;
  }
}

export interface FixResult {
  /** Unified diffs of the files changed, by file. */
  diffs: Map<string, string>;
  /** The check after fixing. */
  after: CheckResult;
}

/**
 * Apply the safe fixes, re-checking after each pass (a fix may reveal
 * another), at most three passes. Only files that read without errors are
 * touched; each stays the file it was (src/rewriteArticle.ts): a file with
 * other hard links is left alone with a warning, a link leading out of the
 * issue folder is refused.
 */
export function fixIssue(project: Project, issueRef: string, root = project.root, options: BuildOptions = {}): FixResult {
  const originals = new Map<string, string>();
  // Fix on the findings as they are; --strict applies to what is left after.
  const lenient = { ...options, strict: false };
  let result = checkIssue(project, issueRef, lenient);
  /** Files not written, with the problem that says why. */
  const notWritten = new Map<string, Diagnostic>();
  for (let pass = 0; pass < 3 && result.fixes.size > 0; pass++) {
    if (result.diagnostics.some((d) => d.severity === 'error') || result.issueDir === undefined) break;
    const realDir = realFolder(result.issueDir);
    let changed = false;
    for (const [file, fixes] of result.fixes) {
      if (notWritten.has(file)) continue;
      const source = readSource(file, new Diagnostics());
      if (source === undefined) continue;
      if (!originals.has(file)) originals.set(file, source.text);
      const { text, applied } = applyFixes(source.text, fixes);
      if (applied.length === 0 || text === source.text) continue;
      // Line ends and BOM as the author's editor wrote them.
      const outcome = rewriteArticle(file, inSourceFormat(text, source.format), realDir);
      if (outcome.kind === 'hardLinked') {
        notWritten.set(file, { severity: 'warning', code: 'fix.hardLink', params: { links: outcome.links }, file, line: 1, col: 1 });
      } else if (outcome.kind === 'outside') {
        notWritten.set(file, { severity: 'error', code: 'link.outside', params: { name: path.basename(file) }, file, line: 1, col: 1 });
      } else {
        changed = true;
      }
    }
    if (!changed) break;
    result = checkIssue(project, issueRef, lenient);
  }
  if (notWritten.size > 0) result = { ...result, diagnostics: [...result.diagnostics, ...notWritten.values()] };
  if (options.strict) result = { ...result, diagnostics: promoteWarnings(result.diagnostics) };
  const diffs = new Map<string, string>();
  for (const [file, before] of originals) {
    const after = readSourceFile(file, new Diagnostics()) ?? before;
    if (after !== before) diffs.set(file, unifiedDiff(path.relative(root, file).split(path.sep).join('/'), before, after));
  }
  return { diffs, after: result };
}
