// Model + template → DOCX. Maps the issue to Word paragraphs in named styles,
// with the page geometry and footers of the template. Every vertical size is
// a whole number of grid lines in twips (docxGeometry), and the decisions the
// typesetter made that Word cannot derive itself (title sizes, which
// paragraphs get widow control, column widths, where the 报尾 goes) come from
// the Layout, so that Word, WPS and LibreOffice lay the document out like the
// PDF.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeightRule,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { EmbeddedFont } from '../fonts/embeddedFonts.js';
import type { Block, Inline, Issue, ListItem } from '../model.js';
import { fill } from '../template/format.js';
import { charPitch } from '../template/gridMetrics.js';
import { afterQuoteLabel } from '../text/quoteLabel.js';
import type { Template } from '../template/loadTemplate.js';
import { resolveStyle, type TextStyle } from '../template/styles.js';
import { blockKey, type BlockSetting, type Layout, type TextRun as LayoutRun } from '../typeset/layout.js';
import { distributionBlock } from './docxDistribution.js';
import { borderTwips, docxGeometry, ruleBorder, twips, type DocxGeometry } from './docxGeometry.js';
import { mastheadBlock } from './docxMasthead.js';
import { finishDocxPackage } from './docxPackage.js';
import { paragraphStyles, sizedRun, STYLE, styleOf, wordColor, wordFonts, type StyleRole } from './docxStyles.js';

export interface DocxInput {
  issue: Issue;
  template: Template;
  layout: Layout;
}

export interface DocxOptions {
  producer: string;
  drafts: boolean;
  /** Fonts to embed (--embed-fonts). */
  embedded?: EmbeddedFont[];
}

export async function renderDocx(input: DocxInput, options: DocxOptions): Promise<Uint8Array> {
  const geo = docxGeometry(input.template, styleOf(input.template, 'pageNumber').size);
  const writer = new DocxWriter(input, geo, options.drafts || input.issue.meta.draft);
  const doc = new Document({
    creator: input.issue.meta.editor,
    lastModifiedBy: options.producer,
    title: input.layout.metadata.title,
    subject: input.layout.metadata.subject,
    evenAndOddHeaderAndFooters: input.template.page.twoSided,
    styles: { paragraphStyles: paragraphStyles(input.template, geo) },
    sections: [writer.section()],
  });
  const zipped = await Packer.toBuffer(doc);
  return finishDocxPackage(new Uint8Array(zipped), {
    date: input.layout.metadata.date,
    template: input.template,
    language: input.layout.metadata.language,
    families: Object.fromEntries(Object.entries(input.layout.faces).map(([k, f]) => [k, f.familyName])),
    ...(options.embedded ? { embedded: options.embedded } : {}),
  });
}

type BodyItem = Paragraph | Table;

/**
 * Where blocks are set, as the typesetter's frames: twips in from the text
 * block's left and right edges, and inside a 编者按 its box: the rule, and
 * where it lies (the edges of the frame the quote sits in).
 */
interface Frame {
  left: number;
  right: number;
  border?: { rule: IBorderOptions; left: number; right: number };
}

const TEXT_BLOCK: Frame = { left: 0, right: 0 };

/** Paragraph indents from the frame's left edge (twips), as Word takes them. */
interface Indent {
  left?: number;
  hanging?: number;
  firstLine?: number;
  firstLineChars?: number;
}

class DocxWriter {
  private readonly t: Template;

  constructor(
    private readonly input: DocxInput,
    private readonly geo: DocxGeometry,
    private readonly draft: boolean,
  ) {
    this.t = input.template;
  }

