// `bulletin new ISSUE`: next issue's folder, from the latest one.
import type { IssueDate } from '../model.js';
import { newIssue } from '../scaffold.js';
import { EXIT } from './exitCodes.js';
import { openProject, UsageError } from './projectArg.js';
import { displayPath, type Reporter } from './report.js';
import { text } from './texts.js';

export async function newCommand(id: string, opts: { root?: string; date?: string }, r: Reporter): Promise<number> {
  const project = openProject(opts.root);
  let date: IssueDate | undefined;
  if (opts.date !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(opts.date);
    if (!m) throw new UsageError(`--date: ${opts.date} (YYYY-MM-DD)`);
    date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  }
  const result = newIssue(project, id, date ? { date } : {});
  r.info(text(r.lang, 'created', { dir: displayPath(result.dir), from: displayPath(result.from), number: result.number ?? '' }));
  for (const f of result.files) r.info(text(r.lang, 'createdFile', { file: displayPath(f) }));
  return EXIT.ok;
}
