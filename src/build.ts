// One build: read → typeset → render → atomic write. Also the shared first
// half (read and typeset) used by `check`.
import path from 'node:path';
import { writeFilesAtomic } from './atomicWrite.js';
import { Diagnostics, InputError, promoteWarnings, type Diagnostic } from './diagnostics.js';
import { embeddedFonts } from './fonts/embeddedFonts.js';
import type { LintFix } from './lint/lintIssue.js';
import { lintInto } from './lint/lintReport.js';
import { FontSet } from './fonts/fontSet.js';
import type { Issue, IssueDate } from './model.js';
import type { Project } from './project/config.js';
import { ISSUE_FILE, readIssue, resolveIssueDir } from './read/readIssue.js';
import { renderDocx } from './render/docx.js';
import { ImageDecodeError, renderPdf } from './render/pdf.js';
import { loadTemplate, type Template } from './template/loadTemplate.js';
import { TypesetContext } from './typeset/context.js';
import type { Layout } from './typeset/layout.js';
import { typesetIssue } from './typeset/typesetIssue.js';
import { sourceDateEpoch } from './sourceDateEpoch.js';
import { PRODUCER } from './version.js';

export type Format = 'pdf' | 'docx';

export interface BuildOptions {
  formats?: Format[];
  /** Output folder; default the project's outDir. */
  outDir?: string;
  /** Include draft articles and mark every page 草稿. */
  drafts?: boolean;
  /** Warnings fail the build. */
  strict?: boolean;
  /** Carry subsets of the fonts in the DOCX. */
  embedFonts?: boolean;
  cwd?: string;
}

export interface BuildOutput {
  format: Format;
  file: string;
  bytes: number;
  pages?: number;
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
  const { issue, sources, diagnostics, templateWhere } = readIssue(project, dir, { drafts: options.drafts ?? false });
  const template = loadTemplate(issue.template, project.templatesDir, diagnostics, templateWhere ?? { file: path.join(dir, ISSUE_FILE) });
  diagnostics.throwIfErrors();
  const fonts = FontSet.load(template!, project.root, project.config.fontDirs, diagnostics);
  diagnostics.throwIfErrors();
  const ctx = new TypesetContext(template!, fonts!, diagnostics);
  const layout = typesetIssue(issue, ctx, { draft: options.drafts ?? false, date: documentDate(issue.meta.date) });
  diagnostics.throwIfErrors();
  // Typography findings are warnings: --strict makes them, like missing glyphs, fail the build.
  const fixes = lintInto(issue, sources, template!, layout, diagnostics);
  if (options.strict && diagnostics.warnings.length > 0) throw new InputError(promoteWarnings(diagnostics.items));
  return { issue, template: template!, fonts: fonts!, layout, diagnostics, fixes };
}

/** Build the outputs of one issue. Nothing is written unless every output rendered. */
export async function buildIssue(project: Project, issueRef: string, options: BuildOptions = {}): Promise<BuildResult> {
  const prepared = prepareIssue(project, issueRef, options);
  const formats = options.formats ?? ['pdf', 'docx'];
  const outDir = outDirOf(project, options);
  const rendered: Array<{ format: Format; data: Uint8Array; pages?: number }> = [];
  for (const format of formats) {
    if (format === 'pdf') {
      rendered.push({ format, data: await pdfOf(prepared.layout), pages: prepared.layout.pages.length });
    } else {
      const embedded = options.embedFonts ? await embeddedFonts(prepared.layout, prepared.template) : undefined;
      rendered.push({
        format,
        data: await renderDocx(prepared, { producer: PRODUCER, drafts: options.drafts ?? false, ...(embedded ? { embedded } : {}) }),
      });
    }
  }
  const files = rendered.map((r) => ({ ...r, file: path.join(outDir, `${prepared.issue.id}.${r.format}`) }));
  // Both outputs or neither: a PDF is never left beside a DOCX of another build.
  writeFilesAtomic(files);
  const outputs: BuildOutput[] = files.map((r) => ({ format: r.format, file: r.file, bytes: r.data.length, ...(r.pages !== undefined ? { pages: r.pages } : {}) }));
  return { issueId: prepared.issue.id, outputs, diagnostics: prepared.diagnostics.items };
}

/** Where the outputs go: --out (relative to the working folder), else the project's out folder. */
export function outDirOf(project: Project, options: Pick<BuildOptions, 'outDir' | 'cwd'>): string {
  return options.outDir ? path.resolve(options.cwd ?? process.cwd(), options.outDir) : project.outDir;
}

/** The PDF; an image that does not decode is an input error at the line that names it. */
async function pdfOf(layout: Layout): Promise<Uint8Array> {
  try {
    return await renderPdf(layout, { producer: PRODUCER });
  } catch (err) {
    if (!(err instanceof ImageDecodeError)) throw err;
    const { src, file, line, col } = err.source;
    throw new InputError([{ severity: 'error', code: 'image.corrupt', params: { src, detail: err.detail }, file, line, col }]);
  }
}

/** The documents' date: SOURCE_DATE_EPOCH when set, else the issue date (midnight UTC). Throws SourceDateEpochError. */
export function documentDate(date: IssueDate, env: NodeJS.ProcessEnv = process.env): Date {
  return sourceDateEpoch(env) ?? new Date(Date.UTC(date.year, date.month - 1, date.day));
}