  /**
   * The section: page, margins and footers, and deliberately no w:docGrid.
   * Body lines are exact multiples of the pitch already, and N characters
   * fill the measure by their own widths (gbt9704: with each style's
   * character spacing, see docxStyles' tracking). A line grid made
   * LibreOffice snap exact-height lines (titles of 28.6 pt) up to the pitch,
   * losing a line a page; a character grid with negative charSpace is
   * misread by LibreOffice 7.4 (18 characters a line instead of 28).
   */
  section() {
    const g = this.geo;
    return {
      properties: {
        page: {
          size: { width: g.pageWidth, height: g.pageHeight },
          margin: { top: g.top, bottom: g.bottom, left: g.left, right: g.right, header: Math.round(g.top / 2), footer: g.footer, gutter: 0 },
        },
      },
      footers: {
        default: this.footer('odd'),
        ...(this.t.page.twoSided ? { even: this.footer('even') } : {}),
      },
      ...(this.draft ? { headers: { default: this.watermark(), ...(this.t.page.twoSided ? { even: this.watermark() } : {}) } } : {}),
      children: [
        ...mastheadBlock(this.input.issue.meta, this.t, this.input.layout.masthead, g),
        ...this.articles(),
        ...distributionBlock(this.input.issue.meta, this.t, this.input.layout, g),
      ],
    };
  }

  /**
   * 草稿 across every page, behind the text, as Word's own watermark
   * (removable there): in the template's watermark style, solid, and a
   * shape the size of the text as the typesetter set it (its width from the
   * Layout's watermark runs, centred on the page), so Word does not stretch it.
   */
  private watermark(): Header {
    const d = this.t.draft;
    const style = resolveStyle(this.t, d.style);
    const runs = (this.input.layout.pages[0]?.items ?? []).filter((item): item is LayoutRun => item.kind === 'text' && item.rotation !== undefined);
    const centre = runs[0]?.rotation?.cx;
    if (centre === undefined) throw new Error('The layout has no draft watermark on its first page');
    // The text is centred on its rotation's centre: twice as wide as its start's distance from it.
    const width = 2 * (centre - Math.min(...runs.map((r) => r.x)));
    return new Header({
      children: [
        new Paragraph({
          children: [
            new TextWatermark({
              text: d.text,
              font: wordFonts(this.t, style.face).eastAsia,
              fontSize: style.size,
              bold: style.bold,
              color: wordColor(this.t, style.color),
              opacity: 1,
              rotation: d.angle,
              width,
              height: style.size,
            }),
          ],
        }),
      ],
    });
  }

  private footer(side: 'odd' | 'even'): Footer {
    const s = styleOf(this.t, 'pageNumber');
    const [before, after] = this.t.pageNumber.format.split('{n}');
    const inset = twips(this.t.pageNumber.indent * s.size);
    return new Footer({
      children: [
        new Paragraph({
          style: STYLE.pageNumber.id,
          alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: side === 'odd' ? { right: inset } : { left: inset },
          children: [new TextRun({ children: [before ?? '', PageNumber.CURRENT, after ?? ''] })],
        }),
      ],
    });
  }

  private articles(): BodyItem[] {
    const out: BodyItem[] = [];
    let section: string | undefined;
    const pitch = this.geo.pitch;
    this.input.issue.articles.forEach((article, i) => {
      const atBodyStart = i === 0;
      const newSection = article.section !== undefined && article.section !== section;
      if (newSection) {
        out.push(
          new Paragraph({
            style: STYLE.section.id,
            spacing: { before: atBodyStart ? 0 : this.t.article.sectionSpaceBefore * pitch },
            children: [new TextRun(fill(this.t.article.sectionFormat, { section: article.section! }))],
          }),
        );
      }
      section = article.section;
      // After a section heading the title keeps its space above, as in the PDF.
      out.push(this.title(i, atBodyStart && !newSection));
      article.blocks.forEach((block, k) => out.push(...this.block(block, 'body', k === 0, TEXT_BLOCK)));
      if (article.source) {
        out.push(new Paragraph({ style: STYLE.source.id, children: [new TextRun(fill(this.t.article.sourceFormat, { source: article.source }))] }));
      }
    });
    return out;
  }

