// Temporary copies of the sample project for each measured run: the config,
// the templates, the sample issue (or 24 copies of it, or an issue holding its
// articles 20 times over), and an output folder outside the project.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLE = '2024-08';
const sampleDir = path.join(repoRoot, 'issues', SAMPLE);

/** The sample's article files, in bulletin's default order. */
export const sampleArticles = readdirSync(sampleDir)
  .filter((f) => f.endsWith('.md'))
  .sort();

/**
 * A fresh project: `{ root, out, dispose }`. `issues` maps each issue id to
 * the number of times the sample's articles are repeated in it.
 */
export function makeProject(issues = { [SAMPLE]: 1 }) {
  const base = mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-'));
  const root = path.join(base, 'project');
  const out = path.join(base, 'out');
  mkdirSync(out, { recursive: true });
  cpSync(path.join(repoRoot, 'bulletin.config.yaml'), path.join(root, 'bulletin.config.yaml'));
  if (existsSync(path.join(repoRoot, 'templates'))) cpSync(path.join(repoRoot, 'templates'), path.join(root, 'templates'), { recursive: true });
  for (const [id, times] of Object.entries(issues)) copyIssue(path.join(root, 'issues', id), times);
  return { root, out, dispose: () => rmSync(base, { recursive: true, force: true }) };
}

/** The sample issue at `dst`, its articles `times` times over (001-01-….md, 002-01-….md, …). */
function copyIssue(dst, times) {
  cpSync(sampleDir, dst, { recursive: true });
  if (times === 1) return;
  for (const f of sampleArticles) {
    for (let k = 1; k <= times; k++) cpSync(path.join(sampleDir, f), path.join(dst, `${String(k).padStart(3, '0')}-${f}`));
    rmSync(path.join(dst, f));
  }
}

/** Issue ids copy-01 … copy-NN, each the sample issue. */
export function copiesOfSample(n) {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`copy-${String(i + 1).padStart(2, '0')}`, 1]));
}
