// One build: read → typeset → render → atomic write. Also the shared first
// half (read and typeset) used by `check`. Each writer is imported when its
// format is asked for: `check` loads none, `--format pdf` only the PDF's.
import path from 'node:path';
import { removeStaleTemporaries, writeFilesAtomic } from './atomicWrite.js';
import type { BuildCaches } from './buildCaches.js';
import { Diagnostics, InputError, promoteWarnings, type Diagnostic } from './diagnostics.js';
import type { LintFix } from './lint/lintIssue.js';
import { lintInto } from './lint/lintReport.js';
import { FontSet } from './fonts/fontSet.js';
import { obsoletePageFiles, pageFileName, pageFolder } from './pageFiles.js';
import type { Issue, IssueDate } from './model.js';
import type { Project } from './project/config.js';
import { ISSUE_FILE, readIssue, resolveIssueDir } from './read/readIssue.js';
import type { PageImageFormat } from './render/pageImages.js';
import { loadTemplate, type Template } from './template/loadTemplate.js';
import { TypesetContext } from './typeset/context.js';
import type { Layout } from './typeset/layout.js';
import type { OutputFormat } from './outputFormats.js';
import { typesetIssue } from './typeset/typesetIssue.js';
import { pdfaLevelOf, type PdfALevel } from './pdfaLevel.js';
import { sourceDateEpoch } from './sourceDateEpoch.js';
import { PRODUCER, VERSION } from './version.js';

export type Format = OutputFormat;

/** The resolution of PNG pages when none is asked for. */
export const DEFAULT_DPI = 150;

export interface BuildOptions {
  formats?: Format[];
  /** Output folder; default the project's outDir. */
  outDir?: string;
  /** Include draft articles and mark every page 草稿. */
  drafts?: boolean;
  /** Warnings fail the build. */
  strict?: boolean;
  /** PDF/A level of the PDF (false: none, whatever the config says); default the config's, else the template's. */
  pdfa?: PdfALevel | false;
  /** Carry subsets of the fonts in the DOCX. */
  embedFonts?: boolean;
  /** Resolution of PNG pages (default DEFAULT_DPI). */
  dpi?: number;
  /** What earlier builds read and set, reused where nothing changed (the preview). */
  caches?: BuildCaches;
  /** Draw characters no configured font has from installed fonts (default true; --no-system-fonts). */
  systemFonts?: boolean;
  /** Run the typography lint (default true; `bulletin fonts` does without). */
  lint?: boolean;
  cwd?: string;
  /** Told as each stage of the build begins (a progress line on a terminal); never sent to a worker thread. */
  onProgress?: (stage: BuildStage) => void;
}

/** A stage of a build: reading the issue, typesetting it, rendering one output, writing the files. */
export type BuildStage = { step: 'read' | 'typeset' | 'write' } | { step: 'render'; format: Format };

export interface BuildOutput {
  format: Format;
  /** The file; for page images, their folder. */
  file: string;
  bytes: number;
  pages?: number;
  /** Page images: each page's file, in page order. */
  files?: string[];
}

export interface BuildResult {
  issueId: string;
  outputs: BuildOutput[];
  diagnostics: Diagnostic[];
}

export interface Prepared {
  issue: Issue;
  template: Template;
  fonts: FontSet;
  layout: Layout;
  diagnostics: Diagnostics;
  /** The typography lint's safe fixes, by article file. */
  fixes: Map<string, LintFix[]>;
}

