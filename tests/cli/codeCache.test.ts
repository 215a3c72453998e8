// The bundle's V8 code caches (scripts/codeCache.mjs, bin/bundleLoader.js):
// the command line a user runs finds a cache beside every chunk `check` and
// a build load, V8 takes each one, and a cache V8 refuses — here, bytes
// that are no cache, and a cache made under other flags — changes nothing a
// command prints or writes.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, copySampleProject, REPO_ROOT, tempDir } from '../helpers/project.js';

const BUNDLE = path.join(REPO_ROOT, 'dist', 'bundle');

/**
 * Run `args` through bundleLoader in a new node, from the bundle in
 * `bundle`, in the project `cwd`: what main returned, what it printed, and
 * for each chunk loaded whether V8 refused its cache.
 */
function runLoaded(bundle: string, cwd: string, args: string[], { liftoff = true } = {}) {
  const script = `
    import { setFlagsFromString } from 'node:v8';
    ${liftoff ? "setFlagsFromString('--liftoff-only');" : ''}
    const { loadChunk, loadedChunks } = await import(${JSON.stringify(path.join(REPO_ROOT, 'bin', 'bundleLoader.js'))});
    const lines = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (s) => (lines.push(String(s)), true);
    process.stderr.write = (s) => (lines.push(String(s)), true);
    const code = await loadChunk(${JSON.stringify(path.join(bundle, 'main.cjs'))}).main(${JSON.stringify(args)});
    const chunks = Object.fromEntries(loadedChunks().map((c) => [c.file.split(/[\\\\/]/).pop(), c.cacheRejected]));
    write(JSON.stringify({ code, printed: lines.join(''), chunks }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', NO_COLOR: '1' } });
  return JSON.parse(out) as { code: number; printed: string; chunks: Record<string, boolean> };
}

/** A copy of the package with the bundle copied (its caches then replaced by `cache`, its chunks by `chunk`) and the rest linked. */
function packageCopy(cache: (file: string, bytes: Buffer) => Buffer, chunk: (file: string, text: string) => string = (_, t) => t): string {
  const root = tempDir('bulletin-package-');
  for (const entry of ['package.json', 'templates', 'fonts', 'node_modules']) symlinkSync(path.join(REPO_ROOT, entry), path.join(root, entry));
  const bundle = path.join(root, 'dist', 'bundle');
  mkdirSync(path.dirname(bundle), { recursive: true });
  cpSync(BUNDLE, bundle, { recursive: true });
  for (const f of readdirSync(bundle)) if (f.endsWith('.cache')) writeFileSync(path.join(bundle, f), cache(f, readFileSync(path.join(bundle, f))));
  for (const f of readdirSync(bundle)) if (f.endsWith('.cjs')) writeFileSync(path.join(bundle, f), chunk(f, readFileSync(path.join(bundle, f), 'utf8')));
  return bundle;
}

describe('the code caches of the bundle', () => {
  const project = copySampleProject();

  it('are made by npm run build beside the chunks, and V8 takes every one that check and a build load', () => {
    const check = runLoaded(BUNDLE, project, ['check', '2024-08']);
    expect(check.code).toBe(0);
    expect(Object.keys(check.chunks)).toContain('main.cjs');
    expect(Object.keys(check.chunks).length).toBeGreaterThan(4);
    for (const chunk of Object.keys(check.chunks)) expect(existsSync(path.join(BUNDLE, `${chunk}.cache`)), chunk).toBe(true);
    expect(check.chunks).toEqual(Object.fromEntries(Object.keys(check.chunks).map((c) => [c, false])));
    const build = runLoaded(BUNDLE, project, ['build', '2024-08', '--out', path.join(project, 'out-a')]);
    expect(build.code).toBe(0);
    expect(Object.keys(build.chunks).some((c) => c.startsWith('renderPdf-'))).toBe(true);
    expect(Object.keys(build.chunks).some((c) => c.startsWith('renderDocx-'))).toBe(true);
    expect(build.chunks).toEqual(Object.fromEntries(Object.keys(build.chunks).map((c) => [c, false])));
  });

  it('of a chunk edited since, even to the same length (which V8 would take), are not used: the edited code runs', () => {
    const edit = (text: string) => text.replace('error(s), ${p.warnings} warning(s)', 'ERROR(S), ${p.warnings} WARNING(S)');
    const texts = readdirSync(BUNDLE).find((f) => /^texts-.*\.cjs$/.test(f))!;
    const original = readFileSync(path.join(BUNDLE, texts), 'utf8');
    expect(edit(original)).not.toBe(original);
    expect(edit(original).length).toBe(original.length);
    const edited = packageCopy((_, bytes) => bytes, (f, text) => (f === texts ? edit(text) : text));
    const r = runLoaded(edited, project, ['check', '2024-08', '--lang', 'en']);
    expect(r.printed).toContain('2024-08: 0 ERROR(S), 1 WARNING(S)');
    expect(r.chunks[texts]).toBe(true);
    // The chunks not edited keep their caches.
    expect(r.chunks['main.cjs']).toBe(false);
  });

  it('are used by the worker threads of build --all too, which import HarfBuzz for OFD and SVG as the main thread does', () => {
    const root = copySampleProject();
    const r = spawnSync(process.execPath, [CLI, 'build', '--all', '--format', 'ofd,svg', '--lang', 'en'], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'C', NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    const issues = readdirSync(path.join(root, 'issues')).filter((d) => existsSync(path.join(root, 'issues', d, 'issue.yaml')));
    expect(issues.length).toBeGreaterThan(1);
    for (const id of issues) {
      expect(existsSync(path.join(root, 'out', `${id}.ofd`)), id).toBe(true);
      expect(readdirSync(path.join(root, 'out', id)).some((f) => f.endsWith('.svg')), id).toBe(true);
    }
  }, 180_000);

  it('refused, change nothing: bytes that are no cache, or a cache made under other V8 flags, give the same output', () => {
    const good = runLoaded(BUNDLE, project, ['build', '2024-08', '--out', path.join(project, 'out-good')]);
    const garbage = packageCopy((_, bytes) => Buffer.alloc(bytes.length, 0x5a));
    const bad = runLoaded(garbage, project, ['build', '2024-08', '--out', path.join(project, 'out-garbage')]);
    const otherFlags = runLoaded(BUNDLE, project, ['build', '2024-08', '--out', path.join(project, 'out-flags')], { liftoff: false });
    for (const r of [bad, otherFlags]) {
      expect(r.code).toBe(0);
      expect(Object.values(r.chunks).every((rejected) => rejected)).toBe(true);
    }
    const outputs = (dir: string) => ['2024-08.pdf', '2024-08.docx'].map((f) => readFileSync(path.join(project, dir, f)));
    const reference = outputs('out-good');
    expect(reference[0]!.subarray(0, 5).toString()).toBe('%PDF-');
    for (const dir of ['out-garbage', 'out-flags']) {
      const o = outputs(dir);
      expect(o[0]!.equals(reference[0]!), `${dir} PDF`).toBe(true);
      expect(o[1]!.equals(reference[1]!), `${dir} DOCX`).toBe(true);
    }
    const printed = (r: { printed: string }, dir: string) => r.printed.replaceAll(dir, 'OUT');
    expect(printed(bad, 'out-garbage')).toBe(printed(good, 'out-good'));
    expect(printed(otherFlags, 'out-flags')).toBe(printed(good, 'out-good'));
  });
});
