// `bulletin build [ISSUE...]` (with --watch, rebuilding on every save).
import path from 'node:path';
import { DEFAULT_DPI, outDirOf, type BuildOptions, type BuildStage, type Format } from '../build.js';
import { Diagnostics } from '../diagnostics.js';
import { DEFAULT_PDFA_LEVEL, PDFA_LEVELS, type PdfALevel } from '../pdfaLevel.js';
import { loadProject, type Project } from '../project/config.js';
import { DEFAULT_FORMATS, OUTPUT_FORMATS } from '../outputFormats.js';
import { resolveIssueDir } from '../read/readIssue.js';
import { buildMany, type IssueOutcome } from './buildRunner.js';
import { EXIT } from './exitCodes.js';
import { exitInterrupted, interruptible, SIGNALS, type StopSignal } from './interruption.js';
import { issueReport, jsonReport, jsonText } from './jsonReport.js';
import { progressLine } from './progress.js';
import { allIssues, checkSourceDateEpoch, openProject, UsageError } from './projectArg.js';
import { displayPath, printDiagnostics, type Reporter } from './report.js';
import { text } from './texts.js';
import type { Watching } from './watch.js';

export interface BuildCommandOptions {
  root?: string;
  all?: boolean;
  format?: string;
  out?: string;
  drafts?: boolean;
  strict?: boolean;
  json?: boolean;
  watch?: boolean;
  embedFonts?: boolean;
  /** --pdfa alone (true) or with a level. */
  pdfa?: boolean | string;
  dpi?: string;
  /** false with --no-system-fonts. */
  systemFonts?: boolean;
}

/** The formats --format names (docs/interface.md §3); without it, the config's (`formats`). */
export function parseFormats(value: string | undefined, r: Reporter, configured: readonly Format[] = DEFAULT_FORMATS): Format[] {
  if (value === undefined) return [...configured];
  const formats = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (formats.length === 0 || formats.some((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f))) throw new UsageError(text(r.lang, 'badFormat', { value }));
  return [...new Set(formats)] as Format[];
}

/** --pdfa: no flag, the flag alone (2b), or a level. */
export function parsePdfa(value: boolean | string | undefined, r: Reporter): PdfALevel | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return DEFAULT_PDFA_LEVEL;
  const level = value.trim().toLowerCase();
  if (!(PDFA_LEVELS as readonly string[]).includes(level)) throw new UsageError(text(r.lang, 'badPdfa', { value }));
  return level as PdfALevel;
}

/** The resolution of PNG pages: a page at 600 dpi is 140 MB of pixels while it is drawn, and that is the most allowed. */
const DPI_RANGE = { min: 10, max: 600 };

export function parseDpi(value: string | undefined, r: Reporter): number {
  if (value === undefined) return DEFAULT_DPI;
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!(n >= DPI_RANGE.min && n <= DPI_RANGE.max)) throw new UsageError(text(r.lang, 'badDpi', { value, ...DPI_RANGE }));
  return n;
}

/** The exit status of a set of outcomes: the worst of them. */
export function exitOf(outcomes: IssueOutcome[]): number {
  if (outcomes.some((o) => o.internalError)) return EXIT.internal;
  if (outcomes.some((o) => o.diagnostics.some((d) => d.severity === 'error') || o.outputs.length === 0)) return EXIT.inputError;
  return EXIT.ok;
}

function reportOutcome(o: IssueOutcome, many: boolean, r: Reporter): void {
  printDiagnostics(o.diagnostics, r);
  if (o.internalError) {
    r.problem(`${o.ref}: ${text(r.lang, 'internal', { message: o.internalError.message })}`);
    if (r.debug && o.internalError.stack) r.problem(o.internalError.stack);
    return;
  }
  const errors = o.diagnostics.filter((d) => d.severity === 'error').length;
  if (many) {
    r.info(errors > 0 || o.outputs.length === 0 ? text(r.lang, 'failed', { id: o.id, count: errors }) : text(r.lang, 'built', { id: o.id, ms: Math.round(o.ms) }));
    return;
  }
  for (const out of o.outputs) {
    const pages = out.pages !== undefined ? text(r.lang, 'pages', { pages: out.pages }) : '';
    // Page images: the first page's file … the last's name.
    const file = out.files && out.files.length > 1 ? `${displayPath(out.files[0]!)} … ${path.basename(out.files.at(-1)!)}` : displayPath(out.files?.[0] ?? out.file);
    r.info(text(r.lang, 'wrote', { file, detail: `${pages}${Math.round(out.bytes / 1024)} KB` }));
  }
}

