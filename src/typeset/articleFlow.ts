// Articles → set-tree nodes and the flow blocks that place them: titles,
// paragraphs, headings, lists, figures (one image, or two or three side by
// side), quotes (编者按), tables, the 落款 and the 供稿 line, each set on the
// body grid (docs/format.md §4). Every node records what was printed and
// the keeps it was set with; pagination fills in where its lines went.
import type { Article, Block, ImageBlock, Inline, IssueDate, List, Paragraph, Quote, SourcePos, Table } from '../model.js';
import type { StyleRole } from '../template/styleRoles.js';
import type { TextStyle } from '../template/styles.js';
import type { TypesetContext } from './context.js';
import type { FlowBlock, FlowLine, Unbreakable } from './flow.js';
import { flattenInlines } from './inlines.js';
import { fill, formatDate } from '../template/format.js';
import { afterQuoteLabel } from '../text/quoteLabel.js';
import type {
  Align,
  Keeps,
  LayoutItem,
  Measure,
  SetArticle,
  SetBlock,
  SetBox,
  SetFigure,
  SetImage,
  SetList,
  SetListItem,
  SetPiece,
  SetQuote,
  SetTable,
  SetTableCell,
  SetTableRow,
  SetText,
  SetTitle,
} from './layout.js';
import { toAtoms } from './atoms.js';
import { widestUnbreakable } from './breakLines.js';
import { glyphsToRuns } from './runs.js';
import { fitSize, oneLine, setLines, type SetLine } from './setLines.js';
import { distributeColumns } from './tableColumns.js';

/** What follows a list marker in the text: one typed space, which the hang makes room for. */
const MARKER_GAP = ' ';

/** Where the blocks of a container are set: the measure, the style of its text, and the 编者按 box it is in. */
interface Container {
  measure: Measure;
  base: TextStyle;
  role: StyleRole;
  box?: SetBox;
}

/** An article or a section heading as set: its node and the flow blocks that place it. */
export interface FlowOf<N> {
  node: N;
  blocks: FlowBlock[];
}

/** Keeps of a block that pagination may split anywhere (none: a paragraph of one or two lines). */
function keepsOf(partial: Partial<Keeps>): Keeps {
  return {
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
  };
}

export class ArticleFlow {
  /** `issueDate`: the date a 落款 line `date: issue` prints. */
  constructor(
    private readonly ctx: TypesetContext,
    readonly issueDate: IssueDate,
  ) {}

  private get g() {
    return this.ctx.geometry;
  }

  private get fullMeasure(): Measure {
    return { x: 0, width: this.g.width };
  }

  /** The heading of a run of articles of one section: 【行业动态】, before `article`. */
  section(name: string, article: Article): FlowOf<SetText> {
    const rules = this.ctx.template.article;
    const text = fill(rules.sectionFormat, { section: name });
    const style = this.ctx.roleStyle('section');
    const keeps = keepsOf({ together: true, withNext: rules.sectionKeepLines, spaceBefore: rules.sectionSpaceBefore });
    const set = this.text('section', [{ text, style }], { measure: this.fullMeasure, base: style, role: 'section' }, { align: 'left' }, keeps, article.pos);
    return { node: set.node, blocks: [{ ...set.block, unit: { what: 'section', pos: article.pos }, fence: true }] };
  }

  article(article: Article): FlowOf<SetArticle> {
    const id = this.ctx.newId();
    const title = this.title(article);
    const blocks: FlowBlock[] = [title.block];
    const nodes: SetBlock[] = [];
    const body: Container = { measure: this.fullMeasure, base: this.g.body, role: 'body' };
    article.blocks.forEach((block, i) => {
      const set = this.block(block, body, 0);
      nodes.push(set.node);
      blocks.push(...set.blocks);
      if (this.introduces(set.node, article.blocks[i + 1])) set.node.keeps.withNext = 1;
    });
    const closing = this.closing(article);
    if (closing) {
      nodes.push(...closing.nodes);
      blocks.push(closing.block);
    }
    return { node: { kind: 'article', id, pos: article.pos, model: article, title: title.node, blocks: nodes }, blocks };
  }

