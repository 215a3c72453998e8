// Typesetting a whole issue: masthead, articles on the grid, pagination,
// 报尾, page numbers → the Layout that renderers draw.
import type { Issue } from '../model.js';
import { ArticleFlow } from './articleFlow.js';
import type { TypesetContext } from './context.js';
import { typesetDistribution, type DistributionBlock } from './distribution.js';
import { tooTall, translateItems, type FlowBlock } from './flow.js';
import type { Layout, LayoutItem, LayoutPage, OutlineEntry } from './layout.js';
import { issueNumberText, typesetMasthead } from './masthead.js';
import { typesetPageNumber } from './pageNumber.js';
import { paginate, type PagedLine } from './paginate.js';
import { glyphsToRuns } from './runs.js';
import { oneLine } from './setLines.js';

export interface TypesetOptions {
  /** Mark every page 草稿. */
  draft: boolean;
  /** The documents' date (creation date in the PDF's metadata). */
  date: Date;
}

export function typesetIssue(issue: Issue, ctx: TypesetContext, options: TypesetOptions): Layout {
  const g = ctx.geometry;
  const masthead = typesetMasthead(issue.meta, ctx);
  const bodyBaseline = ctx.baselineIn(0, g.pitch, g.body.size, g.body.face);
  // The first grid line whose body baseline lies bodyGap pitches below the rule.
  const minBaseline = masthead.ruleY + ctx.template.masthead.bodyGap * g.pitch;
  const firstSlot = Math.max(0, Math.ceil((minBaseline - bodyBaseline) / g.pitch - 1e-6));

  const flow = new ArticleFlow(ctx);
  const blocks: FlowBlock[] = [];
  let section: string | undefined;
  for (const article of issue.articles) {
    if (article.section !== undefined && article.section !== section) blocks.push(flow.section(article.section, article));
    section = article.section;
    blocks.push(...flow.article(article));
  }
  const paged = paginate(blocks, g.linesPerPage, firstSlot);

  // The 报尾 sits at the foot of the last page, or of a page of its own.
  const dist = typesetDistribution(issue.meta, ctx);
  reportTooTall(blocks, dist, issue, ctx);
  let distPage = paged.length - 1;
  let distNewPage = false;
  let contentBottom = 0;
  if (dist) {
    const last = paged[distPage]!;
    const used = last.length > 0 ? Math.max(...last.map((l) => l.slot + l.line.slots)) : distPage === 0 ? firstSlot : 0;
    contentBottom = used * g.pitch;
    const free = g.height - (used + ctx.template.distribution.spaceAbove) * g.pitch;
    if (dist.height > free + 1e-6) {
      paged.push([]);
      distPage++;
      distNewPage = true;
      contentBottom = 0;
    }
  }

  const outline: OutlineEntry[] = [];
  const pages: LayoutPage[] = paged.map((lines, i) => {
    const number = i + 1;
    const x0 = ctx.textBlockX(number);
    const page: LayoutPage = { number, textBlock: { x: x0, y: g.top, width: g.width, height: g.height }, items: [], lines: [] };
    if (i === 0) {
      page.items.push(...translateItems(masthead.items, x0, g.top));
      page.lines.push(...masthead.lines);
    }
    for (const { line, slot } of lines) {
      const top = ctx.slotTop(slot);
      page.items.push(...translateItems(line.items, x0, top));
      if (line.text !== undefined) page.lines.push({ text: line.text });
      if (line.outline) outline.push({ title: line.outline, page: number, y: top });
    }
    page.items.push(...boxes(lines, x0, ctx));
    if (dist && i === distPage) {
      page.items.push(...translateItems(dist.items, x0, g.top + g.height - dist.height));
      page.lines.push(...dist.lines);
    }
    const pn = typesetPageNumber(number, ctx);
    page.items.push(...pn.runs);
    page.lines.push({ text: pn.text });
    // Under the text, so it never hides a character.
    if (options.draft || issue.meta.draft) page.items.unshift(...watermark(ctx));
    return page;
  });

  const meta = issue.meta;
  const numberText = issueNumberText(meta, ctx) ?? '';
  const faces: Layout['faces'] = {};
  for (const f of ctx.fonts.all) faces[f.key] = { file: f.file, postscriptName: f.postscriptName, familyName: f.familyName };
  return {
    width: g.pageWidth,
    height: g.pageHeight,
    pages,
    masthead: { ...masthead.sizes, ruleY: masthead.ruleY, firstSlot, ...(numberText ? { numberText } : {}) },
    titles: flow.titles,
    blocks: flow.blocks,
    ...(dist
      ? {
          distribution: {
            page: distPage + 1,
            top: g.height - dist.height,
            height: dist.height,
            contentBottom,
            newPage: distNewPage,
            labelWidths: dist.labelWidths,
          },
        }
      : {}),
    faces,
    outline,
    metadata: {
      title: [meta.title, numberText].filter(Boolean).join(' '),
      author: meta.editor,
      subject: `${meta.organization}${meta.title}`,
      language: 'zh-CN',
      date: options.date,
    },
  };
}