export async function runBuilds(project: Project, refs: string[], options: BuildOptions, json: boolean, r: Reporter): Promise<number> {
  return exitOf(await buildAndReport(project, refs, options, json, r));
}

/** What a build is doing, for the progress line. */
function stageText(stage: BuildStage, r: Reporter): string {
  if (stage.step === 'render') return text(r.lang, 'stageRender', { format: stage.format.toUpperCase() });
  return text(r.lang, stage.step === 'read' ? 'stageRead' : stage.step === 'typeset' ? 'stageTypeset' : 'stageWrite');
}

/**
 * Build `refs`, report each outcome (and a summary, and the JSON report when
 * asked); the outcomes. A long build shows its progress on a terminal; an
 * interrupt stops it and leaves no temporary file (src/cli/interruption.ts).
 */
async function buildAndReport(project: Project, refs: string[], options: BuildOptions, json: boolean, r: Reporter): Promise<IssueOutcome[]> {
  const many = refs.length > 1;
  const progress = progressLine(process.stderr, process.stderr.isTTY === true && !json && !r.quiet);
  const showCount = (done: number) => progress.show((seconds) => text(r.lang, 'progressMany', { done, total: refs.length, seconds }));
  const id = refs.length === 1 ? path.basename(refs[0]!) : '';
  const onProgress = (stage: BuildStage) => progress.show((seconds) => text(r.lang, 'progressStage', { id, stage: stageText(stage, r), seconds }));
  let done = 0;
  if (many) showCount(0);
  const outcomes = await interruptible(
    outDirOf(project, options),
    () =>
      buildMany(project, refs, many ? options : { ...options, onProgress }, (o) => {
        progress.clear();
        reportOutcome(o, many, r);
        if (many) showCount(++done);
      }),
    () => {
      progress.stop();
      r.problem(text(r.lang, 'interrupted'));
    },
  ).finally(() => progress.stop());
  const exit = exitOf(outcomes);
  if (many) {
    const failed = outcomes.filter((o) => o.internalError || o.outputs.length === 0).length;
    r.info(text(r.lang, 'summary', { total: outcomes.length, ok: outcomes.length - failed, failed }));
  }
  if (json) {
    const issues = outcomes.map((o) => issueReport(o.id, o.outputs, o.diagnostics, r.lang, o.ms, o.internalError !== undefined || o.outputs.length === 0));
    process.stdout.write(`${jsonText(jsonReport('build', issues, exit))}\n`);
  }
  return outcomes;
}

export function buildOptionsOf(opts: BuildCommandOptions, r: Reporter): BuildOptions {
  return {
    formats: parseFormats(opts.format, r),
    ...(opts.out !== undefined ? { outDir: opts.out } : {}),
    drafts: opts.drafts ?? false,
    strict: opts.strict ?? false,
    embedFonts: opts.embedFonts ?? false,
    ...(opts.pdfa !== undefined ? { pdfa: parsePdfa(opts.pdfa, r) ?? false } : {}),
    dpi: parseDpi(opts.dpi, r),
    systemFonts: opts.systemFonts ?? true,
  };
}

/**
 * `--pdfa 2024-08` takes the issue for the flag's optional level: a value
 * that is not shaped like a level (a digit and a letter) is an issue, and
 * the flag stands alone.
 */
export function splitPdfaValue(issues: string[], opts: BuildCommandOptions): { issues: string[]; opts: BuildCommandOptions } {
  if (typeof opts.pdfa !== 'string' || /^\s*\d[a-z]\s*$/i.test(opts.pdfa)) return { issues, opts };
  return { issues: [opts.pdfa, ...issues], opts: { ...opts, pdfa: true } };
}