  /** Whether `node` is a short paragraph ending with a colon that introduces `next`, a table, a figure or a list (colonKeepsWithNext). */
  private introduces(node: SetBlock, next: Block | undefined): node is SetText {
    const rules = this.ctx.template.paragraph;
    if (!rules.colonKeepsWithNext || node.kind !== 'text' || node.model?.type !== 'paragraph') return false;
    if (!next || !['table', 'image', 'imageRow', 'list'].includes(next.type)) return false;
    return node.lines.length < rules.widowOrphanMinLines && /[：:]$/.test(node.lines.at(-1) ?? '');
  }

  private title(article: Article): { node: SetTitle; block: FlowBlock } {
    const rules = this.ctx.template.article;
    const { style, set } = this.fitTitle(article);
    const lineHeight = style.size * rules.titleLineHeight;
    const gridLines = Math.max(1, Math.ceil((set.length * lineHeight) / this.g.pitch - 1e-6));
    const keeps = keepsOf({ together: true, withNext: rules.titleKeepLines, spaceBefore: rules.titleSpaceBefore, spaceAfter: rules.titleSpaceAfter });
    const pos = article.title[0]!.pos;
    const node: SetTitle = {
      kind: 'title',
      id: this.ctx.newId(),
      pos,
      role: 'articleTitle',
      style,
      lines: set.map((l) => l.text),
      lineHeight,
      gridLines,
      keeps,
      placements: [],
    };
    const top = (gridLines * this.g.pitch - set.length * lineHeight) / 2;
    const items: LayoutItem[] = set.flatMap((line, i) =>
      glyphsToRuns(line.glyphs, line.x, this.ctx.baselineIn(top + i * lineHeight, lineHeight, style.size, style.face), this.ctx, { node: node.id }),
    );
    const lines: FlowLine[] = [{ gridLines, items, text: node.lines.join('\n') }];
    if (rules.titleSpaceAfter > 0) lines.push(spacer(rules.titleSpaceAfter));
    return { node, block: { lines, keeps, unit: { what: 'title', pos }, node, fence: true } };
  }

  /**
   * The title's lines as the author divided them, at the largest size from the
   * style's down to titleMinSize (by titleSizeStep) at which each fits on one
   * line; failing that, at the style's size with long lines wrapped (balanced).
   */
  private fitTitle(article: Article): { style: TextStyle; set: SetLine[] } {
    const rules = this.ctx.template.article;
    const base = this.ctx.roleStyle('articleTitle');
    const widest = Math.max(...article.title.map((line) => oneLine(line.text, base, this.ctx, line.pos).width));
    const fit = fitSize(widest, this.g.width, base.size, rules.titleMinSize, rules.titleSizeStep);
    const style = fit.fits ? { ...base, size: fit.size } : base;
    const set = article.title.flatMap((line) =>
      setLines([{ text: line.text, style, pos: line.pos }], { width: this.g.width, align: 'center', balance: true }, this.ctx),
    );
    return { style, set };
  }

  /**
   * What closes an article: its 落款 (signature: one line each, right-aligned,
   * dates in the template's format) and its 供稿 line, one block kept whole,
   * with closingKeepLines lines of the text before it on its page.
   */
  private closing(article: Article): { nodes: SetText[]; block: FlowBlock } | undefined {
    const rules = this.ctx.template;
    const nodes: SetText[] = [];
    const lines: FlowLine[] = [];
    let unit: Unbreakable | undefined;
    if (article.signature) {
      const s = rules.signature;
      const style = this.ctx.roleStyle('signature');
      const content = article.signature.flatMap((line, i): SetPiece[] => {
        const text = 'text' in line ? line.text : formatDate(s.dateFormat, line.date === 'issue' ? this.issueDate : line.date);
        return [...(i > 0 ? [{ lineBreak: true as const, style }] : []), { text, style, pos: line.pos }];
      });
      const measure = { x: 0, width: this.g.width - s.rightIndent * this.g.charPitch };
      const set = this.text('signature', content, { measure, base: style, role: 'signature' }, { align: 'right' }, keepsOf({ together: true }), article.signature[0]!.pos);
      nodes.push(set.node);
      lines.push(...set.block.lines.map((l) => ({ ...l, node: set.node })));
      unit = { what: 'signature', pos: article.signature[0]!.pos };
    }
    if (article.source) {
      const style = this.ctx.roleStyle('source');
      const text = fill(rules.article.sourceFormat, { source: article.source });
      const set = this.text('source', [{ text, style }], { measure: this.fullMeasure, base: style, role: 'source' }, { align: 'right' }, keepsOf({ together: true }), article.pos);
      nodes.push(set.node);
      lines.push(...set.block.lines.map((l) => ({ ...l, node: set.node })));
      unit ??= { what: 'source', pos: article.pos };
    }
    if (nodes.length === 0) return undefined;
    // The block's keeps are its first node's: the space above it is the 落款's.
    const keeps = nodes[0]!.keeps;
    keeps.withPrevious = rules.article.closingKeepLines;
    if (article.signature) keeps.spaceBefore = rules.signature.spaceBefore;
    return { nodes, block: { lines, keeps, unit: unit!, node: nodes[0]!, fence: true } };
  }