  /**
   * A title occupies whole grid lines: space above (none at the body's start),
   * its lines centred in the grid lines they need, space below; the twips of
   * before + lines + after add up to exactly that many grid lines.
   */
  private title(index: number, atBodyStart: boolean): Paragraph {
    const t = this.t;
    const pitch = this.geo.pitch;
    // The size, lines and grid lines the typesetter gave the title.
    const setting = this.input.layout.titles[index];
    if (!setting) throw new Error(`The layout has no title setting for article ${index + 1}`);
    const lineTwips = twips(setting.lineHeight);
    const k = setting.lines.length;
    const above = atBodyStart ? 0 : t.article.titleSpaceBefore;
    const total = (above + setting.slots + t.article.titleSpaceAfter) * pitch;
    const before = above * pitch + Math.floor((setting.slots * pitch - k * lineTwips) / 2);
    const children: ParagraphChild[] = [];
    setting.lines.forEach((text, i) => {
      if (i > 0) children.push(new TextRun({ break: 1 }));
      children.push(new TextRun({ text, ...sizedRun(t, setting.size) }));
    });
    return new Paragraph({
      style: STYLE.articleTitle.id,
      spacing: { before, after: total - before - k * lineTwips, line: lineTwips, lineRule: LineRuleType.EXACT },
      children,
    });
  }

  /** What the typesetter recorded for a block; it records everything asked here, so a gap is a bug. */
  private decided<K extends keyof BlockSetting>(pos: Block['pos'], key: K): NonNullable<BlockSetting[K]> {
    const value = this.input.layout.blocks[blockKey(pos)]?.[key];
    if (value === undefined || value === null) throw new Error(`The layout records no ${key} for the block at ${blockKey(pos)}`);
    return value;
  }

  /**
   * Widow control where the typesetter used it (paragraphs of
   * widowOrphanMinLines lines or more). The first block after a title holds
   * the title's keep: a short one is kept whole, and one shorter than the
   * keep is also kept with the block after it, as the typesetter does.
   */
  private flowControl(pos: Block['pos'], firstAfterTitle: boolean): { widowControl: boolean; keepLines?: boolean; keepNext?: boolean } {
    const lines = this.decided(pos, 'lines');
    const widowControl = lines >= this.t.paragraph.widowOrphanMinLines;
    if (!firstAfterTitle) return { widowControl };
    return {
      widowControl,
      ...(!widowControl && lines > 1 ? { keepLines: true } : {}),
      ...(lines < this.t.article.titleKeepLines ? { keepNext: true } : {}),
    };
  }

  /**
   * A paragraph's indents, and in a 编者按 its box, in `frame`. The box lies
   * at the edges of the frame the quote sits in, as the PDF draws it, and the
   * text at the inset: Word and LibreOffice draw a paragraph's side rules
   * `space` points outside its indents (0–31 pt; a list item's first line
   * hangs out further than that, and its box is set in by the rest).
   *
   * The top and bottom rules they add to the flow, where the PDF draws them
   * on the grid lines: every piece of a box on a page has both, so each line
   * of a boxed paragraph gives back enough of its exact height (the
   * pitch) that its shortest possible piece pays for both. That is one line
   * of a paragraph without widow control, two of one with it (the
   * typesetter never leaves fewer at a page's foot or head).
   */
  private placed(frame: Frame, lines: number, indent: Indent = {}): Pick<IParagraphOptions, 'indent' | 'border' | 'spacing'> {
    const left = frame.left + (indent.left ?? 0);
    const ind = { ...indent, ...(left !== 0 || indent.left !== undefined ? { left } : {}), ...(frame.right !== 0 ? { right: frame.right } : {}) };
    const out = Object.keys(ind).length > 0 ? { indent: ind } : {};
    if (!frame.border) return out;
    const { rule, ...box } = frame.border;
    // The side rules go outside the paragraph's outermost text (its first line when that hangs out), at the box's edges.
    const side = (inside: number): IBorderOptions => ({ ...rule, space: Math.min(31, Math.max(0, Math.round(inside / 20))) });
    const shortestPiece = lines >= Math.max(2, this.t.paragraph.widowOrphanMinLines) ? 2 : 1;
    return {
      ...out,
      border: {
        top: { ...rule, space: 0 },
        bottom: { ...rule, space: 0 },
        left: side(left - (indent.hanging ?? 0) - box.left),
        right: side(frame.right - box.right),
      },
      spacing: { line: this.geo.pitch - Math.ceil((2 * borderTwips(rule)) / shortestPiece), lineRule: LineRuleType.EXACT },
    };
  }

