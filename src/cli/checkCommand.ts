// `bulletin check [ISSUE...]`: every input problem and typography finding,
// nothing written; `--fix` applies the safe fixes and prints what changed.
import type { BuildOptions } from '../build.js';
import { checkIssue, fixIssue, type CheckResult } from '../check.js';
import { InputError } from '../diagnostics.js';
import type { Project } from '../project/config.js';
import { EXIT } from './exitCodes.js';
import { issueReport, jsonReport, jsonText } from './jsonReport.js';
import { allIssues, checkSourceDateEpoch, openProject, UsageError } from './projectArg.js';
import { printDiagnostics, type Reporter } from './report.js';
import { terminalLines } from './terminalText.js';
import { text } from './texts.js';

export interface CheckCommandOptions {
  root?: string;
  all?: boolean;
  json?: boolean;
  strict?: boolean;
  fix?: boolean;
  drafts?: boolean;
  /** false with --no-system-fonts. */
  systemFonts?: boolean;
}

export async function checkCommand(issues: string[], opts: CheckCommandOptions, r: Reporter): Promise<number> {
  checkSourceDateEpoch(r.lang);
  const project = openProject(opts.root);
  const refs = opts.all ? allIssues(project) : issues;
  if (refs.length === 0 && !opts.all) throw new UsageError(text(r.lang, 'needIssue'));
  if (refs.length === 0) r.info(text(r.lang, 'noIssues', { dir: project.issuesDir }));
  const options = { strict: opts.strict ?? false, drafts: opts.drafts ?? false, systemFonts: opts.systemFonts ?? true };
  const reports = [];
  let exit: number = EXIT.ok;
  for (const ref of refs) {
    const start = performance.now();
    let result: CheckResult;
    try {
      result = opts.fix ? fix(project, ref, options, opts.json ?? false, r) : checkIssue(project, ref, options);
    } catch (err) {
      // A file --fix could not write is this issue's problem; anything else
      // is an internal error of this issue: the other issues are still checked.
      if (err instanceof InputError) {
        result = { issueId: ref, diagnostics: err.diagnostics, fixes: new Map() };
      } else {
        const e = err as Error;
        r.problem(`${ref}: ${text(r.lang, 'internal', { message: e?.message ?? String(err) })}`);
        if (r.debug && e?.stack) r.problem(e.stack);
        exit = EXIT.internal;
        reports.push(issueReport(ref, [], [], r.lang, performance.now() - start, true));
        continue;
      }
    }
    printDiagnostics(result.diagnostics, r);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
    r.info(errors + warnings === 0 ? text(r.lang, 'checkClean', { id: result.issueId }) : text(r.lang, 'checkCount', { id: result.issueId, errors, warnings }));
    if (errors > 0 && exit === EXIT.ok) exit = EXIT.inputError;
    reports.push(issueReport(result.issueId, [], result.diagnostics, r.lang, performance.now() - start));
  }
  if (opts.json) process.stdout.write(`${jsonText(jsonReport('check', reports, exit))}\n`);
  return exit;
}

/** Apply the safe fixes, print the diffs (not with --json) and what was done; the check after. */
function fix(project: Project, ref: string, options: BuildOptions, json: boolean, r: Reporter): CheckResult {
  const fixed = fixIssue(project, ref, process.cwd(), options);
  // The article's own words are in the diff: its controls are escaped too.
  if (!json) for (const diff of fixed.diffs.values()) process.stdout.write(terminalLines(diff));
  r.info(fixed.diffs.size > 0 ? text(r.lang, 'fixed', { count: fixed.diffs.size }) : text(r.lang, 'nothingToFix'));
  return fixed.after;
}
