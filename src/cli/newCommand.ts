// `bulletin new ISSUE`: next issue's folder, from the latest one.
import type { IssueDate } from '../model.js';
import { message } from '../messages.js';
import { parseIssueDate } from '../text/issueDates.js';
import { newIssue } from '../scaffold.js';
import { EXIT } from './exitCodes.js';
import { openProject, UsageError } from './projectArg.js';
import { displayPath, type Reporter } from './report.js';
import { text } from './texts.js';

export async function newCommand(id: string, opts: { root?: string; date?: string }, r: Reporter): Promise<number> {
  const project = openProject(opts.root);
  let date: IssueDate | undefined;
  if (opts.date !== undefined) {
    // The same check as issue.yaml's date: a real day, written YYYY-MM-DD.
    const parsed = parseIssueDate(opts.date);
    if (typeof parsed === 'string') throw new UsageError(`--date: ${message(parsed, { value: opts.date }, r.lang)}`);
    date = parsed;
  }
  const result = newIssue(project, id, date ? { date } : {});
  r.info(text(r.lang, 'created', { dir: displayPath(result.dir), from: displayPath(result.from), number: result.number ?? '' }));
  for (const f of result.files) r.info(text(r.lang, 'createdFile', { file: displayPath(f) }));
  return EXIT.ok;
}
