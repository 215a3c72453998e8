// A typesetting context over a built-in template and the bundled fonts; an
// issue read from files and typeset; the glyphs of a typeset page.
import path from 'node:path';
import { Diagnostics, type Diagnostic } from '../../src/diagnostics.js';
import { FontSet } from '../../src/fonts/fontSet.js';
import type { Issue } from '../../src/model.js';
import { loadProject } from '../../src/project/config.js';
import { readIssue } from '../../src/read/readIssue.js';
import { loadTemplate } from '../../src/template/loadTemplate.js';
import { TypesetContext } from '../../src/typeset/context.js';
import type { Layout, LayoutPage } from '../../src/typeset/layout.js';
import { typesetIssue } from '../../src/typeset/typesetIssue.js';
import { MINIMAL, writeProject } from './project.js';

const cache = new Map<string, TypesetContext>();

export function contextFor(templateName = 'jianbao'): TypesetContext {
  let ctx = cache.get(templateName);
  if (!ctx) {
    const diags = new Diagnostics();
    const template = loadTemplate(templateName, undefined, diags)!;
    const fonts = FontSet.load(template, undefined, [], diags)!;
    ctx = new TypesetContext(template, fonts, diags);
    cache.set(templateName, ctx);
  }
  return ctx;
}

export interface Typeset {
  issue: Issue;
  layout: Layout;
  ctx: TypesetContext;
  /** What typesetting reported (reading must report nothing). */
  diagnostics: Diagnostic[];
}

/**
 * Issue 2024-09 of a project made of MINIMAL and `files`, read and typeset
 * with the issue's template (a project template of that name when `files`
 * holds one).
 */
export function typesetFiles(files: Record<string, string | Uint8Array>): Typeset {
  const root = writeProject({ ...MINIMAL, ...files });
  const read = new Diagnostics();
  const project = loadProject(root, read);
  const { issue, diagnostics } = readIssue(project, path.join(project.issuesDir, '2024-09'));
  const template = loadTemplate(issue.template, project.templatesDir, read);
  const fonts = template && FontSet.load(template, root, [], read);
  const problems = [...read.items, ...diagnostics.errors];
  if (!fonts || problems.length > 0) throw new Error(`reading reported: ${JSON.stringify(problems)}`);
  const diags = new Diagnostics();
  const ctx = new TypesetContext(template, fonts, diags);
  const layout = typesetIssue(issue, ctx, { draft: false, date: new Date(0) });
  return { issue, layout, ctx, diagnostics: diags.items };
}

/** A glyph drawn on a page: its character, the left of its advance and its baseline. */
export interface DrawnGlyph {
  ch: string;
  x: number;
  y: number;
  size: number;
}

/** Every glyph of a page's text runs, each advancing by its face's width plus the run's spacing, as a PDF draws it. */
export function glyphsOf(page: LayoutPage, ctx: TypesetContext): DrawnGlyph[] {
  const out: DrawnGlyph[] = [];
  for (const item of page.items) {
    if (item.kind !== 'text') continue;
    let x = item.x;
    for (const ch of item.text) {
      out.push({ ch, x, y: item.y, size: item.size });
      x += ctx.fonts.face(item.face).advance(ch.codePointAt(0)!) * item.size + item.charSpacing;
    }
  }
  return out;
}

/** The glyphs of a page by baseline, top to bottom, each line left to right. */
export function glyphLines(page: LayoutPage, ctx: TypesetContext): DrawnGlyph[][] {
  const byY = new Map<string, DrawnGlyph[]>();
  for (const g of glyphsOf(page, ctx)) {
    const key = g.y.toFixed(3);
    byY.set(key, [...(byY.get(key) ?? []), g]);
  }
  return [...byY.values()].sort((a, b) => a[0]!.y - b[0]!.y).map((l) => l.sort((a, b) => a.x - b.x));
}

export const lineText = (line: DrawnGlyph[]): string => line.map((g) => g.ch).join('');
