// Articles → flow blocks: titles, paragraphs, headings, lists, images,
// quotes (编者按), tables and the 供稿 line, each set on the body grid.
import type { Article, Block, ImageBlock, Inline, List, Quote, Table } from '../model.js';
import type { TextStyle } from '../template/styles.js';
import type { StyledPiece } from './atoms.js';
import type { TypesetContext } from './context.js';
import type { FlowBlock, FlowLine } from './flow.js';
import { flattenInlines } from './inlines.js';
import { fill } from '../template/format.js';
import { afterQuoteLabel } from '../text/quoteLabel.js';
import { blockKey, type BlockSetting, type LayoutItem, type TitleSetting } from './layout.js';
import { glyphsToRuns } from './runs.js';
import { fitSize, oneLine, setLines, type MeasureSpec, type SetLine } from './setLines.js';

/** Horizontal frame the blocks of a container are set in. */
interface Frame {
  /** Left edge, from the text block's left. */
  x: number;
  width: number;
  base: TextStyle;
  box?: FlowLine['box'];
}

export class ArticleFlow {
  private boxIds = 0;
  /** How each article's title was set, in order. */
  readonly titles: TitleSetting[] = [];
  /** How each block was set, by blockKey. */
  readonly blocks: Record<string, BlockSetting> = {};

  private note(pos: Block['pos'], setting: BlockSetting): void {
    const key = blockKey(pos);
    this.blocks[key] = { ...this.blocks[key], ...setting };
  }

  constructor(private readonly ctx: TypesetContext) {}

  private get g() {
    return this.ctx.geometry;
  }

  /** The heading of a run of articles of one section: 【行业动态】, before `article`. */
  section(name: string, article: Article): FlowBlock {
    const t = this.ctx.template;
    const style = this.ctx.style('section');
    const text = fill(t.article.sectionFormat, { section: name });
    const lines = this.textLines([{ text, style }], { width: this.g.width, align: 'left' }, this.frame(style));
    return {
      lines,
      splittable: false,
      unit: { what: 'section', pos: article.pos },
      widowControl: false,
      keepWithNext: t.article.sectionKeepLines,
      spaceBefore: t.article.sectionSpaceBefore,
    };
  }

  article(article: Article): FlowBlock[] {
    const blocks: FlowBlock[] = [this.title(article)];
    const frame = this.frame(this.g.body);
    for (const block of article.blocks) blocks.push(...this.block(block, frame, 0));
    if (article.source) blocks.push(this.source(article));
    return blocks;
  }

  private frame(base: TextStyle): Frame {
    return { x: 0, width: this.g.width, base };
  }

  private title(article: Article): FlowBlock {
    const t = this.ctx.template;
    const { style, set } = this.fitTitle(article);
    const lineHeight = style.size * t.article.titleLineHeight;
    const slots = Math.max(1, Math.ceil((set.length * lineHeight) / this.g.pitch - 1e-6));
    this.titles.push({ size: style.size, lines: set.map((l) => l.text), lineHeight, slots });
    const top = (slots * this.g.pitch - set.length * lineHeight) / 2;
    const items: LayoutItem[] = set.flatMap((line, i) =>
      glyphsToRuns(line.glyphs, line.x, this.ctx.baselineIn(top + i * lineHeight, lineHeight, style.size, style.face), this.ctx),
    );
    const titleText = article.title.map((l) => l.text).join('');
    const lines: FlowLine[] = [{ slots, items, text: set.map((l) => l.text).join('\n'), outline: titleText }];
    if (t.article.titleSpaceAfter > 0) lines.push(spacer(t.article.titleSpaceAfter));
    return {
      lines,
      splittable: false,
      unit: { what: 'title', pos: article.title[0]!.pos },
      widowControl: false,
      keepWithNext: t.article.titleKeepLines,
      spaceBefore: t.article.titleSpaceBefore,
    };
  }

  /**
   * The title's lines as the author divided them, at the largest size from the
   * style's down to titleMinSize (by titleSizeStep) at which each fits on one
   * line; failing that, at the style's size with long lines wrapped (balanced).
   */
  private fitTitle(article: Article): { style: TextStyle; set: SetLine[] } {
    const t = this.ctx.template;
    const base = this.ctx.style(t.article.titleStyle);
    const widest = Math.max(...article.title.map((line) => oneLine(line.text, base, this.ctx, line.pos).width));
    const fit = fitSize(widest, this.g.width, base.size, t.article.titleMinSize, t.article.titleSizeStep);
    const style = fit.fits ? { ...base, size: fit.size } : base;
    const set = article.title.flatMap((line) =>
      setLines([{ text: line.text, style, pos: line.pos }], { width: this.g.width, align: 'center', balance: true }, this.ctx),
    );
    return { style, set };
  }

  private source(article: Article): FlowBlock {
    const style = this.ctx.style('source');
    const text = fill(this.ctx.template.article.sourceFormat, { source: article.source! });
    const lines = this.textLines([{ text, style }], { width: this.g.width, align: 'right' }, this.frame(style));
    return { lines, splittable: false, unit: { what: 'source', pos: article.pos }, widowControl: false, keepWithNext: 0, spaceBefore: 0 };
  }