  private block(block: Block, container: Container, depth: number): FlowOf<SetBlock> {
    switch (block.type) {
      case 'paragraph': {
        const set = this.paragraph(block, block.children, container, this.indent(), 0);
        return { node: set.node, blocks: [set.block] };
      }
      case 'heading': {
        const role = `heading${block.level}` as const;
        const style = this.ctx.roleStyle(role);
        // A heading is never split so that one of its lines stands alone, and keeps lines of what follows.
        const keeps = keepsOf({ widowControl: true, withNext: this.ctx.template.article.headingKeepLines });
        const set = this.text(role, flattenInlines(block.children, style, this.ctx), { ...container, base: style }, { align: 'justify', first: this.indent() }, keeps, block.pos, block);
        set.node.level = block.level;
        return { node: set.node, blocks: [set.block] };
      }
      case 'list':
        return this.list(block, container, depth);
      case 'image':
        return this.figure([block], container, block.pos);
      case 'imageRow':
        return this.figure(block.images, container, block.pos);
      case 'quote':
        return this.quote(block, container, depth);
      case 'table':
        return this.table(block, container);
    }
  }

  private indent(): number {
    return this.ctx.template.paragraph.firstLineIndent * this.g.charPitch;
  }

  /** A paragraph, justified, with widow/orphan control when it has widowOrphanMinLines lines or more. */
  private paragraph(model: Paragraph, inlines: readonly Inline[], container: Container, first: number, rest: number, prefix: SetPiece[] = []): { node: SetText; block: FlowBlock } {
    const pieces = [...prefix, ...flattenInlines(inlines, container.base, this.ctx)];
    const set = this.text(container.role, pieces, container, { align: 'justify', first, rest }, keepsOf({}), model.pos, model);
    if (set.node.lines.length >= this.ctx.template.paragraph.widowOrphanMinLines) {
      set.node.keeps.widowControl = true;
    }
    return set;
  }

  /**
   * Set `pieces` in a container: one flow line per text line, each one grid
   * line high, every run owned by the new node.
   */
  private text(
    role: StyleRole,
    content: SetPiece[],
    container: Container,
    spec: { align: Align; first?: number; rest?: number },
    keeps: Keeps,
    pos: SourcePos | undefined,
    model?: Block,
  ): { node: SetText; block: FlowBlock } {
    const indent = { first: spec.first ?? 0, rest: spec.rest ?? 0 };
    const set = setLines(content, { width: container.measure.width, firstIndent: indent.first, restIndent: indent.rest, align: spec.align }, this.ctx);
    const node: SetText = {
      kind: 'text',
      id: this.ctx.newId(),
      pos,
      role,
      ...(model ? { model } : {}),
      content,
      align: spec.align,
      measure: container.measure,
      indent,
      lines: set.map((l) => l.text),
      keeps,
      ...(container.box ? { box: container.box } : {}),
      placements: [],
    };
    const lines = set.map((line) => this.flowLine(line, container, node.id));
    return { node, block: { lines, keeps, node } };
  }

  private flowLine(line: SetLine, container: Container, owner: number): FlowLine {
    const size = line.glyphs[0]?.atom.style.size ?? container.base.size;
    const face = line.glyphs[0]?.atom.style.face ?? container.base.face;
    const baseline = this.ctx.baselineIn(0, this.g.pitch, size, face);
    const fl: FlowLine = { gridLines: 1, items: glyphsToRuns(line.glyphs, container.measure.x + line.x, baseline, this.ctx, { node: owner }), text: line.text };
    if (container.box) fl.box = container.box;
    return fl;
  }

