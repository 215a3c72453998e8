// 本期要目: the contents box under the masthead (issue.yaml `toc: true`).
// Its title, then each article's title with its page number — right-aligned
// at the box's inner edge, a leader between — grouped under the headings of
// their sections, all in a ruled box on the body grid. The page numbers are
// those the titles come out on: typesetIssue sets the issue again with the
// pages found until they no longer change.
import type { TypesetContext } from './context.js';
import { articleTitle } from './documentMetadata.js';
import type { FlowBlock, FlowLine } from './flow.js';
import { fill } from '../template/format.js';
import type { Keeps, LayoutItem, NodeId, SetArticle, SetBox, SetIssue, SetPiece, SetText, SetToc, SetTocEntry } from './layout.js';
import { glyphsToRuns } from './runs.js';
import { oneLine, setLines } from './setLines.js';

export interface TocFlow {
  node: SetToc;
  blocks: FlowBlock[];
}

/** The node ids a contents box takes: the box, its title, a heading a run of articles of one section, an entry an article. */
export function tocIdCount(articles: ReadonlyArray<{ section?: string }>): number {
  const runs = articles.filter((a, i) => a.section !== undefined && a.section !== articles[i - 1]?.section).length;
  return 2 + runs + articles.length;
}

const keepsOf = (partial: Partial<Keeps>): Keeps => ({
  together: false,
  widowControl: false,
  withNext: 0,
  spaceBefore: 0,
  spaceAfter: 0,
  keepLinesTogether: false,
  keepWithNext: false,
  shortestPiece: 1,
  float: false,
  withPrevious: 0,
  ...partial,
});

/**
 * The box for the articles of `body`, each listed with `pages.get(id)`, the
 * page its title is on (1 when not known yet). `ids` gives the node ids.
 */
export function typesetToc(body: SetIssue['body'], pages: ReadonlyMap<NodeId, number>, ctx: TypesetContext, ids: () => NodeId): TocFlow {
  const rules = ctx.template.toc;
  const geometry = ctx.geometry;
  const id = ids();
  const box: SetBox = { id, measure: { x: 0, width: geometry.width }, thickness: rules.rule, color: ctx.color(rules.ruleColor) };
  const inset = rules.inset * geometry.charPitch;
  const inner = { x: inset, width: geometry.width - 2 * inset };
  const blocks: FlowBlock[] = [];
  const items: Array<SetText | SetTocEntry> = [];

  const line = (runs: LayoutItem[], text: string): FlowLine => ({ gridLines: 1, items: runs, text, box });
  const heading = (role: 'tocTitle' | 'tocSection', text: string, align: 'center' | 'left', indent: number): SetText => {
    const style = ctx.roleStyle(role);
    const content: SetPiece[] = [{ text, style }];
    const set = setLines(content, { width: inner.width - indent, align }, ctx);
    const node: SetText = {
      kind: 'text',
      id: ids(),
      pos: undefined,
      role,
      content,
      align,
      measure: inner,
      indent: { first: indent, rest: indent },
      lines: set.map((l) => l.text),
      keeps: keepsOf({ withNext: 1 }),
      box,
      placements: [],
    };
    const baseline = ctx.baselineIn(0, geometry.pitch, style.size, style.face);
    blocks.push({ lines: set.map((l) => line(glyphsToRuns(l.glyphs, inner.x + indent + l.x, baseline, ctx, { node: node.id }), l.text)), keeps: node.keeps, node });
    return node;
  };

  const title = heading('tocTitle', rules.title, 'center', 0);
  const style = ctx.roleStyle('tocEntry');
  const leader = oneLine(rules.leader, style, ctx);
  const leaderPitch = rules.leaderSpacing * style.size;
  // Room for the widest number the issue could have (two digits at least), and two leaders.
  const widestPage = Math.max(99, ...pages.values());
  const numberRoom = oneLine(fill(rules.pageFormat, { n: widestPage }), style, ctx).width + 2 * leaderPitch;
  const baseline = ctx.baselineIn(0, geometry.pitch, style.size, style.face);
  const right = inner.x + inner.width;

  const entry = (article: SetArticle, indent: number): SetTocEntry => {
    const page = pages.get(article.id) ?? 1;
    const pageText = fill(rules.pageFormat, { n: page });
    const content: SetPiece[] = [{ text: articleTitle(article), style, pos: article.title.pos }];
    const set = setLines(content, { width: inner.width - indent - numberRoom, align: 'left' }, ctx);
    const node: SetTocEntry = {
      kind: 'tocEntry',
      id: ids(),
      pos: article.title.pos,
      role: 'tocEntry',
      article: article.id,
      content,
      page,
      pageText,
      leader: rules.leader,
      measure: inner,
      indent: { first: indent, rest: indent },
      lines: set.map((l, i) => (i === set.length - 1 ? `${l.text} ${pageText}` : l.text)),
      keeps: keepsOf({}),
      box,
      placements: [],
    };
    const number = oneLine(pageText, style, ctx);
    const lines = set.map((l, i): FlowLine => {
      const x = inner.x + indent + l.x;
      const runs = glyphsToRuns(l.glyphs, x, baseline, ctx, { node: node.id });
      if (i === set.length - 1) {
        // Leaders on a pitch counted from the box's inner edge, so that they line up from entry to entry.
        const from = Math.ceil((x + l.width + leaderPitch / 2 - inner.x) / leaderPitch);
        const to = Math.floor((right - number.width - leaderPitch / 2 - inner.x) / leaderPitch);
        if (to > from) {
          const dots = glyphsToRuns(
            Array.from({ length: to - from }, (_, k) => ({ ...leader.glyphs[0]!, x: k * leaderPitch })),
            inner.x + from * leaderPitch,
            baseline,
            ctx,
            { artifact: 'layout' },
          );
          runs.push(...dots);
        }
        runs.push(...glyphsToRuns(number.glyphs, right - number.width, baseline, ctx, { node: node.id }));
      }
      return line(runs, node.lines[i]!);
    });
    blocks.push({ lines, keeps: node.keeps, node });
    return node;
  };

  const indent = rules.entryIndent * geometry.charPitch;
  for (const b of body) {
    if (b.kind === 'section') {
      items.push(heading('tocSection', fill(rules.sectionFormat, { section: b.name }), 'left', 0));
      for (const a of b.articles) items.push(entry(a, indent));
    } else {
      items.push(entry(b, 0));
    }
  }
  // The space between the box and the first article.
  blocks.at(-1)!.keeps.spaceAfter = rules.spaceAfter;
  return { node: { kind: 'toc', id, box, title, items, passes: 0 }, blocks };
}