export async function buildCommand(givenIssues: string[], givenOpts: BuildCommandOptions, r: Reporter): Promise<number> {
  checkSourceDateEpoch(r.lang);
  const { issues, opts } = splitPdfaValue(givenIssues, givenOpts);
  const flagged = buildOptionsOf(opts, r);
  const project = openProject(opts.root);
  const options = opts.format === undefined ? { ...flagged, formats: [...project.config.formats] } : flagged;
  const refs = opts.all ? allIssues(project) : issues;
  if (refs.length === 0 && !opts.all) throw new UsageError(text(r.lang, 'needIssue'));
  if (refs.length === 0) r.info(text(r.lang, 'noIssues', { dir: project.issuesDir }));
  const exit = await runBuilds(project, refs, options, opts.json ?? false, r);
  if (!opts.watch) return exit;
  const watching = await startWatch(project, refs, options, r);
  return untilInterrupted(watching, outDirOf(project, options), r);
}

/**
 * Watch the issues' folders, templates and config; rebuild on each save; keep
 * going after input errors. The watcher is loaded only for --watch.
 */
export async function startWatch(project: Project, refs: string[], options: BuildOptions, r: Reporter): Promise<Watching> {
  const { issueFolderProblem, watchAndRebuild } = await import('./watch.js');
  const dirOf = new Map(refs.map((ref) => [ref, resolveIssueDir(project, ref)] as const));
  const dirs = [...new Set([...dirOf.values()].filter((d): d is string => d !== undefined))];
  const watching = watchAndRebuild(project, dirs, outDirOf(project, options), async (_changed, unavailable) => {
    // bulletin.config.yaml is watched too: read it again for every rebuild.
    const diags = new Diagnostics();
    const current = loadProject(project.root, diags);
    if (diags.hasErrors()) {
      printDiagnostics(diags.items, r);
      r.problem(text(r.lang, 'rebuildFailed'));
      return;
    }
    // A folder that is gone or unreadable was said once (onIssueFolder); it is built again when it is back.
    const present = refs.filter((ref) => !unavailable.has(dirOf.get(ref) ?? ''));
    await buildMany(current, present, options, (o) => {
      printDiagnostics(o.diagnostics, r);
      if (o.internalError) r.problem(`${o.ref}: ${text(r.lang, 'internal', { message: o.internalError.message })}`);
      else if (o.outputs.length === 0) r.problem(text(r.lang, 'rebuildFailed'));
      else r.info(`${o.id}: ${text(r.lang, 'rebuilt', { ms: Math.round(o.ms) })}`);
    }, 1);
  }, {
    onError: (err) => r.problem(text(r.lang, 'watchError', { message: err.message })),
    onIssueFolder: (dir, state) => {
      if (state === 'ok') r.info(text(r.lang, 'watchResumed', { dir: displayPath(dir) }));
      else printDiagnostics([issueFolderProblem(dir, state)], r);
    },
  });
  void watching.ready.then(() => r.info(text(r.lang, 'watching')));
  return watching;
}

/**
 * Watch until SIGINT (Ctrl+C) or SIGTERM. Between rebuilds that is the end
 * of the watch (exit 0); during a rebuild it stops the rebuild as it stops
 * any build (src/cli/interruption.ts): this process's temporaries removed,
 * the earlier outputs as they were, exit 130 / 143. A second signal while
 * the watchers close ends the process at once, in the same way.
 */
function untilInterrupted(watching: Watching, outDir: string, r: Reporter): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: StopSignal) => {
      // A second signal while the watchers close (a network share that does not answer): end now.
      if (stopping) {
        exitInterrupted(outDir, signal);
        return;
      }
      stopping = true;
      if (watching.rebuilding()) {
        // At once, as a build is stopped: the rebuild gets no further turn.
        r.problem(text(r.lang, 'interrupted'));
        exitInterrupted(outDir, signal);
        return;
      }
      void watching.close().finally(() => {
        for (const s of SIGNALS) process.off(s, stop);
        resolve(EXIT.ok);
      });
    };
    for (const s of SIGNALS) process.on(s, stop);
  });
}