  private block(block: Block, frame: Frame, depth: number): FlowBlock[] {
    const out = this.blockFlow(block, frame, depth);
    if (block.type === 'paragraph' || block.type === 'heading') this.note(block.pos, { lines: out[0]?.lines.length ?? 0 });
    return out;
  }

  private blockFlow(block: Block, frame: Frame, depth: number): FlowBlock[] {
    switch (block.type) {
      case 'paragraph':
        return [this.paragraph(block.children, frame, this.indent())];
      case 'heading': {
        const style = this.ctx.style(`heading${block.level}`);
        const lines = this.textLines(
          flattenInlines(block.children, style, this.ctx),
          { width: frame.width, firstIndent: this.indent(), align: 'justify' },
          frame,
        );
        return [{ lines, splittable: true, widowControl: true, keepWithNext: this.ctx.template.article.headingKeepLines, spaceBefore: 0 }];
      }
      case 'list':
        return this.list(block, frame, depth);
      case 'image': {
        const flow = this.image(block, frame);
        const item = flow.lines[0]!.items[0];
        if (item?.kind === 'image') this.note(block.pos, { image: { width: item.width, height: item.height, slots: flow.lines[0]!.slots } });
        return [flow];
      }
      case 'quote':
        return this.quote(block, frame, depth);
      case 'table':
        return [this.table(block, frame)];
    }
  }

  private indent(): number {
    return this.ctx.template.paragraph.firstLineIndent * this.g.charPitch;
  }

  private paragraph(inlines: readonly Inline[], frame: Frame, firstIndent: number, restIndent = 0, prefix: StyledPiece[] = []): FlowBlock {
    const pieces = [...prefix, ...flattenInlines(inlines, frame.base, this.ctx)];
    const lines = this.textLines(pieces, { width: frame.width, firstIndent, restIndent, align: 'justify' }, frame);
    return {
      lines,
      splittable: true,
      widowControl: lines.length >= this.ctx.template.paragraph.widowOrphanMinLines,
      keepWithNext: 0,
      spaceBefore: 0,
    };
  }

  /** Set text in a frame: one flow line per text line, each one grid line high. */
  private textLines(pieces: StyledPiece[], spec: MeasureSpec, frame: Frame): FlowLine[] {
    const set = setLines(pieces, spec, this.ctx);
    return set.map((line) => this.flowLine(line, frame));
  }

  private flowLine(line: SetLine, frame: Frame): FlowLine {
    const size = line.glyphs[0]?.atom.style.size ?? frame.base.size;
    const face = line.glyphs[0]?.atom.style.face ?? frame.base.face;
    const baseline = this.ctx.baselineIn(0, this.g.pitch, size, face);
    const fl: FlowLine = { slots: 1, items: glyphsToRuns(line.glyphs, frame.x + line.x, baseline, this.ctx), text: line.text };
    if (frame.box) fl.box = frame.box;
    return fl;
  }

  private list(list: List, frame: Frame, depth: number): FlowBlock[] {
    const t = this.ctx.template;
    const out: FlowBlock[] = [];
    const start = this.indent() + depth * t.list.indent * this.g.charPitch;
    list.items.forEach((item, i) => {
      const marker = oneLine(list.ordered ? fill(t.list.numberFormat, { n: list.start + i }) : t.list.bullet, frame.base, this.ctx);
      // The text hangs one typed space after the marker, on every line.
      const hang = start + marker.width + t.lineBreaking.spaceWidth * frame.base.size;
      item.blocks.forEach((b, k) => {
        if (b.type === 'paragraph') {
          const flow = this.paragraph(b.children, frame, hang, hang);
          if (k === 0) this.prefix(flow, marker, `${marker.text} `, start, frame);
          this.note(b.pos, { lines: flow.lines.length, indent: k === 0 ? { start, hang } : { start: hang, hang } });
          out.push(flow);
        } else if (b.type === 'list') {
          out.push(...this.list(b, frame, depth + 1));
        } else {
          out.push(...this.block(b, frame, depth + 1));
        }
      });
    });
    return out;
  }

  /**
   * Put `label` (a list marker) at `x` from the frame's edge on the first line
   * of `flow`, before its text, which stays where it was set.
   */
  private prefix(flow: FlowBlock, label: SetLine, text: string, x: number, frame: Frame): void {
    if (flow.lines.length === 0) flow.lines.push(this.flowLine({ glyphs: [], x: 0, width: 0, text: '', justified: false }, frame));
    const first = flow.lines[0]!;
    const baseline = this.ctx.baselineIn(0, this.g.pitch, frame.base.size, frame.base.face);
    first.items.unshift(...glyphsToRuns(label.glyphs, frame.x + x, baseline, this.ctx));
    first.text = `${text}${first.text ?? ''}`;
  }