  private block(block: Block, role: StyleRole, firstAfterTitle: boolean, frame: Frame): BodyItem[] {
    const baseStyle = styleOf(this.t, role);
    switch (block.type) {
      case 'paragraph':
        return [
          new Paragraph({
            style: STYLE[role].id,
            ...this.flowControl(block.pos, firstAfterTitle),
            ...this.placed(frame, this.decided(block.pos, 'lines')),
            children: this.runs(block.children, baseStyle),
          }),
        ];
      case 'heading': {
        const r = `heading${block.level}` as StyleRole;
        return [
          new Paragraph({
            style: STYLE[r].id,
            ...this.flowControl(block.pos, firstAfterTitle),
            ...this.placed(frame, this.decided(block.pos, 'lines')),
            children: this.runs(block.children, styleOf(this.t, r)),
          }),
        ];
      }
      case 'list':
        return block.items.flatMap((item, i) => {
          const marker = block.ordered ? fill(this.t.list.numberFormat, { n: block.start + i }) : this.t.list.bullet;
          return this.listItem(item, marker, role, firstAfterTitle && i === 0, frame);
        });
      case 'image':
        return this.image(block, frame);
      case 'quote':
        return this.quote(block, firstAfterTitle, frame);
      case 'table':
        return [this.table(block, frame)];
    }
  }

  private listItem(item: ListItem, marker: string, role: StyleRole, firstAfterTitle: boolean, frame: Frame): BodyItem[] {
    const base = styleOf(this.t, role);
    return item.blocks.flatMap((b, k) => {
      if (b.type !== 'paragraph') return this.block(b, role, false, frame);
      // Where the typesetter started the marker and hung the later lines, from the frame's edge.
      const at = this.decided(b.pos, 'indent');
      const indent: Indent =
        k === 0
          ? { left: twips(at.hang), hanging: twips(at.hang - at.start), firstLineChars: 0 }
          : { left: twips(at.hang), firstLine: 0, firstLineChars: 0 };
      return [
        new Paragraph({
          style: STYLE[role].id,
          ...this.flowControl(b.pos, firstAfterTitle && k === 0),
          ...this.placed(frame, this.decided(b.pos, 'lines'), indent),
          children: [...(k === 0 ? [new TextRun(`${marker} `)] : []), ...this.runs(b.children, base)],
        }),
      ];
    });
  }

  private image(block: Block & { type: 'image' }, frame: Frame): BodyItem[] {
    // The size the typesetter gave it, in the grid lines it took.
    const set = this.decided(block.pos, 'image');
    // Pixels at 96 dpi as docx takes them, unrounded: Word's EMUs (12700 a
    // point) rounded down, so the image is never larger than typeset.
    const pixels = (pt: number) => Math.floor(pt * 12700) / 9525;
    // The image itself is outside a 编者按's box, as in the PDF; its caption is inside.
    const unboxed: Frame = { left: frame.left, right: frame.right };
    const out: BodyItem[] = [
      new Paragraph({
        style: STYLE.caption.id,
        keepNext: block.caption.length > 0,
        ...this.placed(unboxed, 1),
        spacing: { line: set.slots * this.geo.pitch, lineRule: LineRuleType.EXACT },
        children: [
          new ImageRun({
            type: block.format === 'png' ? 'png' : 'jpg',
            data: block.data,
            transformation: { width: pixels(set.width), height: pixels(set.height) },
          }),
        ],
      }),
    ];
    if (block.caption.length > 0) {
      // The typesetter records no line count for captions: count one, which gives back the most.
      out.push(new Paragraph({ style: STYLE.caption.id, ...this.placed(frame, 1), children: this.runs(block.caption, styleOf(this.t, 'caption')) }));
    }
    return out;
  }

