// One article file: YAML front-matter (title, section, source, draft) and a
// CommonMark body.
import matter from 'gray-matter';
import type { Diagnostics } from '../diagnostics.js';
import type { Article, IssueDate, SignatureLine, TitleLine } from '../model.js';
import { parseIssueDate } from '../text/issueDates.js';
import { normalizeText } from '../text/normalize.js';
import type { ImageRules } from './images.js';
import { frontMatterSchema } from './issueSchema.js';
import { markdownToBlocks } from './markdown.js';
import { validateYaml } from './schemaIssues.js';
import { parseYaml } from './yamlSource.js';

/** gray-matter only splits the file; the YAML is parsed with positions below. */
const RAW_YAML = { yaml: { parse: (raw: string) => ({ raw }) } } as unknown as matter.GrayMatterOption<string, never>['engines'];

/** The article in `file`, whose text (LF line ends) is `text`. */
export function readArticle(file: string, text: string, images: ImageRules, diags: Diagnostics): Article | undefined {
  if (!/^---[ \t]*\n/.test(text)) {
    diags.error('article.noFrontMatter', { file, line: 1, col: 1 });
    return undefined;
  }
  const split = matter(text, { engines: RAW_YAML });
  // The front-matter text starts with the newline that ends the opening ---,
  // so its line numbers are the file's.
  const front = parseYaml(split.matter, file, diags, 0);
  const prefix = text.slice(0, text.length - split.content.length);
  const bodyLineOffset = (prefix.match(/\n/g) ?? []).length;
  const errorsBefore = diags.errors.length;
  const blocks = markdownToBlocks(split.content, { file, lineOffset: bodyLineOffset, diags, images });
  if (!front) return undefined;
  const fm = validateYaml(frontMatterSchema, front.value, front, diags);
  if (!fm || diags.errors.length > errorsBefore) return undefined;
  const titleLines = typeof fm.title === 'string' ? [fm.title] : fm.title;
  const title: TitleLine[] = titleLines.map((line, i) => ({
    text: normalizeText(line),
    pos: front.posOf(typeof fm.title === 'string' ? ['title'] : ['title', i]),
  }));
  if (blocks.length === 0) {
    diags.error('article.empty', { file, line: bodyLineOffset + 1, col: 1 });
    return undefined;
  }
  const article: Article = { file, title, draft: fm.draft ?? false, blocks, pos: { file, line: 1, col: 1 } };
  if (fm.section !== undefined) article.section = normalizeText(fm.section);
  if (fm.source !== undefined) article.source = normalizeText(fm.source);
  if (fm.signature !== undefined) {
    article.signature = fm.signature.map((line, i): SignatureLine => {
      const pos = front.posOf(['signature', i]);
      if (typeof line === 'string') return { text: normalizeText(line), pos };
      // The schema has checked that a date parses.
      return { date: line.date === 'issue' ? 'issue' : (parseIssueDate(line.date) as IssueDate), pos };
    });
  }
  return article;
}