  private list(list: List, container: Container, depth: number): FlowOf<SetList> {
    const rules = this.ctx.template.list;
    const blocks: FlowBlock[] = [];
    const start = this.indent() + depth * rules.indent * this.g.charPitch;
    const id = this.ctx.newId();
    const items = list.items.map((item, i): SetListItem => {
      const itemId = this.ctx.newId();
      const markerText = list.ordered ? fill(rules.numberFormat, { n: list.start + i }) : rules.bullet;
      // A bullet in its own style (smaller than the text), a number in the text's.
      const markerStyle = list.ordered ? container.base : this.ctx.roleStyle('listBullet');
      const marker = oneLine(markerText, markerStyle, this.ctx);
      const labelId = this.ctx.newId();
      // The text hangs one typed space after the marker, on every line.
      const spaced = marker.width + this.ctx.template.lineBreaking.spaceWidth * container.base.size;
      // A bullet smaller than a character sits centred in the first character
      // of the line, and the text starts on the grid after it.
      const cell = !list.ordered && spaced < this.g.charPitch;
      const hang = start + (cell ? this.g.charPitch : spaced);
      const markerX = cell ? start + (this.g.charPitch - spaced) / 2 : start;
      const nodes: SetBlock[] = item.blocks.map((b, k) => {
        if (b.type === 'paragraph') {
          const set = this.paragraph(b, b.children, container, hang, hang);
          if (k === 0) this.prefix(set.block, marker, markerX, container, labelId);
          blocks.push(set.block);
          return set.node;
        }
        const set = b.type === 'list' ? this.list(b, container, depth + 1) : this.block(b, container, depth + 1);
        blocks.push(...set.blocks);
        return set.node;
      });
      return { kind: 'listItem', id: itemId, pos: item.pos, label: { id: labelId, text: markerText, x: markerX, style: markerStyle, after: MARKER_GAP }, hang, blocks: nodes };
    });
    return { node: { kind: 'list', id, pos: list.pos, model: list, ordered: list.ordered, items }, blocks };
  }

  /**
   * Put a list marker at `x` from the measure's edge on the first line of
   * `block`, before its text, which stays where it was set.
   */
  private prefix(block: FlowBlock, marker: SetLine, x: number, container: Container, owner: number): void {
    if (block.lines.length === 0) block.lines.push({ gridLines: 1, items: [], text: '', ...(container.box ? { box: container.box } : {}) });
    const first = block.lines[0]!;
    // Centred on the line, whatever its size.
    const style = marker.glyphs[0]?.atom.style ?? container.base;
    const baseline = this.ctx.baselineIn(0, this.g.pitch, style.size, style.face);
    first.items.unshift(...glyphsToRuns(marker.glyphs, container.measure.x + x, baseline, this.ctx, { node: owner }));
    first.text = `${marker.text}${MARKER_GAP}${first.text ?? ''}`;
  }

