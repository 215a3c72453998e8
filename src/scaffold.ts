// `bulletin new`: start next issue's folder from the latest issue — its
// issue.yaml with the same settings, the next 期号 and 总期号, a new date —
// and one article stub. Never overwrites anything.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar } from 'yaml';
import { writeFilesAtomic } from './atomicWrite.js';
import { Diagnostics, InputError } from './diagnostics.js';
import type { IssueDate } from './model.js';
import { defaultTemplate, type Project } from './project/config.js';
import { issueSummaries, type IssueSummary } from './read/issueList.js';
import { ISSUE_FILE, ISSUE_ID } from './read/readIssue.js';
import { loadTemplate } from './template/loadTemplate.js';
import { isoDate } from './text/issueDates.js';

export interface NewIssueOptions {
  /** The new issue's date; default today. */
  date?: IssueDate;
}

export interface NewIssueResult {
  dir: string;
  from: string;
  files: string[];
  number?: number;
  totalNumber?: number;
}

export const ARTICLE_STUB = '---\ntitle: 文章标题\n# section: 栏目\n# source: 供稿单位\n---\n\n正文第一段。\n';

export function today(now = new Date()): IssueDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

export function newIssue(project: Project, id: string, options: NewIssueOptions = {}): NewIssueResult {
  if (!ISSUE_ID.test(id)) throw new InputError([{ severity: 'error', code: 'issue.badId', params: { id } }]);
  const dir = path.join(project.issuesDir, id);
  if (existsSync(dir)) throw new InputError([{ severity: 'error', code: 'issue.exists', params: { dir }, file: dir }]);
  const issues = issueSummaries(project.issuesDir);
  const latest = issues.at(-1);
  if (!latest) throw new InputError([{ severity: 'error', code: 'issue.noneToCopy', params: { dir: project.issuesDir } }]);

  const doc = latest.doc.clone();
  // A comment about the old issue (its date, say) would mislead in the new one.
  doc.commentBefore = null;
  if (isMap(doc.contents)) {
    doc.contents.commentBefore = null;
    const first = doc.contents.items[0]?.key;
    if (isScalar(first)) first.commentBefore = null;
  }
  const date = options.date ?? today();
  const templateName = String(doc.get('template') ?? defaultTemplate(project));
  const template = loadTemplate(templateName, project.templatesDir, new Diagnostics());
  const restart = template?.numbering.restartEachYear ?? false;

  // 期号: one more than the last numbered issue (a 增刊 has no number of its own).
  const last = latestNumber(issues);
  let nextNumber: number | undefined;
  if (last) nextNumber = restart && last.year !== date.year ? 1 : last.number + 1;
  if (nextNumber !== undefined) doc.set('number', nextNumber);
  else doc.delete('number');
  // 总期号 goes on from the last issue that had one (a 增刊 may have none).
  const total = issues.findLast((s) => s.totalNumber !== undefined)?.totalNumber;
  const nextTotal = total !== undefined ? total + 1 : undefined;
  if (nextTotal !== undefined) doc.set('totalNumber', nextTotal);
  doc.set('date', isoDate(date));
  doc.delete('articles');
  doc.delete('draft');

  const issueFile = path.join(dir, ISSUE_FILE);
  const articleFile = path.join(dir, '01-article.md');
  // Both files or neither: a half-made folder would block the next `new`.
  writeFilesAtomic([
    { file: issueFile, data: Buffer.from(doc.toString({ lineWidth: 0 }), 'utf8') },
    { file: articleFile, data: Buffer.from(ARTICLE_STUB, 'utf8') },
  ]);
  return {
    dir,
    from: latest.dir,
    files: [issueFile, articleFile],
    ...(nextNumber !== undefined ? { number: nextNumber } : {}),
    ...(nextTotal !== undefined ? { totalNumber: nextTotal } : {}),
  };
}

/** The last issue with a numeric 期号 (a 增刊 has none), up to the latest one. */
function latestNumber(issues: IssueSummary[]): { number: number; year: number } | undefined {
  for (let i = issues.length - 1; i >= 0; i--) {
    const s = issues[i]!;
    if (typeof s.number === 'number') return { number: s.number, year: Number(s.date?.slice(0, 4)) };
  }
  return undefined;
}
