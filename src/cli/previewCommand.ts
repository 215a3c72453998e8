// `bulletin preview ISSUE [--port N] [--open]`: the pages of an issue, with
// drafts and the 草稿 watermark, in the browser, updated after every save
// (src/preview/). Writes nothing: a preview can never replace the PDF or
// DOCX of a real build. Ctrl+C (SIGINT, SIGTERM) stops it: the watcher and
// the server are closed and the exit status is 0.
import { sortDiagnostics } from '../diagnostics.js';
import { PAGE_TEXTS } from '../preview/assets/page.js';
import { openBrowser } from '../preview/openBrowser.js';
import { PreviewSession, type PreviewState } from '../preview/previewSession.js';
import { startPreviewServer, type PreviewServer } from '../preview/server.js';
import { EXIT } from './exitCodes.js';
import { openProject, UsageError } from './projectArg.js';
import { displayPath, printDiagnostics, type Reporter } from './report.js';
import { text } from './texts.js';
import { issueFolderProblem, watchAndRebuild } from './watch.js';

export interface PreviewCommandOptions {
  root?: string;
  port?: string;
  open?: boolean;
  /** false with --no-system-fonts. */
  systemFonts?: boolean;
}

/** Watch timing of the preview: a save is seen at once (no wait for the size to settle), a burst of saves rebuilds once. */
const PREVIEW_TIMING = { debounceMs: 15, stableMs: 0 };

export function parsePort(value: string | undefined, r: Reporter): number {
  if (value === undefined) return 0;
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= 65535)) throw new UsageError(text(r.lang, 'badPort', { value }));
  return n;
}

export async function previewCommand(issue: string, opts: PreviewCommandOptions, r: Reporter): Promise<number> {
  const port = parsePort(opts.port, r);
  const project = openProject(opts.root);
  const session = new PreviewSession({ root: project.root, issue, lang: r.lang, systemFonts: opts.systemFonts ?? true });
  const dir = session.issueDir();
  if (!dir) {
    printDiagnostics([{ severity: 'error', code: 'issue.notFound', params: { issue, dir: project.issuesDir } }], r);
    return EXIT.inputError;
  }
  const id = dir.split(/[\\/]/).pop()!;
  const report = (state: PreviewState, diagnostics = true): void => {
    if (diagnostics) printDiagnostics(sortDiagnostics(state.diagnostics), r);
    if (state.failed) r.problem(text(r.lang, 'previewFailed'));
    else r.info(text(r.lang, 'previewRebuilt', { id, ms: Math.round(state.ms), pages: state.pages.length }));
  };
  report(await session.rebuild());

  let server: PreviewServer;
  try {
    server = await startPreviewServer({ port, lang: r.lang, texts: PAGE_TEXTS[r.lang], issue: id, state: () => session.current, glyphs: session.glyphs });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(text(r.lang, 'portBusy', { port }));
    throw err;
  }
  const watching = watchAndRebuild(
    project,
    [dir],
    project.outDir,
    async (changed) => {
      const state = await session.rebuild(changed);
      server.publish();
      report(state);
    },
    {
      onError: (err) => r.problem(text(r.lang, 'watchError', { message: err.message })),
      // Gone or unreadable: said once, here and on the page; back: the watcher rebuilds.
      onIssueFolder: (folder, state) => {
        if (state === 'ok') return r.info(text(r.lang, 'watchResumed', { dir: displayPath(folder) }));
        const problem = issueFolderProblem(folder, state);
        printDiagnostics([problem], r);
        session.folderUnavailable(problem);
        server.publish();
      },
    },
    PREVIEW_TIMING,
  );
  await watching.ready;
  r.info(text(r.lang, 'previewUrl', { url: server.url }));
  if (opts.open) openBrowser(server.url).catch((err: Error) => r.problem(text(r.lang, 'openFailed', { message: err.message, url: server.url })));

  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void Promise.all([watching.close(), server.close()]).then(() => resolve(EXIT.ok));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
