// Temporary projects for tests: written from a map of files, or copied from
// the sample issue; and loading one with the real code.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Diagnostics, InputError } from '../../src/diagnostics.js';
import { loadProject, type Project } from '../../src/project/config.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(REPO_ROOT, 'bin/bulletin.js');

export function tempDir(prefix = 'bulletin-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A project made of `files` (paths relative to its root). */
export function writeProject(files: Record<string, string | Uint8Array>): string {
  const root = tempDir();
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

/** A copy of the repository's project: config and the sample issue. */
export function copySampleProject(): string {
  const root = tempDir();
  cpSync(path.join(REPO_ROOT, 'bulletin.config.yaml'), path.join(root, 'bulletin.config.yaml'));
  cpSync(path.join(REPO_ROOT, 'issues'), path.join(root, 'issues'), { recursive: true });
  return root;
}

/** A minimal valid issue.yaml and article, to change one thing at a time. */
export const MINIMAL = {
  'issues/2024-09/issue.yaml': 'organization: 上海市邮政快递行业\ntitle: 党建、文明创建工作简报\neditor: 上海市邮政管理局党建办、文明办编\ndate: 2024-09-30\n',
  'issues/2024-09/01-a.md': '---\ntitle: 测试文章\n---\n\n正文第一段。\n',
};

/** The project at `root`; its errors (bulletin.config.yaml) thrown as an InputError, as a command reports them. */
export function loadProjectOrThrow(root: string): Project {
  const diags = new Diagnostics();
  const project = loadProject(root, diags);
  if (diags.hasErrors()) throw new InputError(diags.items);
  return project;
}