  /**
   * A figure: its images side by side at one height (one image, usually),
   * as large as the measure, the template's share of the page and their
   * pixels at maxDpi allow, centred; each caption under its image, in the
   * image's width (the measure's for one image).
   */
  private figure(images: readonly ImageBlock[], container: Container, pos: SourcePos): FlowOf<SetFigure> {
    const rules = this.ctx.template.image;
    const gap = images.length > 1 ? rules.gap * this.g.charPitch : 0;
    // Laid out as seen: orientations 5–8 turn the image a quarter, so its height goes across.
    const seen = images.map((img) => (img.orientation >= 5 ? { across: img.heightPx, down: img.widthPx } : { across: img.widthPx, down: img.heightPx }));
    const aspects = seen.map((s) => s.across / s.down);
    const naturalH = Math.min(...seen.map((s) => (s.down / rules.maxDpi) * 72));
    const room = container.measure.width * rules.maxWidth - gap * (images.length - 1);
    const height = Math.min(naturalH, room / aspects.reduce((a, b) => a + b, 0), this.g.height * rules.maxHeight);
    const widths = aspects.map((a) => a * height);
    const total = widths.reduce((a, b) => a + b, 0) + gap * (images.length - 1);
    const gridLines = Math.max(1, Math.ceil(height / this.g.pitch - 1e-6));
    const keeps = keepsOf({ together: true, keepLinesTogether: true, float: rules.float });
    const id = this.ctx.newId();
    const node: SetFigure = { kind: 'figure', id, pos, measure: container.measure, panels: [], gridLines, captionLines: 0, keeps, placements: [] };
    const imageLine: FlowLine = { gridLines, items: [], text: '' };
    const captionLines = new Map<SetText, FlowLine[]>();
    const style = this.ctx.roleStyle('caption');
    let x = (container.measure.width - total) / 2;
    images.forEach((img, i) => {
      const width = widths[i]!;
      const image: SetImage = { kind: 'image', id: this.ctx.newId(), pos: img.pos, model: img, width, height, orientation: img.orientation, x, y: (gridLines * this.g.pitch - height) / 2 };
      imageLine.items.push({
        kind: 'image',
        x: container.measure.x + image.x,
        y: image.y,
        width,
        height,
        orientation: img.orientation,
        format: img.format,
        data: img.data,
        source: { ...img.pos, src: img.src },
        owner: { node: image.id },
      });
      const panel: SetFigure['panels'][number] = { image, x, width };
      if (img.caption.length > 0) {
        // One image: the caption takes the measure; side by side, its image's
        // width and half of each gap between it and a neighbour.
        const from = i === 0 ? x : x - gap / 2;
        const to = i === images.length - 1 ? x + width : x + width + gap / 2;
        const measure = images.length === 1 ? container.measure : { x: container.measure.x + from, width: to - from };
        const set = this.text('caption', flattenInlines(img.caption, style, this.ctx), { ...container, measure, base: style }, { align: 'center' }, keepsOf({ together: true }), img.pos);
        panel.caption = set.node;
        captionLines.set(set.node, set.block.lines);
      }
      node.panels.push(panel);
      x += width + gap;
    });
    const lines: FlowLine[] = [imageLine];
    const captioned = node.panels.filter((p) => p.caption);
    node.captionLines = Math.max(0, ...captioned.map((p) => captionLines.get(p.caption!)!.length));
    for (let k = 0; k < node.captionLines; k++) {
      const parts = captioned.map((p) => ({ node: p.caption!, line: captionLines.get(p.caption!)![k] })).filter((p) => p.line);
      lines.push({
        gridLines: 1,
        items: parts.flatMap((p) => p.line!.items),
        text: parts.map((p) => p.line!.text ?? '').join('\t'),
        node: parts[0]!.node,
        ...(parts.length > 1 ? { nodes: parts.map((p) => p.node) } : {}),
        ...(container.box ? { box: container.box } : {}),
      });
    }
    return { node, blocks: [{ lines, keeps, unit: { what: 'image', pos }, node }] };
  }

  private quote(quote: Quote, container: Container, depth: number): FlowOf<SetQuote> {
    const rules = this.ctx.template.quote;
    const inset = rules.inset * this.g.charPitch;
    const style = this.ctx.roleStyle('quote');
    // The box takes the measure the quote sits in; its text is inset from it.
    const box: SetBox = { id: this.ctx.newId(), measure: container.measure, thickness: rules.rule, color: this.ctx.color(rules.ruleColor) };
    const inner: Container = { measure: { x: container.measure.x + inset, width: container.measure.width - 2 * inset }, base: style, role: 'quote', box };
    const blocks: FlowBlock[] = [];
    const nodes = quote.blocks.map((b, i): SetBlock => {
      const rest = i === 0 ? afterQuoteLabel(b, rules.label) : undefined;
      if (rest && b.type === 'paragraph') {
        const label = { text: rules.label, style: this.ctx.roleStyle('quoteLabel') };
        const set = this.paragraph(b, rest, inner, this.indent(), 0, [label]);
        blocks.push(set.block);
        return set.node;
      }
      const set = this.block(b, inner, depth);
      blocks.push(...set.blocks);
      return set.node;
    });
    return { node: { kind: 'quote', id: box.id, pos: quote.pos, model: quote, box, blocks: nodes }, blocks };
  }

