// `bulletin new`: start next issue's folder from the latest issue — its
// issue.yaml with the same settings, the next 期号 and 总期号, a new date —
// and one article stub. Never overwrites anything.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import { writeFileAtomic } from './atomicWrite.js';
import { Diagnostics, InputError } from './diagnostics.js';
import type { IssueDate } from './model.js';
import type { Project } from './project/config.js';
import { ISSUE_FILE, ISSUE_ID } from './read/readIssue.js';
import { readSourceFile } from './read/sourceFile.js';
import { loadTemplate } from './template/loadTemplate.js';

export interface NewIssueOptions {
  /** The new issue's date; default today. */
  date?: IssueDate;
}

export interface NewIssueResult {
  dir: string;
  from: string;
  files: string[];
  number?: number | string;
  totalNumber?: number;
}

export const ARTICLE_STUB = '---\ntitle: 文章标题\n# section: 栏目\n# source: 供稿单位\n---\n\n正文第一段。\n';

export function today(now = new Date()): IssueDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

const iso = (d: IssueDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

export function newIssue(project: Project, id: string, options: NewIssueOptions = {}): NewIssueResult {
  if (!ISSUE_ID.test(id)) throw new InputError([{ severity: 'error', code: 'issue.badId', params: { id } }]);
  const dir = path.join(project.issuesDir, id);
  if (existsSync(dir)) throw new InputError([{ severity: 'error', code: 'issue.exists', params: { dir }, file: dir }]);
  const latest = latestIssue(project);
  if (!latest) throw new InputError([{ severity: 'error', code: 'issue.noneToCopy', params: { dir: project.issuesDir } }]);

  const doc = parseDocument(latest.text);
  // A comment about the old issue (its date, say) would mislead in the new one.
  doc.commentBefore = null;
  if (isMap(doc.contents)) {
    doc.contents.commentBefore = null;
    const first = doc.contents.items[0]?.key;
    if (isScalar(first)) first.commentBefore = null;
  }
  const date = options.date ?? today();
  const year = (d: unknown) => (typeof d === 'string' ? Number(d.slice(0, 4)) : NaN);
  const templateName = String(doc.get('template') ?? project.config.defaults.template ?? project.config.template);
  const template = loadTemplate(templateName, project.templatesDir, new Diagnostics());
  const restart = template?.numbering.restartEachYear ?? false;

  const number = doc.get('number');
  let nextNumber: number | string | undefined;
  if (typeof number === 'number') nextNumber = restart && year(doc.get('date')) !== date.year ? 1 : number + 1;
  else if (number !== undefined) nextNumber = String(number);
  if (nextNumber !== undefined) doc.set('number', nextNumber);
  const total = doc.get('totalNumber');
  const nextTotal = typeof total === 'number' ? total + 1 : undefined;
  if (nextTotal !== undefined) doc.set('totalNumber', nextTotal);
  doc.set('date', iso(date));
  doc.delete('articles');
  doc.delete('draft');

  const issueFile = path.join(dir, ISSUE_FILE);
  const articleFile = path.join(dir, '01-article.md');
  writeFileAtomic(issueFile, Buffer.from(doc.toString({ lineWidth: 0 }), 'utf8'));
  writeFileAtomic(articleFile, Buffer.from(ARTICLE_STUB, 'utf8'));
  return {
    dir,
    from: latest.dir,
    files: [issueFile, articleFile],
    ...(nextNumber !== undefined ? { number: nextNumber } : {}),
    ...(nextTotal !== undefined ? { totalNumber: nextTotal } : {}),
  };
}

/** The issue with the latest date (then the last by name) whose issue.yaml reads. */
function latestIssue(project: Project): { dir: string; text: string } | undefined {
  let names: string[] = [];
  try {
    names = readdirSync(project.issuesDir).filter((n) => ISSUE_ID.test(n) && statSync(path.join(project.issuesDir, n)).isDirectory());
  } catch {
    return undefined;
  }
  const candidates = names
    .map((n) => {
      const dir = path.join(project.issuesDir, n);
      const text = readSourceFile(path.join(dir, ISSUE_FILE), new Diagnostics());
      const date = text === undefined ? undefined : /^date:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(text)?.[1];
      return text === undefined ? undefined : { dir, text, key: `${date ?? ''}\u0000${n}` };
    })
    .filter((c): c is { dir: string; text: string; key: string } => c !== undefined)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return candidates.at(-1);
}
