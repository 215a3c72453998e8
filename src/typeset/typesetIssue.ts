// Typesetting a whole issue, in named steps: the masthead, the articles into
// set-tree nodes and flow blocks, the 本期要目 box, their keeps, pagination
// on the grid (again, until the box's page numbers are the pages its titles
// come out on), the 报尾's place, the pages, and the document's metadata →
// the Layout.
import type { Issue } from '../model.js';
import { ArticleFlow } from './articleFlow.js';
import { composePages } from './composePages.js';
import type { TypesetContext } from './context.js';
import { typesetDistribution, type DistributionBlock } from './distribution.js';
import { typesetToc, tocIdCount } from './contents.js';
import { articlesOf, documentFaces, documentMetadata, documentOutline } from './documentMetadata.js';
import { tooTall, type FlowBlock } from './flow.js';
import type { FlowCache } from './flowCache.js';
import type { Layout, NodeId, SetArticle, SetIssue, SetSection, SetToc } from './layout.js';
import { typesetMasthead } from './masthead.js';
import { pageNumberSetting } from './pageNumber.js';
import { paginate, resolveKeeps, type PagedLine } from './paginate.js';
import { placeDistribution } from './placeDistribution.js';
import { typesetWatermark } from './watermark.js';

export interface TypesetOptions {
  /** Mark every page 草稿. */
  draft: boolean;
  /** The documents' date (creation date in the PDF's metadata). */
  date: Date;
  /** Articles set by an earlier build, reused while unchanged (the preview). */
  flows?: FlowCache;
}

export function typesetIssue(issue: Issue, ctx: TypesetContext, options: TypesetOptions): Layout {
  const geometry = ctx.geometry;
  const masthead = typesetMasthead(issue.meta, ctx);
  const firstGridLine = bodyStart(masthead.node.rule.y, ctx);

  const tocIds = issue.meta.toc ? ctx.reserveIds(tocIdCount(issue.articles)) : undefined;
  const { body, blocks: articleBlocks } = flowArticles(issue, ctx, options.flows);
  const { toc, blocks, paged } = paginateWithToc(body, articleBlocks, tocIds, firstGridLine, ctx, issue);

  const dist = typesetDistribution(issue.meta, ctx);
  reportTooTall(blocks, dist, issue, ctx);
  const distribution = dist ? { block: dist, place: placeDistribution(dist, paged, firstGridLine, ctx) } : undefined;
  const watermark = options.draft || issue.meta.draft ? typesetWatermark(ctx) : undefined;

  const pages = composePages({ masthead, paged, blocks, ...(distribution ? { distribution } : {}), ...(watermark ? { watermark } : {}) }, ctx);
  const set: SetIssue = {
    kind: 'issue',
    masthead: { ...masthead.node, firstGridLine },
    ...(toc ? { toc } : {}),
    pageNumber: pageNumberSetting(ctx),
    body,
    ...(distribution ? { distribution: distribution.place } : {}),
    ...(watermark ? { watermark: watermark.node } : {}),
  };
  return {
    width: geometry.pageWidth,
    height: geometry.pageHeight,
    pages,
    issue: set,
    faces: documentFaces(ctx),
    outline: documentOutline(set, ctx),
    metadata: documentMetadata(issue, set, options.date, ctx),
  };
}

/** Most times an issue is set for the 本期要目's page numbers to hold: they settle on the second pass unless a number's width moves a line. */
const TOC_PASSES = 5;

/**
 * The flow paginated, with the 本期要目 box first when the issue asks for
 * it: set with the pages its titles came out on in the pass before, until
 * two passes agree (at most TOC_PASSES; a box that never settles is
 * reported and keeps its last numbers).
 */