/**
 * What cannot break across pages must fit on one: every such piece of the
 * flow, and the 报尾, which has a page's text block at most.
 */
function reportTooTall(blocks: readonly FlowBlock[], dist: DistributionBlock | undefined, issue: Issue, ctx: TypesetContext): void {
  const g = ctx.geometry;
  for (const { unit, lines } of tooTall(blocks, g.linesPerPage)) {
    ctx.diags.error('block.tooTall', unit.pos, { what: unit.what, lines, max: g.linesPerPage });
  }
  if (dist && dist.height > g.height + 1e-6) {
    // In the 报尾's own lines: those it has, and those its rows leave room for.
    const pitch = ctx.template.distribution.linePitch;
    const padding = dist.height - dist.lines.length * pitch;
    const max = Math.floor((g.height - padding) / pitch + 1e-6);
    ctx.diags.error('block.tooTall', issue.meta.distribution[0]?.pos, { what: 'distribution', lines: dist.lines.length, max });
  }
}

/** Rules around consecutive lines of one 编者按 box on a page. */
function boxes(lines: readonly PagedLine[], x0: number, ctx: TypesetContext): LayoutItem[] {
  const items: LayoutItem[] = [];
  let i = 0;
  while (i < lines.length) {
    const box = lines[i]!.line.box;
    if (!box) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && lines[j + 1]!.line.box?.id === box.id) j++;
    const top = ctx.slotTop(lines[i]!.slot);
    const bottom = ctx.slotTop(lines[j]!.slot + lines[j]!.line.slots);
    const color = ctx.color(box.color);
    const [l, r] = [x0 + box.x, x0 + box.x + box.width];
    for (const [x1, y1, x2, y2] of [
      [l, top, r, top],
      [l, bottom, r, bottom],
      [l, top, l, bottom],
      [r, top, r, bottom],
    ] as const) {
      items.push({ kind: 'rule', x1, y1, x2, y2, thickness: box.thickness, color });
    }
    i = j + 1;
  }
  return items;
}

/** 草稿 across the page, light grey, rotated. */
function watermark(ctx: TypesetContext): LayoutItem[] {
  const d = ctx.template.draft;
  const style = ctx.style(d.style);
  const line = oneLine(d.text, style, ctx);
  const g = ctx.geometry;
  const cx = g.pageWidth / 2;
  const cy = g.pageHeight / 2;
  // The em box centred on the page centre, with the face's own ascent.
  const baseline = ctx.baselineIn(cy - style.size / 2, style.size, style.size, style.face);
  return glyphsToRuns(line.glyphs, cx - line.width / 2, baseline, ctx).map((run) => ({ ...run, rotation: { angle: d.angle, cx, cy } }));
}
