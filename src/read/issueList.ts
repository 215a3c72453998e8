// The issues of a project: their folders, and what `bulletin new` needs to
// know of each (date, 期号) read from its issue.yaml.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Document } from 'yaml';
import { Diagnostics } from '../diagnostics.js';
import { isDirectory } from '../fileKinds.js';
import { ISSUE_FILE, ISSUE_ID } from './readIssue.js';
import { readSourceFile } from './sourceFile.js';
import { parseYaml } from './yamlSource.js';

/** Names of the issue folders under `issuesDir` (names that are issue ids), sorted. */
export function issueNames(issuesDir: string): string[] {
  return folderNames(issuesDir).filter((n) => ISSUE_ID.test(n));
}

/**
 * Every folder under `issuesDir`, sorted: what `--all` builds or checks. A
 * folder whose name is not an issue id is among them, so that it is
 * reported (issue.badId), never skipped in silence (docs/interface.md §2).
 */
export function folderNames(issuesDir: string): string[] {
  try {
    return readdirSync(issuesDir)
      .filter((n) => isDirectory(path.join(issuesDir, n)))
      .sort();
  } catch {
    return [];
  }
}

export interface IssueSummary {
  id: string;
  dir: string;
  /** issue.yaml as parsed, comments and key order kept. */
  doc: Document;
  date?: string;
  number?: number | string;
  totalNumber?: number;
}

/** Every issue whose issue.yaml reads, oldest first (by date, then by name). */
export function issueSummaries(issuesDir: string): IssueSummary[] {
  const out: IssueSummary[] = [];
  for (const id of issueNames(issuesDir)) {
    const dir = path.join(issuesDir, id);
    const file = path.join(dir, ISSUE_FILE);
    const quiet = new Diagnostics();
    const text = readSourceFile(file, quiet);
    const src = text === undefined ? undefined : parseYaml(text, file, quiet);
    const value = src?.value as Record<string, unknown> | null | undefined;
    if (!src || !value || typeof value !== 'object') continue;
    const s: IssueSummary = { id, dir, doc: src.doc };
    if (typeof value.date === 'string') s.date = value.date;
    if (typeof value.number === 'number' || typeof value.number === 'string') s.number = value.number;
    if (typeof value.totalNumber === 'number') s.totalNumber = value.totalNumber;
    out.push(s);
  }
  const key = (s: IssueSummary) => `${s.date ?? ''}\u0000${s.id}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
