// The project a command works on: --root, or found by walking up from the
// working directory.
import path from 'node:path';
import { Diagnostics, InputError } from '../diagnostics.js';
import { findProjectRoot, loadProject, type Project } from '../project/config.js';
import { folderNames } from '../read/issueList.js';

export class UsageError extends Error {}

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
