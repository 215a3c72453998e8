// What the documents say about themselves: title (bulletin title and 期号),
// author, subject, keywords (the articles' titles), language and date; the
// bookmarks, one an article, under their section; the faces drawn with.
import type { Issue } from '../model.js';
import type { TypesetContext } from './context.js';
import type { DocumentMetadata, FaceInfo, OutlineEntry, SetArticle, SetIssue } from './layout.js';
import { issueNumberText } from './masthead.js';

export function documentMetadata(issue: Issue, set: SetIssue, date: Date, ctx: TypesetContext): DocumentMetadata {
  const meta = issue.meta;
  const numberText = issueNumberText(meta, ctx.template) ?? '';
  return {
    title: [meta.title, numberText].filter(Boolean).join(' '),
    author: meta.editor,
    subject: `${meta.organization}${meta.title}`,
    keywords: articlesOf(set).map(articleTitle),
    language: 'zh-CN',
    date,
  };
}

/** Every article, in reading order. */
export function articlesOf(set: SetIssue): SetArticle[] {
  return set.body.flatMap((n) => (n.kind === 'section' ? n.articles : [n]));
}

/** An article's title as one string: the author's lines joined. */
export function articleTitle(article: SetArticle): string {
  return article.model.title.map((l) => l.text).join('');
}

/** A bookmark for each article where its title is drawn; a section's articles under a bookmark of the section. */
export function documentOutline(set: SetIssue, ctx: TypesetContext): OutlineEntry[] {
  const at = (placements: { page: number; gridLine: number }[]) => {
    const first = placements[0];
    return first ? { page: first.page, y: ctx.gridLineTop(first.gridLine) } : undefined;
  };
  const entry = (article: SetArticle): OutlineEntry[] => {
    const where = at(article.title.placements);
    return where ? [{ title: articleTitle(article), ...where, children: [] }] : [];
  };
  return set.body.flatMap((n): OutlineEntry[] => {
    if (n.kind === 'article') return entry(n);
    const where = at(n.heading.placements);
    const children = n.articles.flatMap(entry);
    return where ? [{ title: n.name, ...where, children }] : children;
  });
}

export function documentFaces(ctx: TypesetContext): Record<string, FaceInfo> {
  const faces: Record<string, FaceInfo> = {};
  for (const f of ctx.fonts.all) faces[f.key] = { file: f.file, postscriptName: f.postscriptName, familyName: f.familyName };
  return faces;
}