function paginateWithToc(
  body: SetIssue['body'],
  articleBlocks: FlowBlock[],
  tocIds: (() => () => NodeId) | undefined,
  firstGridLine: number,
  ctx: TypesetContext,
  issue: Issue,
): { toc?: SetToc; blocks: FlowBlock[]; paged: PagedLine[][] } {
  const geometry = ctx.geometry;
  if (!tocIds) {
    resolveKeeps(articleBlocks);
    return { blocks: articleBlocks, paged: paginate(articleBlocks, geometry.linesPerPage, firstGridLine) };
  }
  let pages = new Map<NodeId, number>();
  for (let pass = 1; ; pass++) {
    const toc = typesetToc(body, pages, ctx, tocIds());
    const blocks = [...toc.blocks, ...articleBlocks];
    resolveKeeps(blocks);
    const paged = paginate(blocks, geometry.linesPerPage, firstGridLine);
    const found = titlePages(body, blocks, paged);
    toc.node.passes = pass;
    const settled = toc.node.items.every((item) => item.kind !== 'tocEntry' || found.get(item.article) === item.page);
    if (settled || pass === TOC_PASSES) {
      if (!settled) ctx.diags.warn('toc.unstable', issue.meta.where.title, { passes: pass });
      return { toc: toc.node, blocks, paged };
    }
    pages = found;
  }
}

/** The page each article's title came out on, by the article's id. */
function titlePages(body: SetIssue['body'], blocks: readonly FlowBlock[], paged: readonly PagedLine[][]): Map<NodeId, number> {
  const owner = new Map(articlesOf({ body } as SetIssue).map((a) => [a.title as FlowBlock['node'], a.id]));
  const found = new Map<NodeId, number>();
  paged.forEach((lines, p) => {
    for (const { block, index } of lines) {
      const article = owner.get(blocks[block]!.node);
      if (article !== undefined && index === 0) found.set(article, p + 1);
    }
  });
  return found;
}

/** The first grid line whose body baseline lies bodyGap pitches below the masthead's rule. */
function bodyStart(ruleY: number, ctx: TypesetContext): number {
  const geometry = ctx.geometry;
  const bodyBaseline = ctx.baselineIn(0, geometry.pitch, geometry.body.size, geometry.body.face);
  const minBaseline = ruleY + ctx.template.masthead.bodyGap * geometry.pitch;
  return Math.max(0, Math.ceil((minBaseline - bodyBaseline) / geometry.pitch - 1e-6));
}

/** The articles as set-tree nodes (runs of one section under its heading) and the flow blocks that place them. */
function flowArticles(issue: Issue, ctx: TypesetContext, cache: FlowCache | undefined): { body: SetIssue['body']; blocks: FlowBlock[] } {
  const flow = new ArticleFlow(ctx, issue.meta.date);
  const body: Array<SetSection | SetArticle> = [];
  const blocks: FlowBlock[] = [];
  let section: SetSection | undefined;
  for (const article of issue.articles) {
    if (article.section === undefined) {
      section = undefined;
    } else if (article.section !== section?.name) {
      const heading = flow.section(article.section, article);
      section = { kind: 'section', id: ctx.newId(), pos: article.pos, name: article.section, heading: heading.node, articles: [] };
      body.push(section);
      blocks.push(...heading.blocks);
    }
    const set = cache ? cache.article(article, flow, ctx) : flow.article(article);
    if (section) section.articles.push(set.node);
    else body.push(set.node);
    blocks.push(...set.blocks);
  }
  return { body, blocks };
}

/**
 * What cannot break across pages must fit on one: every such piece of the
 * flow, and the 报尾, which has a page's text block at most.
 */
function reportTooTall(blocks: readonly FlowBlock[], dist: DistributionBlock | undefined, issue: Issue, ctx: TypesetContext): void {
  const geometry = ctx.geometry;
  for (const { unit, lines } of tooTall(blocks, geometry.linesPerPage)) {
    ctx.diags.error('block.tooTall', unit.pos, { what: unit.what, lines, max: geometry.linesPerPage });
  }
  if (dist && dist.node.height > geometry.height + 1e-6) {
    // In the 报尾's own lines: those it has, and those its rows leave room for.
    const pitch = ctx.template.distribution.linePitch;
    const lines = dist.lines.length;
    const padding = dist.node.height - lines * pitch;
    const max = Math.floor((geometry.height - padding) / pitch + 1e-6);
    ctx.diags.error('block.tooTall', issue.meta.distribution[0]?.pos, { what: 'distribution', lines, max });
  }
}
