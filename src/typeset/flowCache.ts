// Articles set once and reused while they do not change: the preview sets
// again only the article a save changed (docs: README, “Live preview”).
// An article's flow — its set-tree node and the flow blocks that place it —
// depends on nothing but the article, the template, the fonts and the issue's
// date (a 落款 may print it); what the
// issue around it decides (node ids, keeps across blocks, placements, pages)
// is decided again on every build: ids are renumbered, keeps and placements
// are recomputed by pagination, which starts each from scratch. The result is
// the Layout a build from nothing gives (tests/preview/incremental.test.ts).
import type { FontSet } from '../fonts/fontSet.js';
import type { Article } from '../model.js';
import type { Template } from '../template/loadTemplate.js';
import type { ArticleFlow, FlowOf } from './articleFlow.js';
import type { GlyphReport, TypesetContext } from './context.js';
import type { NodeId, SetArticle } from './layout.js';

interface Entry {
  template: Template;
  fonts: FontSet;
  /** The issue's date it was set with, as Y-M-D, when its 落款 prints it ('' otherwise). */
  issueDate: string;
  flow: FlowOf<SetArticle>;
  /** The ids its nodes have now: firstId … firstId + idCount − 1. */
  firstId: NodeId;
  idCount: number;
  /** What setting it reported (characters from fallback faces or from none), to report again. */
  reports: GlyphReport[];
}

export class FlowCache {
  /** By the article model: reading gives the same object for an unchanged file (ReadCache). */
  private entries = new WeakMap<Article, Entry>();

  /** The flow of `article`, set now or reused, with the ids a build from nothing would give it. */
  article(article: Article, flow: ArticleFlow, ctx: TypesetContext): FlowOf<SetArticle> {
    const entry = this.entries.get(article);
    const issueDate = dateKey(article, flow);
    if (entry && entry.template === ctx.template && entry.fonts === ctx.fonts && entry.issueDate === issueDate) {
      const delta = ctx.nextId - entry.firstId;
      if (delta !== 0) {
        shiftIds(entry.flow, delta);
        entry.firstId += delta;
      }
      ctx.skipIds(entry.idCount);
      for (const r of entry.reports) ctx.replay(r);
      return entry.flow;
    }
    const firstId = ctx.nextId;
    ctx.startRecording();
    let set: FlowOf<SetArticle>;
    let reports: GlyphReport[];
    try {
      set = flow.article(article);
    } finally {
      reports = ctx.stopRecording();
    }
    this.entries.set(article, { template: ctx.template, fonts: ctx.fonts, issueDate, flow: set, firstId, idCount: ctx.nextId - firstId, reports });
    return set;
  }
}

/** The issue's date as the article's flow depends on it: only a 落款 line `date: issue` prints it. */
function dateKey(article: Article, flow: ArticleFlow): string {
  if (!article.signature?.some((line) => 'date' in line && line.date === 'issue')) return '';
  const d = flow.issueDate;
  return `${d.year}-${d.month}-${d.day}`;
}

/**
 * Add `delta` to every node id of a flow: the `id` of each set-tree node
 * (and of the 编者按 boxes, labels, rows and cells), and the `node` of every
 * item's owner. Objects shared between places (a box, one owner of a run's
 * items) are changed once; the model the nodes point to is not visited.
 */
function shiftIds(flow: FlowOf<SetArticle>, delta: number): void {
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value) || ArrayBuffer.isView(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (key === 'model') continue;
      const v = obj[key];
      if (key === 'id' && typeof v === 'number') obj.id = v + delta;
      else if (key === 'owner' && typeof v === 'object' && v !== null && 'node' in v) {
        if (!seen.has(v)) {
          seen.add(v);
          (v as { node: number }).node += delta;
        }
      } else visit(v);
    }
  };
  visit(flow);
}
