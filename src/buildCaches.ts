// What a long-running process (the preview) keeps between builds of one
// issue: files as read and articles as modelled (ReadCache), templates and
// their fonts as loaded, articles as set (FlowCache). prepareIssue with these
// gives the same Layout and diagnostics as without them, sooner.
import path from 'node:path';
import { Diagnostics, type Diagnostic } from './diagnostics.js';
import { FontSet, type FontSetOptions } from './fonts/fontSet.js';
import type { Where } from './diagnostics.js';
import { CONFIG_FILE } from './project/config.js';
import { ReadCache } from './read/readCache.js';
import { loadTemplate, type Template } from './template/loadTemplate.js';
import { FlowCache } from './typeset/flowCache.js';

interface TemplateEntry {
  template: Template;
  diagnostics: Diagnostic[];
  fonts?: { key: string; set: FontSet; diagnostics: Diagnostic[] };
}

export class BuildCaches {
  readonly read = new ReadCache();
  readonly flows = new FlowCache();
  private readonly templates = new Map<string, TemplateEntry>();

  /**
   * Files changed on disk: what was read from them is read again; a change
   * under the project's templates folder or to its config loads templates
   * and fonts again (a new project template may hide a built-in one).
   */
  changed(files: Iterable<string>, project: { root: string; templatesDir: string }): void {
    const list = [...files];
    this.read.forget(list);
    const config = path.join(project.root, CONFIG_FILE);
    if (list.some((f) => f === config || f === project.templatesDir || f.startsWith(project.templatesDir + path.sep))) this.templates.clear();
  }

  /** loadTemplate, once while the templates do not change. */
  template(name: string, templatesDir: string | undefined, diags: Diagnostics, where?: Where): Template | undefined {
    const key = `${name}\0${templatesDir ?? ''}`;
    const known = this.templates.get(key);
    if (known) {
      diags.items.push(...known.diagnostics);
      return known.template;
    }
    const own = new Diagnostics();
    const template = loadTemplate(name, templatesDir, own, where);
    diags.items.push(...own.items);
    if (template && !own.hasErrors()) this.templates.set(key, { template, diagnostics: own.items });
    return template;
  }

  /** FontSet.load, once for a template while the templates do not change. */
  fonts(template: Template, projectRoot: string | undefined, extraDirs: string[], diags: Diagnostics, options: FontSetOptions = {}): FontSet | undefined {
    const entry = [...this.templates.values()].find((e) => e.template === template);
    const key = JSON.stringify([projectRoot, extraDirs, options.systemFonts ?? true]);
    if (entry?.fonts?.key === key) {
      diags.items.push(...entry.fonts.diagnostics);
      return entry.fonts.set;
    }
    const own = new Diagnostics();
    const set = FontSet.load(template, projectRoot, extraDirs, own, options);
    diags.items.push(...own.items);
    if (entry && set && !own.hasErrors()) entry.fonts = { key, set, diagnostics: own.items };
    return set;
  }
}