  /** 编者按: paragraphs in 楷体 in a thin box, the label in 黑体. */
  private quote(block: Block & { type: 'quote' }, firstAfterTitle: boolean, frame: Frame): BodyItem[] {
    const q = this.t.quote;
    const inset = twips(q.inset * charPitch(this.t));
    const inner: Frame = {
      left: frame.left + inset,
      right: frame.right + inset,
      border: { rule: ruleBorder(q.rule, wordColor(this.t, q.ruleColor)), left: frame.left, right: frame.right },
    };
    return block.blocks.flatMap((b, i) => {
      const first = firstAfterTitle && i === 0;
      const rest = i === 0 ? afterQuoteLabel(b, q.label) : undefined;
      if (rest) {
        const quoteStyle = styleOf(this.t, 'quote');
        return [
          new Paragraph({
            style: STYLE.quote.id,
            ...this.flowControl(b.pos, first),
            ...this.placed(inner, this.decided(b.pos, 'lines')),
            children: [this.run(q.label, resolveStyle(this.t, q.labelStyle, quoteStyle), quoteStyle), ...this.runs(rest, quoteStyle)],
          }),
        ];
      }
      return this.block(b, 'quote', first, inner);
    });
  }

  private table(block: Block & { type: 'table' }, frame: Frame): Table {
    const t = this.t.table;
    const rule = ruleBorder(t.rule, wordColor(this.t, t.ruleColor));
    const header = resolveStyle(this.t, t.headerStyle);
    const body = styleOf(this.t, 'table');
    // The typesetter's column widths (points, adding up to the frame's
    // width), in twips whose sum is the frame's width.
    const widths = this.decided(block.pos, 'table').widths;
    const width = this.geo.textWidth - frame.left - frame.right;
    const total = widths.reduce((a, b) => a + b, 0);
    let sum = 0;
    const edges = [0, ...widths.map((w) => Math.round(((sum += w) / total) * width))];
    const columns = widths.map((_, c) => edges[c + 1]! - edges[c]!);
    // Word and LibreOffice add the rules between rows (and above and below
    // the table) to its height, where the PDF draws them on the grid lines.
    // Each line of a row gives back two rules' width: a row of any number of
    // lines pays for the rule above it and for one below it, at the table's
    // end or at a page break (rows never split).
    const line = this.geo.pitch - 2 * borderTwips(rule);
    return new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: columns,
      layout: TableLayoutType.FIXED,
      ...(frame.left !== 0 ? { indent: { size: frame.left, type: WidthType.DXA } } : {}),
      margins: { top: 0, bottom: 0, left: twips(t.cellPadding), right: twips(t.cellPadding) },
      borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
      rows: block.rows.map(
        (row, r) =>
          new TableRow({
            // The typesetter never splits a row across pages.
            cantSplit: true,
            height: { value: line, rule: HeightRule.ATLEAST },
            children: row.map(
              (cell, c) =>
                new TableCell({
                  width: { size: columns[c] ?? 0, type: WidthType.DXA },
                  children: [
                    new Paragraph({
                      style: STYLE.table.id,
                      spacing: { line, lineRule: LineRuleType.EXACT },
                      alignment: block.align[c] === 'center' ? AlignmentType.CENTER : block.align[c] === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                      children: this.runs(cell.children, r === 0 ? header : body, body),
                    }),
                  ],
                }),
            ),
          }),
      ),
    });
  }

  /** Runs of `inlines` set in `style`, in a paragraph whose style is `paragraph`. */
  private runs(inlines: readonly Inline[], style: TextStyle, paragraph: TextStyle = style): TextRun[] {
    const out: TextRun[] = [];
    const walk = (nodes: readonly Inline[], style: TextStyle): void => {
      for (const n of nodes) {
        if (n.type === 'text') out.push(this.run(n.value, style, paragraph));
        else if (n.type === 'break') out.push(new TextRun({ break: 1 }));
        else walk(n.children, resolveStyle(this.t, n.type === 'strong' ? 'strong' : 'emphasis', style));
      }
    };
    walk(inlines, style);
    return out;
  }

  /** A run carrying only what differs from the paragraph style `base`. */
  private run(text: string, style: TextStyle, base?: TextStyle): TextRun {
    const differs = <K extends keyof TextStyle>(k: K) => !base || base[k] !== style[k];
    return new TextRun({
      text,
      ...(differs('face') ? { font: wordFonts(this.t, style.face) } : {}),
      ...(differs('size') ? sizedRun(this.t, style.size) : {}),
      ...(differs('bold') ? { bold: style.bold } : {}),
      ...(differs('color') ? { color: wordColor(this.t, style.color) } : {}),
    });
  }
}
