// Atomic output (docs/interface.md §4): a failed build writes nothing; a build
// killed at any moment never leaves a partial file at the final path; the
// next good build removes the temporaries of killed builds; two builds of
// one issue at the same time both end with complete files.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo } from '../helpers/pdf.js';
import { CLI, copySampleProject, MINIMAL, REPO_ROOT, writeProject } from '../helpers/project.js';
import { childEnv, finalOutputs, messageProblems, realTempDir, runCli, temporaries, TMP_FILE } from './helpers.js';

/** Why `file` is not a complete PDF, or undefined when it is (qpdf and poppler-utils are required: .ci/run installs them). */
function pdfProblem(file: string): string | undefined {
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return 'no %PDF- header';
  if (!/%%EOF\s*$/.test(bytes.subarray(-64).toString('latin1'))) return 'no %%EOF at the end';
  const qpdf = spawnSync('qpdf', ['--check', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (qpdf.error) return `qpdf --check could not run: ${qpdf.error.message}`;
  if (qpdf.status !== 0) return `qpdf --check: exit ${qpdf.status}: ${qpdf.stderr}${qpdf.stdout.slice(-500)}`;
  let pages: string | undefined;
  try {
    pages = pdfInfo(file).Pages;
  } catch (err) {
    return `pdfinfo: ${(err as Error).message}`;
  }
  if (!/^[1-9]\d*$/.test(pages ?? '')) return `pdfinfo: Pages: ${pages}`;
  return undefined;
}

/** Why `file` is not a complete DOCX, or undefined when it is. */
function docxProblem(file: string): string | undefined {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(new Uint8Array(readFileSync(file)));
  } catch (err) {
    return `does not unzip: ${(err as Error).message}`;
  }
  const doc = parts['word/document.xml'];
  if (!doc) return 'no word/document.xml';
  if (!strFromU8(doc).trimEnd().endsWith('</w:document>')) return 'word/document.xml is cut short';
  if (!parts['[Content_Types].xml']) return 'no [Content_Types].xml';
  return undefined;
}

/** The issue of the sample project copied `times` times into one issue `big`. */
function bigProject(times: number): string {
  const root = realTempDir('bulletin-atomic-');
  cpSync(path.join(REPO_ROOT, 'bulletin.config.yaml'), path.join(root, 'bulletin.config.yaml'));
  const src = path.join(REPO_ROOT, 'issues/2024-08');
  const dir = path.join(root, 'issues/big');
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(src, 'issue.yaml'), path.join(dir, 'issue.yaml'));
  const articles = readdirSync(src).filter((n) => n.endsWith('.md'));
  for (let k = 0; k < times; k++) {
    for (const a of articles) cpSync(path.join(src, a), path.join(dir, `${String(k).padStart(2, '0')}-${a}`));
  }
  return root;
}

interface Killed {
  /** A temporary output file had appeared before the kill was sent. */
  sawTmp: boolean;
  /** The build was still running when SIGKILL was sent. */
  killed: boolean;
  status: number | null;
}

/**
 * Start a build and SIGKILL it `delay` ms after the writing of output
 * `target` begins: its temporary file appears (or the final file itself: a
 * writer that is not atomic is then caught in the middle). Writing is the
 * last ~1% of a build, so a kill at a fixed time after the start would
 * nearly always land before it.
 */
function buildAndKill(root: string, id: string, target: 'pdf' | 'docx', delay: number, env: NodeJS.ProcessEnv): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const out = path.join(root, 'out');
    mkdirSync(out, { recursive: true });
    let sawTmp = false;
    let killed = false;
    let triggered = false;
    let timer: NodeJS.Timeout | undefined;
    const prefix = `.${id}.${target}.`;
    const watcher = watch(out, (_event, name) => {
      if (typeof name !== 'string' || killed) return;
      if (TMP_FILE.test(name)) sawTmp = true;
      if (triggered || !((name.startsWith(prefix) && TMP_FILE.test(name)) || name === `${id}.${target}`)) return;
      triggered = true;
      if (delay === 0) kill();
      else timer = setTimeout(kill, delay);
    });
    const child = spawn(process.execPath, [CLI, 'build', id, '--quiet'], { cwd: root, env, stdio: 'ignore' });
    function kill(): void {
      if (child.exitCode === null && child.signalCode === null) killed = child.kill('SIGKILL');
    }
    child.on('error', reject);
    child.on('close', (status) => {
      if (timer) clearTimeout(timer);
      watcher.close();
      resolve({ sawTmp, killed, status });
    });
  });
}

