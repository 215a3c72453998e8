// Which of bulletin's own modules and which packages a run of the real
// command line loads: bin/bulletin.js run under tests/helpers/listModules.mjs,
// which lists every file URL the process loaded. A file of the bundle
// (dist/bundle/, scripts/bundle.mjs) holds many compiled modules, each opened
// by the bundler's `// dist/<path>.js` or `// node_modules/<path>` line, so
// those lines name what a chunk brought in; the compiled modules themselves
// (dist/) and packages left out of the bundle are named by their own paths.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv } from './cli.js';
import { CLI, REPO_ROOT, tempDir } from './project.js';

const LISTER = path.join(REPO_ROOT, 'tests/helpers/listModules.mjs');
const MODULE_LINE = /^\/\/ ((?:dist|node_modules)\/\S+)$/gm;

export interface LoadedModules {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Paths relative to the repository: `bin/bulletin.js`, `dist/render/pdf.js`, `node_modules/pdfkit/js/pdfkit.js`, … */
  modules: Set<string>;
}

export function loadedModules(cwd: string, args: string[]): LoadedModules {
  const dir = tempDir('bulletin-modules-');
  const list = path.join(dir, 'modules.txt');
  try {
    const r = spawnSync(process.execPath, ['--import', LISTER, CLI, ...args], { cwd, env: childEnv({ LIST_MODULES_TO: list }), encoding: 'utf8', timeout: 120_000 });
    const modules = new Set<string>();
    for (const url of readFileSync(list, 'utf8').split('\n')) {
      if (!url.startsWith('file:')) continue;
      const file = fileURLToPath(url);
      const rel = path.relative(REPO_ROOT, file).split(path.sep).join('/');
      if (rel.startsWith('dist/bundle/')) for (const m of readFileSync(file, 'utf8').matchAll(MODULE_LINE)) modules.add(m[1]!);
      modules.add(rel);
    }
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, modules };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The modules whose paths start with any of `prefixes`. */
export function under(modules: Set<string>, ...prefixes: string[]): string[] {
  return [...modules].filter((m) => prefixes.some((p) => m.startsWith(p))).sort();
}
