// Reading an issue folder: project defaults + issue.yaml + the articles → the
// typed, validated Issue model. Every problem is reported, not only the first.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { Diagnostics, InputError } from '../diagnostics.js';
import { isDirectory, isFile, realFolder, realPathWithin, resolveInside } from '../fileKinds.js';
import type { Article, DistributionEntry, Issue, IssueDate, IssueMeta, SourcePos } from '../model.js';
import { defaultTemplate, type Project } from '../project/config.js';
import { parseIssueDate } from '../text/issueDates.js';
import { normalizeText } from '../text/normalize.js';
import { readArticle } from './article.js';
import type { ReadCache } from './readCache.js';
import { issueFieldsSchema, REQUIRED_ISSUE_KEYS, type IssueFields } from './issueSchema.js';
import { validateYaml } from './schemaIssues.js';
import { megabytes } from './images.js';
import { readSourceFile } from './sourceFile.js';
import { parseYaml, type YamlSource } from './yamlSource.js';

export const ISSUE_FILE = 'issue.yaml';
/**
 * An issue folder's name (docs/interface.md §2, README “期次”): letters and digits
 * of any script (with their combining marks, as in 2024年10月) and . _ -,
 * not starting with a dot.
 */
export const ISSUE_ID = /^(?!\.)[\p{L}\p{M}\p{Nd}._-]+$/u;

export interface ReadOptions {
  /** Include articles marked `draft: true`. */
  drafts?: boolean;
  /** What an earlier reading of these files found, reused where they have not changed (the preview). */
  cache?: ReadCache;
}

/**
 * The folder of an issue named on the command line: an id under the issues
 * folder, or a path to a folder.
 */
export function resolveIssueDir(project: Project, ref: string, cwd = process.cwd()): string | undefined {
  // A bare name is first a folder under issuesDir (even one that is not a valid id, so that it is reported).
  const bare = ref !== '' && !/[\\/]/.test(ref) && ref !== '.' && ref !== '..';
  const candidates = bare ? [path.join(project.issuesDir, ref), path.resolve(cwd, ref)] : [path.resolve(cwd, ref)];
  return candidates.find((dir) => isDirectory(dir));
}


/** Read the issue in `dir`. Throws InputError carrying every problem found. */
export interface ReadResult {
  issue: Issue;
  /** The text of each article read (LF line ends, no BOM), by file: what the typography lint reads. */
  sources: Map<string, string>;
  diagnostics: Diagnostics;
  /** Where the issue's template was named (issue.yaml or the config), for messages about it. */
  templateWhere?: SourcePos;
}

export function readIssue(project: Project, dir: string, options: ReadOptions = {}): ReadResult {
  const diags = new Diagnostics();
  const cache = options.cache;
  const readText = (file: string): string | undefined => (cache ? cache.source(file, diags) : readSourceFile(file, diags));
  const id = path.basename(dir);
  const issueFile = path.join(dir, ISSUE_FILE);
  if (!ISSUE_ID.test(id)) {
    // Its name would name the outputs: nothing else is read until it is renamed.
    diags.error('issue.badId', { file: dir }, { id });
    throw new InputError(diags.items);
  }

  if (!isFile(issueFile)) {
    diags.error('issue.noIssueYaml', { file: issueFile });
    throw new InputError(diags.items);
  }
  // Every file is read on the issue's behalf only if, links followed, it lies
  // inside the issue folder (itself possibly a link).
  const realDir = realFolder(dir);
  if (realPathWithin(realDir, issueFile) === 'outside') {
    diags.error('link.outside', { file: issueFile, line: 1, col: 1 }, { name: ISSUE_FILE });
    throw new InputError(diags.items);
  }
  const text = readSourceFile(issueFile, diags);
  if (text === undefined) throw new InputError(diags.items);
  const src = parseYaml(text, issueFile, diags);
  const fields = src ? validateYaml(issueFieldsSchema, src.value, src, diags) : undefined;
  const defaults = project.config.defaults;

  const meta = fields && src ? buildMeta(fields, defaults, src, project.configSource, diags) : undefined;
  const articleFiles = listArticles(dir, realDir, fields?.articles, src, diags);
  const articles: Article[] = [];
  const { limits } = project.config;
  const images = { issueDir: dir, realDir, maxBytes: limits.imageMB * 1024 * 1024, maxPixels: limits.imagePixels };
  const sources = new Map<string, string>();
  for (const file of articleFiles) {
    // Over the limit, an article is refused before it is read (README “限制”).
    const size = fileSize(file);
    if (size !== undefined && size > limits.articleMB * 1024 * 1024) {
      diags.error('article.tooLarge', { file, line: 1, col: 1 }, { size: megabytes(size, 1), limit: String(limits.articleMB) });
      continue;
    }
    const text = readSourceFile(file, diags);
    if (text === undefined) continue;
    const article = cache ? cache.article(file, text, images, diags) : readArticle(file, text, images, diags);
    if (article && (options.drafts || !article.draft)) {
      articles.push(article);
      sources.set(file, text);
    }
  }
  if (articleFiles.length > 0 && articles.length === 0 && !diags.hasErrors()) {
    diags.error('issue.noArticles', { file: issueFile, line: 1, col: 1 });
  }
  diags.throwIfErrors();
  const template = fields?.template ?? defaultTemplate(project);
  const config = project.configSource;
  const templateWhere =
    fields?.template !== undefined && src
      ? src.posOf(['template'])
      : defaults.template !== undefined && config
        ? config.posOf(['defaults', 'template'])
        : config?.has(['template'])
          ? config.posOf(['template'])
          : undefined;
  return { issue: { id, dir, meta: meta!, template, articles }, sources, diagnostics: diags, ...(templateWhere ? { templateWhere } : {}) };
}