/** Read and typeset an issue without writing anything. Throws InputError. */
export function prepareIssue(project: Project, issueRef: string, options: BuildOptions = {}): Prepared {
  // A bad SOURCE_DATE_EPOCH is refused before any work.
  sourceDateEpoch();
  const dir = resolveIssueDir(project, issueRef, options.cwd);
  if (!dir) throw new InputError([{ severity: 'error', code: 'issue.notFound', params: { issue: issueRef, dir: project.issuesDir } }]);
  const caches = options.caches;
  options.onProgress?.({ step: 'read' });
  const { issue, sources, diagnostics, templateWhere } = readIssue(project, dir, { drafts: options.drafts ?? false, ...(caches ? { cache: caches.read } : {}) });
  const where = templateWhere ?? { file: path.join(dir, ISSUE_FILE) };
  const template = caches ? caches.template(issue.template, project.templatesDir, diagnostics, where) : loadTemplate(issue.template, project.templatesDir, diagnostics, where);
  diagnostics.throwIfErrors();
  const systemFonts = options.systemFonts ?? true;
  const fonts = caches
    ? caches.fonts(template!, project.root, project.config.fontDirs, diagnostics, { systemFonts })
    : FontSet.load(template!, project.root, project.config.fontDirs, diagnostics, { systemFonts });
  diagnostics.throwIfErrors();
  options.onProgress?.({ step: 'typeset' });
  const ctx = new TypesetContext(template!, fonts!, diagnostics);
  const layout = typesetIssue(issue, ctx, { draft: options.drafts ?? false, date: documentDate(issue.meta.date), ...(caches ? { flows: caches.flows } : {}) });
  diagnostics.throwIfErrors();
  // Typography findings are warnings: --strict makes them, like missing glyphs, fail the build.
  const fixes = options.lint === false ? new Map<string, LintFix[]>() : lintInto(issue, sources, template!, layout, diagnostics);
  if (options.strict && diagnostics.warnings.length > 0) throw new InputError(promoteWarnings(diagnostics.items));
  return { issue, template: template!, fonts: fonts!, layout, diagnostics, fixes };
}

/** Build the outputs of one issue. Nothing is written unless every output rendered. */
export async function buildIssue(project: Project, issueRef: string, options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = outDirOf(project, options);
  // Temporaries of killed builds go first, whatever this build writes (docs/interface.md §4, "Atomic").
  removeStaleTemporaries(outDir);
  const prepared = prepareIssue(project, issueRef, options);
  const formats = options.formats ?? ['pdf', 'docx'];
  const rendered: Array<{ format: Format; data: Uint8Array; pages?: number }> = [];
  const pageImages: Array<{ format: PageImageFormat; pages: Uint8Array[] }> = [];
  for (const format of formats) {
    await betweenStages();
    options.onProgress?.({ step: 'render', format });
    if (format === 'pdf') {
      rendered.push({ format, data: await pdfOf(prepared.layout, pdfaOf(project, prepared.template, options)), pages: prepared.layout.pages.length });
    } else if (format === 'ofd') {
      const { renderOfd } = await import('./render/ofd/renderOfd.js');
      rendered.push({ format, data: await renderOfd(prepared.layout, { creator: 'bulletin', creatorVersion: VERSION }), pages: prepared.layout.pages.length });
    } else if (format === 'png' || format === 'svg') {
      const { renderPageImages } = await import('./render/pageImages.js');
      pageImages.push({ format, pages: await renderPageImages(prepared.layout, format, options.dpi ?? DEFAULT_DPI) });
    } else {
      const { renderDocx } = await import('./render/docx/renderDocx.js');
      const embedded = options.embedFonts ? await (await import('./fonts/embeddedFonts.js')).embeddedFonts(prepared.layout, prepared.template) : undefined;
      rendered.push({
        format,
        data: renderDocx(prepared, { producer: PRODUCER, ...(embedded ? { embedded } : {}) }),
      });
    }
  }
  await betweenStages();
  options.onProgress?.({ step: 'write' });
  const id = prepared.issue.id;
  const files = rendered.map((r) => ({ ...r, file: path.join(outDir, `${id}.${r.format}`) }));
  const pages = pageImages.map((p) => pageFilesOf(outDir, id, p.format, p.pages));
  // Every output or none: a PDF is never left beside a DOCX or pages of another build.
  writeFilesAtomic([...files, ...pages.flatMap((p) => p.files)], pages.flatMap((p) => p.obsolete));
  const outputs: BuildOutput[] = [
    ...files.map((r) => ({ format: r.format, file: r.file, bytes: r.data.length, ...(r.pages !== undefined ? { pages: r.pages } : {}) })),
    ...pages.map((p) => p.output),
  ];
  return { issueId: id, outputs, diagnostics: prepared.diagnostics.items };
}