  private image(img: ImageBlock, frame: Frame): FlowBlock {
    const t = this.ctx.template.image;
    const naturalW = (img.widthPx / t.maxDpi) * 72;
    const naturalH = (img.heightPx / t.maxDpi) * 72;
    const scale = Math.min(1, (frame.width * t.maxWidth) / naturalW, (this.g.height * t.maxHeight) / naturalH);
    const w = naturalW * scale;
    const h = naturalH * scale;
    const slots = Math.max(1, Math.ceil(h / this.g.pitch - 1e-6));
    const lines: FlowLine[] = [
      {
        slots,
        items: [
          {
            kind: 'image',
            x: frame.x + (frame.width - w) / 2,
            y: (slots * this.g.pitch - h) / 2,
            width: w,
            height: h,
            format: img.format,
            data: img.data,
            source: { ...img.pos, src: img.src },
          },
        ],
        text: '',
      },
    ];
    if (img.caption.length > 0) {
      const style = this.ctx.style('caption');
      lines.push(...this.textLines(flattenInlines(img.caption, style, this.ctx), { width: frame.width, align: 'center' }, frame));
    }
    return { lines, splittable: false, unit: { what: 'image', pos: img.pos }, widowControl: false, keepWithNext: 0, spaceBefore: 0 };
  }

  private quote(q: Quote, frame: Frame, depth: number): FlowBlock[] {
    const t = this.ctx.template.quote;
    const inset = t.inset * this.g.charPitch;
    const style = this.ctx.style(t.style);
    // The box takes the frame the quote sits in; its text is inset from it.
    const inner: Frame = {
      x: frame.x + inset,
      width: frame.width - 2 * inset,
      base: style,
      box: { id: ++this.boxIds, x: frame.x, width: frame.width, thickness: t.rule, color: t.ruleColor },
    };
    return q.blocks.flatMap((b, i) => {
      const rest = i === 0 ? afterQuoteLabel(b, t.label) : undefined;
      if (rest) {
        const labelStyle = this.ctx.style(t.labelStyle, style);
        const flow = this.paragraph(rest, inner, this.indent(), 0, [{ text: t.label, style: labelStyle }]);
        this.note(b.pos, { lines: flow.lines.length });
        return [flow];
      }
      return this.block(b, inner, depth);
    });
  }

  private table(table: Table, frame: Frame): FlowBlock {
    const t = this.ctx.template.table;
    const pad = t.cellPadding;
    const cols = Math.max(...table.rows.map((r) => r.length));
    const styleOf = (row: number): TextStyle => this.ctx.style(row === 0 ? t.headerStyle : t.style);
    const piecesOf = (row: number, col: number): StyledPiece[] => {
      const cell = table.rows[row]?.[col];
      return cell ? flattenInlines(cell.children, styleOf(row), this.ctx) : [];
    };
    // Column widths: proportional to each column's longest line, scaled to the frame.
    const natural = Array.from({ length: cols }, (_, c) =>
      Math.max(
        2 * this.g.charPitch,
        ...table.rows.map((_, r) => (setLines(piecesOf(r, c), { width: 1e9, align: 'left' }, this.ctx)[0]?.width ?? 0) + 2 * pad),
      ),
    );
    const total = natural.reduce((a, b) => a + b, 0);
    const widths = natural.map((w) => (w / total) * frame.width);
    this.note(table.pos, { table: { widths } });
    const xs = widths.reduce<number[]>((acc, w) => [...acc, acc.at(-1)! + w], [frame.x]);
    const color = this.ctx.color(t.ruleColor);
    const lines: FlowLine[] = table.rows.map((_, r) => {
      const cells = widths.map((w, c) => {
        const align = table.align[c] === 'center' ? 'center' : table.align[c] === 'right' ? 'right' : 'left';
        return setLines(piecesOf(r, c), { width: w - 2 * pad, align }, this.ctx);
      });
      const slots = Math.max(1, ...cells.map((c) => c.length));
      const height = slots * this.g.pitch;
      const items: LayoutItem[] = [];
      cells.forEach((cellLines, c) => {
        cellLines.forEach((line, i) => {
          const size = line.glyphs[0]?.atom.style.size ?? styleOf(r).size;
          const baseline = this.ctx.baselineIn(i * this.g.pitch, this.g.pitch, size, styleOf(r).face);
          items.push(...glyphsToRuns(line.glyphs, xs[c]! + pad + line.x, baseline, this.ctx));
        });
      });
      const right = xs[cols]!;
      items.push({ kind: 'rule', x1: frame.x, y1: 0, x2: right, y2: 0, thickness: t.rule, color });
      items.push({ kind: 'rule', x1: frame.x, y1: height, x2: right, y2: height, thickness: t.rule, color });
      for (const x of xs) items.push({ kind: 'rule', x1: x, y1: 0, x2: x, y2: height, thickness: t.rule, color });
      return {
        slots,
        items,
        text: cells.map((c) => c.map((l) => l.text).join('')).join('\t'),
        unit: { what: 'row', pos: table.rows[r]?.[0]?.pos ?? table.pos },
      };
    });
    return { lines, splittable: true, widowControl: false, keepWithNext: 0, spaceBefore: 0 };
  }
}

/** Empty grid lines, with no text. */
function spacer(slots: number): FlowLine {
  return { slots, items: [] };
}

