// `bulletin build [ISSUE...]`: build PDF and DOCX for each issue.
import { buildIssue, type BuildResult, type Format } from '../build.js';
import { InputError, type Diagnostic } from '../diagnostics.js';
import { message } from '../messages.js';
import { EXIT } from './exitCodes.js';
import { allIssues, openProject, UsageError } from './projectArg.js';
import { displayPath, printDiagnostics, type Reporter } from './report.js';

export interface BuildCommandOptions {
  root?: string;
  all?: boolean;
  format?: string;
  out?: string;
  drafts?: boolean;
  strict?: boolean;
  json?: boolean;
}

export interface IssueReport {
  id: string;
  ok: boolean;
  outputs: BuildResult['outputs'];
  diagnostics: Array<Diagnostic & { message: string }>;
}

export function parseFormats(value: string | undefined): Format[] {
  if (value === undefined) return ['pdf', 'docx'];
  const formats = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const f of formats) if (f !== 'pdf' && f !== 'docx') throw new UsageError(`--format: ${f}`);
  return [...new Set(formats)] as Format[];
}

export async function buildCommand(issues: string[], opts: BuildCommandOptions, r: Reporter): Promise<number> {
  const formats = parseFormats(opts.format);
  const project = openProject(opts.root);
  const refs = opts.all ? allIssues(project) : issues;
  if (refs.length === 0) throw new UsageError(r.lang === 'zh' ? '请指定要生成的期次，或使用 --all' : 'name the issues to build, or use --all');
  const reports: IssueReport[] = [];
  let worst: number = EXIT.ok;
  for (const ref of refs) {
    const withMessages = (items: Diagnostic[]) => items.map((d) => ({ ...d, message: message(d.code, d.params, r.lang) }));
    try {
      const result = await buildIssue(project, ref, {
        formats,
        ...(opts.out !== undefined ? { outDir: opts.out } : {}),
        drafts: opts.drafts ?? false,
        strict: opts.strict ?? false,
      });
      printDiagnostics(result.diagnostics, r);
      for (const o of result.outputs) {
        const pages = o.pages !== undefined ? (r.lang === 'zh' ? `${o.pages} 页，` : `${o.pages} pages, `) : '';
        const size = `${(o.bytes / 1024).toFixed(0)} KB`;
        r.info(r.lang === 'zh' ? `已生成 ${displayPath(o.file)}（${pages}${size}）` : `wrote ${displayPath(o.file)} (${pages}${size})`);
      }
      reports.push({ id: result.issueId, ok: true, outputs: result.outputs, diagnostics: withMessages(result.diagnostics) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      printDiagnostics(err.diagnostics, r);
      reports.push({ id: ref, ok: false, outputs: [], diagnostics: withMessages(err.diagnostics) });
      worst = Math.max(worst, EXIT.inputError);
    }
  }
  if (opts.json) process.stdout.write(`${JSON.stringify({ ok: worst === EXIT.ok, issues: reports }, null, 2)}\n`);
  return worst;
}