/**
 * A turn of the event loop between the stages of a build: an interrupt
 * (Ctrl+C) is handled there, never while a file is half written, and a
 * progress line can be drawn.
 */
function betweenStages(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Page images as files of <outDir>/<id>/, and the pages of an earlier build they leave over. */
function pageFilesOf(outDir: string, id: string, format: PageImageFormat, pages: Uint8Array[]) {
  const folder = pageFolder(outDir, id);
  const files = pages.map((data, i) => ({ file: path.join(folder, pageFileName(id, i + 1, pages.length, format)), data }));
  const obsolete = obsoletePageFiles(folder, id, format, new Set(files.map((f) => f.file)));
  const output: BuildOutput = { format, file: folder, bytes: pages.reduce((n, p) => n + p.length, 0), pages: pages.length, files: files.map((f) => f.file) };
  return { files, obsolete, output };
}

/** Where the outputs go: --out (relative to the working folder), else the project's out folder. */
export function outDirOf(project: Project, options: Pick<BuildOptions, 'outDir' | 'cwd'>): string {
  return options.outDir ? path.resolve(options.cwd ?? process.cwd(), options.outDir) : project.outDir;
}

/** The PDF/A level of an issue's PDF: --pdfa, else the config's `pdfa` (false: none), else the template's. */
export function pdfaOf(project: Project, template: Template, options: Pick<BuildOptions, 'pdfa'>): PdfALevel | undefined {
  if (options.pdfa !== undefined) return options.pdfa || undefined;
  if (project.config.pdfa !== undefined) return pdfaLevelOf(project.config.pdfa);
  return pdfaLevelOf(template.pdfa);
}

/**
 * The PDF; an image that does not decode, or that PDF/A cannot hold, and a
 * character PDF/A-2 cannot show, are input errors at the line that names them.
 */
async function pdfOf(layout: Layout, pdfa: PdfALevel | undefined): Promise<Uint8Array> {
  const { CmykImageError, ImageDecodeError, NotdefGlyphError, renderPdf } = await import('./render/pdf/renderPdf.js');
  try {
    return await renderPdf(layout, { producer: PRODUCER, ...(pdfa ? { pdfa } : {}) });
  } catch (err) {
    if (err instanceof ImageDecodeError || err instanceof CmykImageError) {
      const { src, file, line, col } = err.source;
      const diag: Diagnostic =
        err instanceof CmykImageError
          ? { severity: 'error', code: 'pdfa.cmykImage', params: { src }, file, line, col }
          : { severity: 'error', code: 'image.corrupt', params: { src, detail: err.detail }, file, line, col };
      throw new InputError([diag]);
    }
    if (err instanceof NotdefGlyphError) {
      const ch = [...(err.run.actualText ?? err.run.text)][0] ?? '';
      const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      const where = err.run.source ?? {};
      throw new InputError([{ severity: 'error', code: 'pdfa.missingGlyph', params: { char: ch, code, level: pdfa?.toUpperCase() ?? '' }, ...where }]);
    }
    throw err;
  }
}

/** The documents' date: SOURCE_DATE_EPOCH when set, else the issue date (midnight UTC). Throws SourceDateEpochError. */
export function documentDate(date: IssueDate, env: NodeJS.ProcessEnv = process.env): Date {
  return sourceDateEpoch(env) ?? new Date(Date.UTC(date.year, date.month - 1, date.day));
}
