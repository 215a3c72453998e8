// Building a model with the real reader for lint tests, and linting it.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Diagnostics } from '../../src/diagnostics.js';
import type { Issue } from '../../src/model.js';
import { readIssue } from '../../src/read/readIssue.js';
import { readSourceFile } from '../../src/read/sourceFile.js';
import { applyFixes } from '../../src/lint/applyFixes.js';
import { lintIssue } from '../../src/lint/lintIssue.js';
import type { LintFinding, LintOptions } from '../../src/lint/types.js';
import { loadProjectOrThrow, MINIMAL, writeProject } from '../helpers/project.js';

export interface Linted {
  root: string;
  issue: Issue;
  sources: Map<string, string>;
  findings: LintFinding[];
}

/** Read the issue at `root/issues/<id>` with the real reader and lint it. */
export function lintProject(root: string, id = '2024-09', options?: LintOptions): Linted {
  const project = loadProjectOrThrow(root);
  const diags = new Diagnostics();
  const { issue } = readIssue(project, path.join(project.issuesDir, id));
  const sources = new Map<string, string>();
  for (const article of issue.articles) {
    const text = readSourceFile(article.file, diags);
    if (text === undefined) throw new Error(`cannot read ${article.file}`);
    sources.set(article.file, text);
  }
  return { root, issue, sources, findings: lintIssue(issue, sources, options) };
}

/**
 * Lint one article whose body is `body` (front-matter title `标题` unless
 * `front` gives the front-matter lines). The body starts on line 5 when
 * `front` is the default (`---`, `title: 标题`, `---`, blank line).
 */
export function lintArticle(
  body: string,
  opts: { front?: string; issueYaml?: string; options?: LintOptions; files?: Record<string, string | Uint8Array> } = {},
): Linted {
  const front = opts.front ?? 'title: 标题\n';
  const root = writeProject({
    'issues/2024-09/issue.yaml': opts.issueYaml ?? MINIMAL['issues/2024-09/issue.yaml'],
    'issues/2024-09/01-a.md': `---\n${front}---\n\n${body}`,
    ...opts.files,
  });
  return lintProject(root, '2024-09', opts.options);
}

/** The findings of one rule as `line:col`. */
export function at(findings: LintFinding[], rule: string): string[] {
  return findings.filter((f) => f.rule === rule).map((f) => `${f.line}:${f.col}`);
}

/**
 * Apply the fixes of `rule` to the article, write it back, read and lint it
 * again; returns the fixed source and the new findings.
 */
export function fixAndRelint(linted: Linted, rule: string): { text: string; skipped: number; again: LintFinding[] } {
  const file = linted.issue.articles[0]!.file;
  const source = linted.sources.get(file)!;
  const fixes = linted.findings.filter((f) => f.rule === rule && f.fix && f.file === file).map((f) => f.fix!);
  const { text, skipped } = applyFixes(source, fixes);
  writeFileSync(file, text);
  const again = lintProject(linted.root, linted.issue.id).findings;
  return { text, skipped: skipped.length, again };
}