function fileSize(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

function buildMeta(
  fields: IssueFields,
  defaults: Omit<IssueFields, 'articles'>,
  src: YamlSource,
  configSrc: YamlSource | undefined,
  diags: Diagnostics,
): IssueMeta | undefined {
  const merged = { ...defaults, ...fields };
  let complete = true;
  for (const key of REQUIRED_ISSUE_KEYS) {
    if (merged[key] === undefined) {
      diags.error('key.missingAnywhere', { file: src.file, line: 1, col: 1 }, { key });
      complete = false;
    }
  }
  if (!complete) return undefined;
  // The schema has checked the date: it parses.
  const date = parseIssueDate(merged.date!) as IssueDate;
  // Positions of distribution entries: from issue.yaml, or the config's defaults.
  const distSrc = fields.distribution !== undefined ? src : configSrc;
  const distPath = fields.distribution !== undefined ? ['distribution'] : ['defaults', 'distribution'];
  const where = (key: 'organization' | 'title' | 'editor' | 'number' | 'marks' | 'copyNumber'): SourcePos =>
    fields[key] !== undefined || !configSrc ? src.posOf([key]) : configSrc.posOf(['defaults', key]);
  const meta: IssueMeta = {
    organization: normalizeText(merged.organization!),
    title: normalizeText(merged.title!),
    editor: normalizeText(merged.editor!),
    date,
    distribution: distributionEntries(merged.distribution ?? {}, distSrc, distPath),
    draft: merged.draft ?? false,
    toc: merged.toc ?? false,
    where: { organization: where('organization'), title: where('title'), editor: where('editor') },
  };
  if (merged.marks !== undefined && (merged.marks.left !== undefined || merged.marks.right !== undefined)) {
    meta.marks = {
      ...(merged.marks.left !== undefined ? { left: normalizeText(merged.marks.left) } : {}),
      ...(merged.marks.right !== undefined ? { right: normalizeText(merged.marks.right) } : {}),
    };
    meta.where.marks = where('marks');
  }
  if (merged.copyNumber !== undefined) {
    meta.copyNumber = typeof merged.copyNumber === 'string' ? normalizeText(merged.copyNumber) : merged.copyNumber;
    meta.where.copyNumber = where('copyNumber');
  }
  if (merged.number !== undefined) {
    meta.number = typeof merged.number === 'string' ? normalizeText(merged.number) : merged.number;
    meta.where.number = where('number');
  }
  if (merged.totalNumber !== undefined) meta.totalNumber = merged.totalNumber;
  if (merged.copies !== undefined) meta.copies = merged.copies;
  return meta;
}

/** The 报尾 entries in the order written in the YAML map. */
function distributionEntries(
  dist: Record<string, string | string[]>,
  src: YamlSource | undefined,
  basePath: string[],
): DistributionEntry[] {
  // The schema trimmed the labels (`报 ` is 报); the YAML keys are as written.
  const order = yamlKeyOrder(src, basePath) ?? Object.keys(dist);
  return order
    .filter((raw) => dist[raw.trim()] !== undefined)
    .map((raw): DistributionEntry => {
      const label = raw.trim();
      const value = dist[label]!;
      const pos: SourcePos = src ? src.posOf([...basePath, raw], 'key') : { file: '', line: 1, col: 1 };
      const cleanLabel = normalizeText(label);
      return Array.isArray(value)
        ? { label: cleanLabel, kind: 'list', recipients: value.map(normalizeText), pos }
        : { label: cleanLabel, kind: 'text', text: normalizeText(value), pos };
    });
}

function yamlKeyOrder(src: YamlSource | undefined, basePath: string[]): string[] | undefined {
  const node = src?.doc.getIn(basePath, true) as Node | undefined;
  if (!isMap(node)) return undefined;
  return node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter((k) => k !== '');
}

/** The article files in order: `articles` from issue.yaml, or every *.md by name. */
function listArticles(dir: string, realDir: string, listed: string[] | undefined, src: YamlSource | undefined, diags: Diagnostics): string[] {
  if (listed === undefined) {
    // Hidden files (an editor's lock file .#01.md, macOS's ._01.md) are not articles.
    const names = readdirSync(dir)
      .filter((n) => n.toLowerCase().endsWith('.md') && !n.startsWith('.') && isFile(path.join(dir, n)))
      .sort();
    if (names.length === 0) diags.error('issue.noArticles', { file: path.join(dir, ISSUE_FILE), line: 1, col: 1 });
    return names
      .map((n) => path.join(dir, n))
      .filter((file) => {
        if (realPathWithin(realDir, file) !== 'outside') return true;
        diags.error('link.outside', { file, line: 1, col: 1 }, { name: path.basename(file) });
        return false;
      });
  }
  const seen = new Set<string>();
  const files: string[] = [];
  const listNode = src?.doc.get('articles', true);
  listed.forEach((name, i) => {
    const where = src && isSeq(listNode) ? src.posOf(['articles', i]) : undefined;
    const file = resolveInside(dir, name);
    if (file === undefined) {
      diags.error('issue.articleOutside', where, { name });
    } else if (!name.toLowerCase().endsWith('.md')) {
      diags.error('issue.articleNotMarkdown', where, { name });
    } else if (seen.has(file)) {
      diags.error('issue.articleTwice', where, { name });
    } else if (!isFile(file)) {
      diags.error('issue.articleMissing', where, { name });
    } else if (realPathWithin(realDir, file) === 'outside') {
      diags.error('link.outside', where, { name });
    } else {
      seen.add(file);
      files.push(file);
    }
  });
  if (listed.length === 0) diags.error('issue.noArticles', src?.posOf(['articles']), {});
  return files;
}