  /**
   * A table: column widths from the content as browsers' and Word's
   * automatic table layout does (each column's least and preferred widths,
   * the measure shared out between them), or in the proportions of the
   * author's delimiter row, never under a column's least width; each row one
   * piece of whole grid lines; the header row printed again on the pages the
   * table continues on.
   */
  private table(table: Table, container: Container): FlowOf<SetTable> {
    const rules = this.ctx.template.table;
    const pad = rules.cellPadding;
    const id = this.ctx.newId();
    const cols = Math.max(...table.rows.map((r) => r.length));
    const styleOf = (row: number): TextStyle => this.ctx.roleStyle(row === 0 ? 'tableHeader' : 'table');
    const pieces = table.rows.map((row, r) =>
      Array.from({ length: cols }, (_, c): SetPiece[] => {
        const cell = row[c];
        return cell ? flattenInlines(cell.children, styleOf(r), this.ctx) : [];
      }),
    );
    const measure = container.measure;
    const contentWidths = Array.from({ length: cols }, (_, c) => {
      let min = 0;
      let max = 0;
      for (const row of pieces) {
        const cell = row[c]!;
        min = Math.max(min, widestUnbreakable(toAtoms(cell, this.ctx)));
        max = Math.max(max, ...setLines(cell, { width: 1e9, align: 'left' }, this.ctx).map((l) => l.width));
      }
      // The preferred width has room to spare (fitTolerance): the same cell must stay one line in Word and LibreOffice too.
      const spare = max > 0 ? rules.fitTolerance * this.ctx.roleStyle('table').size : 0;
      return { min: min + 2 * pad, max: Math.max(min, max + spare) + 2 * pad };
    });
    const author = table.widths && table.widths.length === cols ? table.widths : undefined;
    const columns = distributeColumns(contentWidths, measure.width, author);
    const xs = columns.reduce<number[]>((acc, w) => [...acc, acc.at(-1)! + w], [measure.x]);
    const ruleColor = this.ctx.color(rules.ruleColor);
    // Never one row alone at a page's foot or head (nor the header with one row under it).
    const keeps = keepsOf({ spaceBefore: rules.spaceBefore, spaceAfter: rules.spaceAfter, widowControl: true });
    const headerRows = table.rows.length > 1 ? 1 : 0;
    const n = table.rows.length;
    const rows: SetTableRow[] = [];
    const lines: FlowLine[] = table.rows.map((row, r) => {
      const rowId = this.ctx.newId();
      const cells: SetTableCell[] = [];
      const items: LayoutItem[] = [];
      const setCells = columns.map((w, c) => {
        const align: Align = table.align[c] === 'center' ? 'center' : table.align[c] === 'right' ? 'right' : 'left';
        const content = pieces[r]![c]!;
        const set = setLines(content, { width: w - 2 * pad, align }, this.ctx);
        const cell: SetTableCell = { kind: 'cell', id: this.ctx.newId(), pos: row[c]?.pos, content, align, lines: set.map((l) => l.text) };
        cells.push(cell);
        set.forEach((line, i) => {
          const size = line.glyphs[0]?.atom.style.size ?? styleOf(r).size;
          const baseline = this.ctx.baselineIn(i * this.g.pitch, this.g.pitch, size, styleOf(r).face);
          items.push(...glyphsToRuns(line.glyphs, xs[c]! + pad + line.x, baseline, this.ctx, { node: cell.id }));
        });
        return set;
      });
      const gridLines = Math.max(1, ...setCells.map((c) => c.length));
      // In a word processor's words: the header and the first row keep with the row after, and so does the row before the last.
      const keepWithNext = r < n - 1 && (r <= headerRows || r >= n - 2);
      rows.push({ kind: 'row', id: rowId, pos: row[0]?.pos ?? table.pos, header: r < headerRows, gridLines, keepWithNext, cells });
      const height = gridLines * this.g.pitch;
      const right = xs[cols]!;
      const rule = (x1: number, y1: number, x2: number, y2: number): LayoutItem => ({ kind: 'rule', x1, y1, x2, y2, thickness: rules.rule, color: ruleColor, owner: { artifact: 'layout' } });
      items.push(rule(measure.x, 0, right, 0), rule(measure.x, height, right, height));
      for (const x of xs) items.push(rule(x, 0, x, height));
      const unit: Unbreakable = { what: 'row', pos: row[0]?.pos ?? table.pos };
      return { gridLines, items, text: setCells.map((c) => c.map((l) => l.text).join('')).join('\t'), unit };
    });
    const node: SetTable = {
      kind: 'table',
      id,
      pos: table.pos,
      model: table,
      measure,
      columns,
      contentWidths,
      widthsFrom: author ? 'author' : 'content',
      headerRows,
      repeatsHeader: rules.repeatHeader && headerRows > 0,
      cellPadding: pad,
      rule: { thickness: rules.rule, color: ruleColor },
      rows,
      keeps,
      placements: [],
    };
    return { node, blocks: [{ lines, keeps, node, headerLines: headerRows, repeatsHeader: node.repeatsHeader }] };
  }
}

/** Empty grid lines, with no text. */
function spacer(gridLines: number): FlowLine {
  return { gridLines, items: [] };
}
