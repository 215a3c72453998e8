// The project a command works on: --root, or found by walking up from the
// working directory.
import path from 'node:path';
import { Diagnostics, InputError } from '../diagnostics.js';
import { findProjectRoot, loadProject, type Project } from '../project/config.js';
import type { Lang } from '../messages.js';
import { folderNames } from '../read/issueList.js';
import { MAX_SOURCE_DATE_EPOCH, SourceDateEpochError, sourceDateEpoch } from '../sourceDateEpoch.js';
import { text } from './texts.js';

import { UsageError } from './usageError.js';

export { UsageError };

/** SOURCE_DATE_EPOCH out of range is wrong usage (exit 2), found before any work. */
export function checkSourceDateEpoch(lang: Lang, env: NodeJS.ProcessEnv = process.env): void {
  try {
    sourceDateEpoch(env);
  } catch (err) {
    if (!(err instanceof SourceDateEpochError)) throw err;
    throw new UsageError(text(lang, 'badSourceDateEpoch', { value: err.value, max: MAX_SOURCE_DATE_EPOCH }));
  }
}

export function openProject(rootOption: string | undefined, cwd = process.cwd()): Project {
  const root = rootOption ? path.resolve(cwd, rootOption) : findProjectRoot(cwd);
  if (!root) throw new InputError([{ severity: 'error', code: 'project.notFound', params: { dir: cwd } }]);
  const diags = new Diagnostics();
  const project = loadProject(root, diags);
  diags.throwIfErrors();
  return project;
}

/** Every folder under the project's issues folder, by name: the issues, and the folders to report as not issues. */
export function allIssues(project: Project): string[] {
  return folderNames(project.issuesDir);
}
