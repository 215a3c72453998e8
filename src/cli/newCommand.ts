// `bulletin new ISSUE`: next issue's folder, from the latest one.
import type { IssueDate } from '../model.js';
import { issueDate } from '../read/issueSchema.js';
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
    if (!issueDate.safeParse(opts.date).success) throw new UsageError(`--date ${opts.date}: YYYY-MM-DD`);
    const [year, month, day] = opts.date.split('-').map(Number) as [number, number, number];
    date = { year, month, day };
  }
  const result = newIssue(project, id, date ? { date } : {});
  r.info(text(r.lang, 'created', { dir: displayPath(result.dir), from: displayPath(result.from), number: result.number ?? '' }));
  for (const f of result.files) r.info(text(r.lang, 'createdFile', { file: displayPath(f) }));
  return EXIT.ok;
}