describe('a failed build writes nothing', () => {
  it('an article made invalid after a good build: exit 1, out/ byte-identical', async () => {
    const root = writeProject(MINIMAL);
    expect((await runCli(root, ['build', '2024-09', '--lang', 'en'])).status).toBe(0);
    const out = path.join(root, 'out');
    const before = new Map(finalOutputs(out).map((n) => [n, readFileSync(path.join(out, n))]));
    expect([...before.keys()]).toEqual(['2024-09.docx', '2024-09.pdf']);
    appendFileSync(path.join(root, 'issues/2024-09/01-a.md'), '\n新的一段。\n\n<div>HTML</div>\n');
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(1);
    expect(readdirSync(out).sort()).toEqual([...before.keys()]);
    for (const [n, bytes] of before) expect(readFileSync(path.join(out, n)).equals(bytes), n).toBe(true);
  });

  it('when the DOCX cannot be written, the PDF is not written either (first build)', async () => {
    const root = writeProject(MINIMAL);
    mkdirSync(path.join(root, 'out/2024-09.docx'), { recursive: true }); // a folder where the DOCX should go
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('2024-09.docx');
    expect(messageProblems(r.stderr)).toEqual([]);
    expect(existsSync(path.join(root, 'out/2024-09.pdf')), 'a PDF was written by a failed build').toBe(false);
    expect(temporaries(path.join(root, 'out'))).toEqual([]);
  });

  it('when the DOCX cannot be written, an existing PDF stays byte-identical', async () => {
    const root = writeProject(MINIMAL);
    expect((await runCli(root, ['build', '2024-09', '--lang', 'en'])).status).toBe(0);
    const pdf = path.join(root, 'out/2024-09.pdf');
    const old = readFileSync(pdf);
    // A valid change (the new PDF would differ), and the DOCX path made unwritable.
    appendFileSync(path.join(root, 'issues/2024-09/01-a.md'), '\n新的一段。\n');
    rmSync(path.join(root, 'out/2024-09.docx'));
    mkdirSync(path.join(root, 'out/2024-09.docx'));
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(1);
    expect(readFileSync(pdf).equals(old), 'the PDF was replaced by a failed build').toBe(true);
  });
});

describe('a build killed at any moment', () => {
  const ID = 'big';
  let root: string;
  let fullMs: number;

  beforeAll(async () => {
    root = bigProject(30);
    const r = await runCli(root, ['build', ID, '--lang', 'en', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    fullMs = r.ms;
  }, 120_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const check = (label: string) => {
    const out = path.join(root, 'out');
    for (const n of finalOutputs(out)) {
      const file = path.join(out, n);
      const problem = n.endsWith('.pdf') ? pdfProblem(file) : docxProblem(file);
      expect(problem, `${label}: out/${n}`).toBeUndefined();
    }
  };

  it('never leaves a partial PDF or DOCX at the final path (existing outputs, then none)', async () => {
    // Killed 0, 1, 3 and 10 ms after the writing of the PDF or the DOCX began:
    // while a temporary file is written, between the two, around the renames.
    const runs: Array<{ fresh: boolean; target: 'pdf' | 'docx'; delay: number }> = [
      { fresh: false, target: 'pdf', delay: 0 },
      { fresh: false, target: 'docx', delay: 1 },
      { fresh: false, target: 'pdf', delay: 3 },
      { fresh: false, target: 'docx', delay: 10 },
      { fresh: true, target: 'docx', delay: 0 },
      { fresh: true, target: 'pdf', delay: 1 },
      { fresh: true, target: 'docx', delay: 3 },
      { fresh: true, target: 'pdf', delay: 10 },
    ];
    const killedWhileWriting: string[] = [];
    const labels: string[] = [];
    for (const [i, { fresh, target, delay }] of runs.entries()) {
      if (fresh) rmSync(path.join(root, 'out'), { recursive: true, force: true });
      // A different date each run, so a new output differs from the old one.
      const env = childEnv({ SOURCE_DATE_EPOCH: String(1_700_000_000 + i * 86_400) });
      const r = await buildAndKill(root, ID, target, delay, env);
      const label = `${fresh ? 'no outputs before' : 'outputs before'}, killed ${delay} ms after the ${target} began to be written (a build takes ~${fullMs} ms; temporary seen: ${r.sawTmp}, killed: ${r.killed}, status ${r.status})`;
      labels.push(label);
      if (r.sawTmp && r.killed) killedWhileWriting.push(label);
      if (!fresh) expect(finalOutputs(path.join(root, 'out')), label).toEqual([`${ID}.docx`, `${ID}.pdf`]);
      check(label);
    }
    // The test means something only if the runs were really killed once writing had begun.
    expect(killedWhileWriting.length, labels.join('\n')).toBeGreaterThanOrEqual(runs.length - 1);
  }, 600_000);

  it('the next good build removes temporaries of dead builds, keeps those of live ones', async () => {
    const out = path.join(root, 'out');
    mkdirSync(out, { recursive: true });
    const dead = spawnSync('true').pid!; // a process that has exited
    const stale = [`.${ID}.pdf.${dead}.0123abcd.tmp`, `.${ID}.docx.${dead}.89abcdef.tmp`];
    const live = `.${ID}.pdf.${process.pid}.fedcba98.tmp`; // this test process runs
    for (const n of [...stale, live]) writeFileSync(path.join(out, n), 'partial');
    const before = temporaries(out);
    expect(before).toEqual(expect.arrayContaining([...stale, live]));
    const r = await runCli(root, ['build', ID, '--lang', 'en', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(temporaries(out)).toEqual([live]);
    check('after a good build');
    rmSync(path.join(out, live));
  }, 120_000);
});

describe('two builds of one issue at the same time', () => {
  it('both succeed and the files are complete, every time', async () => {
    const root = copySampleProject();
    const out = path.join(root, 'out');
    for (let round = 0; round < 3; round++) {
      if (round === 1) rmSync(out, { recursive: true, force: true });
      const [a, b] = await Promise.all([runCli(root, ['build', '2024-08', '--quiet']), runCli(root, ['build', '2024-08', '--quiet'])]);
      expect(a.status, a.stderr).toBe(0);
      expect(b.status, b.stderr).toBe(0);
      expect(finalOutputs(out)).toEqual(['2024-08.docx', '2024-08.pdf']);
      expect(pdfProblem(path.join(out, '2024-08.pdf')), `round ${round}`).toBeUndefined();
      expect(docxProblem(path.join(out, '2024-08.docx')), `round ${round}`).toBeUndefined();
      expect(temporaries(out), `round ${round}`).toEqual([]);
    }
  }, 120_000);
});
