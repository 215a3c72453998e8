// The preview's rebuild loop: one issue built again after every save, with
// drafts and the 草稿 watermark, into SVG pages held in memory — never into
// the output folder. Everything parsed is kept between rebuilds (BuildCaches:
// the config, templates, fonts, each article's model and flow), so a save
// costs the reading and setting of what it changed, pagination of the issue
// and the drawing of the pages that came out different. When the inputs are
// wrong the last good pages stay, with the problems beside them.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { prepareIssue } from '../build.js';
import { BuildCaches } from '../buildCaches.js';
import { Diagnostics, InputError, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { CONFIG_FILE, loadProject, type Project } from '../project/config.js';
import { SessionSubsets } from '../fonts/subsets.js';
import { resolveIssueDir } from '../read/readIssue.js';
import { svgFacesOf, type SvgFace } from '../render/svg/svgGlyphs.js';
import { svgPage } from '../render/svg/svgPage.js';
import type { Layout } from '../typeset/layout.js';
import { GlyphStore } from './glyphStore.js';
import { pageSignature } from './pageSignature.js';
import { fromRoot, renderProblem, type Problem } from './problems.js';
import type { Lang } from '../messages.js';

export interface PreviewPage {
  number: number;
  svg: string;
  /** Of the SVG: the page view fetches a page again only when it changed. */
  hash: string;
}

export interface PreviewState {
  /** Counts the rebuilds that gave pages. */
  version: number;
  /** The last good pages (none before the first good build). */
  pages: PreviewPage[];
  /** Problems of the last rebuild, errors first, as the page shows them. */
  problems: Problem[];
  /** The same, as found (notices too). */
  diagnostics: Diagnostic[];
  /** The last rebuild failed: its inputs have errors; the pages are older. */
  failed: boolean;
  /** Milliseconds the last rebuild took. */
  ms: number;
}

export interface PreviewOptions {
  root: string;
  issue: string;
  lang: Lang;
  cwd?: string;
  /** false with --no-system-fonts. */
  systemFonts?: boolean;
}

export class PreviewSession {
  private readonly caches = new BuildCaches();
  readonly glyphs = new GlyphStore();
  /** The faces' subsets, cut again only for a character the session has not drawn yet. */
  private readonly subsets = new SessionSubsets();
  /** The last good build's pages by what is on them: a page that did not change is not drawn again. */
  private drawn = new Map<string, string>();
  private project: Project | undefined;
  private state: PreviewState = { version: 0, pages: [], problems: [], diagnostics: [], failed: false, ms: 0 };

  constructor(private readonly options: PreviewOptions) {}

  get current(): PreviewState {
    return this.state;
  }

  /** The issue folder, once known (for the watcher). */
  issueDir(): string | undefined {
    const project = this.project ?? this.loadProjectQuietly();
    return project ? resolveIssueDir(project, this.options.issue, this.options.cwd) : undefined;
  }

  /** Build again; `changed`: the files the watcher saw change since the last rebuild (none: the first build). */
  async rebuild(changed: readonly string[] = []): Promise<PreviewState> {
    const start = performance.now();
    const root = this.options.root;
    if (!this.project || changed.includes(path.join(root, CONFIG_FILE))) this.project = undefined;
    if (this.project) this.caches.changed(changed, this.project);
    let diagnostics: Diagnostic[];
    let layout: Layout | undefined;
    try {
      const project = this.loadProjectOrThrow();
      const prepared = prepareIssue(project, this.options.issue, { drafts: true, caches: this.caches, systemFonts: this.options.systemFonts ?? true, ...(this.options.cwd ? { cwd: this.options.cwd } : {}) });
      layout = prepared.layout;
      diagnostics = prepared.diagnostics.items;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      diagnostics = err.diagnostics;
    }
    const problems = sortDiagnostics(diagnostics)
      .filter((d) => d.severity !== 'notice')
      .sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'))
      .map((d) => renderProblem(d, root, this.options.lang));
    if (!layout) {
      this.state = { ...this.state, problems, diagnostics, failed: true, ms: performance.now() - start };
      return this.state;
    }
    const pages = await this.draw(layout);
    this.state = { version: this.state.version + 1, pages, problems, diagnostics, failed: false, ms: performance.now() - start };
    return this.state;
  }

  /**
   * The issue folder is gone or unreadable (the watcher saw it): the last
   * good pages stay, with that problem beside them, until it is back.
   */
  folderUnavailable(problem: Diagnostic): PreviewState {
    const problems = [renderProblem(problem, this.options.root, this.options.lang)];
    this.state = { ...this.state, problems, diagnostics: [problem], failed: true, ms: 0 };
    return this.state;
  }

  /** Each page as SVG, with its text selectable and each line saying where it was written. */
  private async draw(layout: Layout): Promise<PreviewPage[]> {
    const faces = await svgFacesOf(layout, await this.subsets.of(layout));
    const root = this.options.root;
    const options = {
      textLayer: true,
      sourceLabel: (pos: { file: string; line: number; col: number }) => `${fromRoot(root, pos.file)}:${pos.line}:${pos.col}`,
      glyphRef: (face: SvgFace, glyph: number) => this.glyphs.ref(face, glyph),
    };
    const drawn = new Map<string, string>();
    const pages = layout.pages.map((page) => {
      const signature = pageSignature(layout, page);
      const svg = drawn.get(signature) ?? this.drawn.get(signature) ?? svgPage(layout, page, faces, options);
      drawn.set(signature, svg);
      return { number: page.number, svg, hash: createHash('sha1').update(svg).digest('hex').slice(0, 16) };
    });
    this.drawn = drawn;
    return pages;
  }

  private loadProjectOrThrow(): Project {
    if (this.project) return this.project;
    const diags = new Diagnostics();
    const project = loadProject(this.options.root, diags);
    if (diags.hasErrors()) throw new InputError(diags.items);
    this.project = project;
    return project;
  }

  private loadProjectQuietly(): Project | undefined {
    try {
      return this.loadProjectOrThrow();
    } catch {
      return undefined;
    }
  }
}
