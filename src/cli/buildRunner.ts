// Building several issues: in worker threads, one per core, each issue
// reported as it finishes; a single issue builds in this thread.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildIssue, type BuildOptions, type BuildOutput } from '../build.js';
import { InputError, type Diagnostic } from '../diagnostics.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { Project } from '../project/config.js';

export interface IssueOutcome {
  ref: string;
  id: string;
  outputs: BuildOutput[];
  diagnostics: Diagnostic[];
  ms: number;
  /** Set when the build failed for a reason that is not the inputs (exit 3). */
  internalError?: { message: string; stack?: string };
}

export interface WorkerJob {
  root: string;
  ref: string;
  options: BuildOptions;
}

/** Build one issue; input errors and internal errors become part of the outcome. */
export async function buildOne(project: Project, ref: string, options: BuildOptions): Promise<IssueOutcome> {
  const start = performance.now();
  try {
    const r = await buildIssue(project, ref, options);
    return { ref, id: r.issueId, outputs: r.outputs, diagnostics: r.diagnostics, ms: performance.now() - start };
  } catch (err) {
    const ms = performance.now() - start;
    if (err instanceof InputError) return { ref, id: ref, outputs: [], diagnostics: err.diagnostics, ms };
    const e = err as Error;
    return { ref, id: ref, outputs: [], diagnostics: [], ms, internalError: { message: e.message, ...(e.stack ? { stack: e.stack } : {}) } };
  }
}

/** The compiled worker script (tests run the sources, so look in dist/ then). */
function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return path.join(PACKAGE_ROOT, 'dist/cli/buildWorker.js');
  // The bundle (scripts/bundle.mjs): its worker chunk is loaded as the main thread's chunks are, by bin/bundleLoader.js.
  if (here.endsWith('.cjs')) return path.join(PACKAGE_ROOT, 'bin', 'buildWorker.js');
  return path.join(path.dirname(here), 'buildWorker.js');
}

/** The worker threads of the builds under way. */
const running = new Set<Worker>();

/**
 * Stop every worker thread at once (an interrupted `build --all`); resolves
 * when all have ended, so that none writes a file after it.
 */
export async function stopWorkers(): Promise<void> {
  await Promise.all([...running].map((w) => w.terminate()));
}

/**
 * Build `refs`, calling `onDone` as each finishes. More than one issue runs in
 * worker threads, as many as there are cores.
 */
export async function buildMany(
  project: Project,
  refs: string[],
  options: BuildOptions,
  onDone: (o: IssueOutcome) => void,
  threads = Math.min(os.availableParallelism(), refs.length),
): Promise<IssueOutcome[]> {
  if (refs.length <= 1 || threads <= 1) {
    const out: IssueOutcome[] = [];
    for (const ref of refs) {
      const o = await buildOne(project, ref, options);
      onDone(o);
      out.push(o);
    }
    return out;
  }
  const queue = [...refs];
  const results = new Map<string, IssueOutcome>();
  // A function cannot be sent to a thread: progress is told here, as issues finish.
  const { onProgress: _, ...sent } = options;
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerScript());
      running.add(worker);
      worker.once('exit', () => running.delete(worker));
      const next = () => {
        const ref = queue.shift();
        if (ref === undefined) {
          void worker.terminate().then(() => resolve());
          return;
        }
        worker.postMessage({ root: project.root, ref, options: sent } satisfies WorkerJob);
      };
      worker.on('message', (o: IssueOutcome) => {
        results.set(o.ref, o);
        onDone(o);
        next();
      });
      worker.on('error', reject);
      next();
    });
  await Promise.all(Array.from({ length: threads }, run));
  return refs.map((r) => results.get(r)!);
}
