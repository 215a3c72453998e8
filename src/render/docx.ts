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
import type { Issue } from '../model.js';
import { charPitch } from '../template/gridMetrics.js';
import type { Template } from '../template/loadTemplate.js';
import { STYLE_ROLES } from '../template/styleRoles.js';
import type { TextStyle } from '../template/styles.js';
import type {
  Keeps,
  Layout,
  Measure,
  Placement,
  SetArticle,
  SetBlock,
  SetBox,
  SetFigure,
  SetListItem,
  SetPiece,
  SetTable,
  SetTableCell,
  SetText,
  SetTitle,
  SetWatermark,
} from '../typeset/layout.js';
import { distributionBlock } from './docxDistribution.js';
import { borderTwips, docxGeometry, ruleBorder, twips, type DocxGeometry } from './docxGeometry.js';
import { mastheadBlock } from './docxMasthead.js';
import { finishDocxPackage } from './docxPackage.js';
import { paragraphStyles, sizedRun, styleOf, wordColor, wordFonts } from './docxStyles.js';

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
  const writer = new DocxWriter(input, geo);
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
    const set = this.input.layout.issue;
    const mark = set.watermark;
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
      ...(mark ? { headers: { default: this.watermark(mark), ...(this.t.page.twoSided ? { even: this.watermark(mark) } : {}) } } : {}),
      children: [...mastheadBlock(set.masthead, this.t, g), ...this.articles(), ...(set.distribution ? distributionBlock(set.distribution, this.t, g) : [])],
    };
  }

  /**
   * 草稿 across every page, behind the text, as Word's own watermark
   * (removable there): in the template's watermark style, solid, and a
   * shape the size of the text as the typesetter set it, centred on the
   * page, so Word does not stretch it.
   */
  private watermark(mark: SetWatermark): Header {
    return new Header({
      children: [
        new Paragraph({
          children: [
            new TextWatermark({
              text: mark.text,
              font: wordFonts(this.t, mark.style.face).eastAsia,
              fontSize: mark.style.size,
              bold: mark.style.bold,
              color: wordColor(this.t, mark.style.color),
              opacity: 1,
              rotation: mark.angle,
              width: mark.width,
              height: mark.style.size,
            }),
          ],
        }),
      ],
    });
  }

  private footer(side: 'odd' | 'even'): Footer {
    const pn = this.input.layout.issue.pageNumber;
    const inset = twips(pn.inset);
    return new Footer({
      children: [
        new Paragraph({
          style: STYLE_ROLES.pageNumber.word.id,
          alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: side === 'odd' ? { right: inset } : { left: inset },
          children: [new TextRun({ children: [pn.before, PageNumber.CURRENT, pn.after] })],
        }),
      ],
    });
  }

  private articles(): BodyItem[] {
    const out: BodyItem[] = [];
    this.input.layout.issue.body.forEach((node) => {
      if (node.kind === 'section') {
        out.push(this.text(node.heading, TEXT_BLOCK));
        node.articles.forEach((a) => out.push(...this.article(a)));
      } else {
        out.push(...this.article(node));
      }
    });
    return out;
  }

  private article(article: SetArticle): BodyItem[] {
    return [this.title(article.title), ...article.blocks.flatMap((b) => this.block(b, TEXT_BLOCK))];
  }

  /** Grid lines of space the typesetter left above a block's first piece (none at the top of a page). */
  private spaceAbove(node: { keeps: Keeps; placements: Placement[] }): number {
    return node.placements[0]?.spaceBefore ?? node.keeps.spaceBefore;
  }

  /**
   * A title occupies whole grid lines: space above (none at the top of a
   * page), its lines centred in the grid lines they need, space below; the
   * twips of before + lines + after add up to exactly that many grid lines.
   */
  private title(title: SetTitle): Paragraph {
    const pitch = this.geo.pitch;
    const lineTwips = twips(title.lineHeight);
    const k = title.lines.length;
    const above = this.spaceAbove(title);
    const total = (above + title.gridLines + title.keeps.spaceAfter) * pitch;
    const before = above * pitch + Math.floor((title.gridLines * pitch - k * lineTwips) / 2);
    const children: ParagraphChild[] = [];
    title.lines.forEach((text, i) => {
      if (i > 0) children.push(new TextRun({ break: 1 }));
      children.push(new TextRun({ text, ...sizedRun(this.t, title.style.size) }));
    });
    return new Paragraph({
      style: STYLE_ROLES[title.role].word.id,
      spacing: { before, after: total - before - k * lineTwips, line: lineTwips, lineRule: LineRuleType.EXACT },
      children,
    });
  }

  /** The typesetter's keeps as Word's paragraph properties. */
  private flowControl(keeps: Keeps, lines: number): { widowControl: boolean; keepLines?: boolean; keepNext?: boolean } {
    return {
      widowControl: keeps.widowControl,
      ...(keeps.keepLinesTogether && lines > 1 ? { keepLines: true } : {}),
      ...(keeps.keepWithNext ? { keepNext: true } : {}),
    };
  }

  /**
   * A paragraph's indents, and in a 编者按 its box. The box lies at the
   * edges of the measure the quote sits in, as the PDF draws it, and the
   * text at the inset: Word and LibreOffice draw a paragraph's side rules
   * `space` points outside its indents (0–31 pt; a list item's first line
   * hangs out further than that, and its box is set in by the rest).
   *
   * The top and bottom rules they add to the flow, where the PDF draws them
   * on the grid lines: every piece of a box on a page has both, so each line
   * of a boxed paragraph gives back enough of its exact height (the pitch)
   * that the shortest piece the typesetter allows on a page pays for both.
   */
  private placed(measure: Measure, box: SetBox | undefined, shortestPiece: number, indent: Indent = {}): Pick<IParagraphOptions, 'indent' | 'border' | 'spacing'> {
    const frameLeft = twips(measure.x);
    const frameRight = this.geo.textWidth - twips(measure.x + measure.width);
    const left = frameLeft + (indent.left ?? 0);
    const ind = { ...indent, ...(left !== 0 || indent.left !== undefined ? { left } : {}), ...(frameRight !== 0 ? { right: frameRight } : {}) };
    const out = Object.keys(ind).length > 0 ? { indent: ind } : {};
    if (!box) return out;
    const rule = ruleBorder(box.thickness, box.color.rgb.slice(1).toUpperCase());
    const boxLeft = twips(box.measure.x);
    const boxRight = this.geo.textWidth - twips(box.measure.x + box.measure.width);
    // The side rules go outside the paragraph's outermost text (its first line when that hangs out), at the box's edges.
    const side = (inside: number): IBorderOptions => ({ ...rule, space: Math.min(31, Math.max(0, Math.round(inside / 20))) });
    return {
      ...out,
      border: {
        top: { ...rule, space: 0 },
        bottom: { ...rule, space: 0 },
        left: side(left - (indent.hanging ?? 0) - boxLeft),
        right: side(frameRight - boxRight),
      },
      spacing: { line: this.geo.pitch - Math.ceil((2 * borderTwips(rule)) / Math.max(1, shortestPiece)), lineRule: LineRuleType.EXACT },
    };
  }

  private block(block: SetBlock, frame: Frame): BodyItem[] {
    switch (block.kind) {
      case 'text':
        return [this.text(block, frame)];
      case 'list':
        return block.items.flatMap((item) => this.listItem(item, frame));
      case 'figure':
        return this.figure(block);
      case 'quote':
        return block.blocks.flatMap((b) => this.block(b, frame));
      case 'table':
        return [this.table(block)];
    }
  }

  /** A paragraph-like block in its role's style, with the indents the typesetter gave it where they differ from the style's. */
  private text(node: SetText, _frame: Frame, indent?: Indent, prefix: TextRun[] = []): Paragraph {
    const base = styleOf(this.t, node.role);
    const styleIndent = node.role === 'body' || node.role === 'quote' || node.role.startsWith('heading') ? this.firstLineIndent() : 0;
    const own: Indent = indent ?? (node.indent.first === styleIndent && node.indent.rest === 0 ? {} : this.indentOf(node));
    const above = this.spaceAbove(node);
    const placed = this.placed(node.measure, node.box, node.keeps.shortestPiece, own);
    const spacing = above > 0 ? { ...placed.spacing, before: above * this.geo.pitch } : placed.spacing;
    return new Paragraph({
      style: STYLE_ROLES[node.role].word.id,
      ...this.flowControl(node.keeps, node.lines.length),
      ...placed,
      ...(spacing ? { spacing } : {}),
      children: [...prefix, ...this.runs(node.content, base)],
    });
  }

  private firstLineIndent(): number {
    return this.t.paragraph.firstLineIndent * charPitch(this.t);
  }

  /** Word's indents for a node's first and later lines (twips from the measure's left). */
  private indentOf(node: SetText): Indent {
    const first = twips(node.indent.first);
    const rest = twips(node.indent.rest);
    return first >= rest ? { left: rest, firstLine: first - rest, firstLineChars: 0 } : { left: rest, hanging: rest - first, firstLineChars: 0 };
  }

  private listItem(item: SetListItem, frame: Frame): BodyItem[] {
    return item.blocks.flatMap((b, k) => {
      if (b.kind !== 'text') return this.block(b, frame);
      // Where the typesetter started the marker and hung the later lines, from the measure's edge.
      const indent: Indent =
        k === 0
          ? { left: twips(item.hang), hanging: twips(item.hang - item.label.x), firstLineChars: 0 }
          : { left: twips(item.hang), firstLine: 0, firstLineChars: 0 };
      return [this.text(b, frame, indent, k === 0 ? [new TextRun(`${item.label.text} `)] : [])];
    });
  }

  private figure(figure: SetFigure): BodyItem[] {
    const out: BodyItem[] = [];
    for (const { image, caption } of figure.panels) {
      // Pixels at 96 dpi as docx takes them, unrounded: Word's EMUs (12700 a
      // point) rounded down, so the image is never larger than typeset.
      const pixels = (pt: number) => Math.floor(pt * 12700) / 9525;
      // The image itself is outside a 编者按's box, as in the PDF; its caption is inside.
      out.push(
        new Paragraph({
          style: STYLE_ROLES.caption.word.id,
          keepNext: caption !== undefined,
          ...this.placed(figure.measure, undefined, 1),
          spacing: { line: figure.gridLines * this.geo.pitch, lineRule: LineRuleType.EXACT },
          children: [
            new ImageRun({
              type: image.model.format === 'png' ? 'png' : 'jpg',
              data: image.model.data,
              transformation: { width: pixels(image.width), height: pixels(image.height) },
            }),
          ],
        }),
      );
      if (caption) {
        out.push(
          new Paragraph({
            style: STYLE_ROLES.caption.word.id,
            ...this.flowControl(caption.keeps, caption.lines.length),
            ...this.placed(caption.measure, caption.box, caption.lines.length),
            children: this.runs(caption.content, styleOf(this.t, 'caption')),
          }),
        );
      }
    }
    return out;
  }

  private table(table: SetTable): Table {
    const body = styleOf(this.t, 'table');
    const rule = ruleBorder(this.t.table.rule, wordColor(this.t, this.t.table.ruleColor));
    // The typesetter's column widths (points, adding up to the measure's
    // width), in twips whose sum is the measure's width.
    const frameLeft = twips(table.measure.x);
    const width = this.geo.textWidth - frameLeft - (this.geo.textWidth - twips(table.measure.x + table.measure.width));
    const total = table.columns.reduce((a, b) => a + b, 0);
    let sum = 0;
    const edges = [0, ...table.columns.map((w) => Math.round(((sum += w) / total) * width))];
    const columns = table.columns.map((_, c) => edges[c + 1]! - edges[c]!);
    // Word and LibreOffice add the rules between rows (and above and below
    // the table) to its height, where the PDF draws them on the grid lines.
    // Each line of a row gives back two rules' width: a row of any number of
    // lines pays for the rule above it and for one below it, at the table's
    // end or at a page break (rows never split).
    const line = this.geo.pitch - 2 * borderTwips(rule);
    const jc = (a: SetTableCell['align']) => (a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT);
    return new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: columns,
      layout: TableLayoutType.FIXED,
      ...(frameLeft !== 0 ? { indent: { size: frameLeft, type: WidthType.DXA } } : {}),
      margins: { top: 0, bottom: 0, left: twips(table.cellPadding), right: twips(table.cellPadding) },
      borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
      rows: table.rows.map(
        (row) =>
          new TableRow({
            // The typesetter never splits a row across pages.
            cantSplit: true,
            height: { value: line, rule: HeightRule.ATLEAST },
            children: row.cells.map(
              (cell, c) =>
                new TableCell({
                  width: { size: columns[c] ?? 0, type: WidthType.DXA },
                  children: [
                    new Paragraph({
                      style: STYLE_ROLES.table.word.id,
                      spacing: { line, lineRule: LineRuleType.EXACT },
                      alignment: jc(cell.align),
                      children: this.runs(cell.content, body),
                    }),
                  ],
                }),
            ),
          }),
      ),
    });
  }

  /** Runs of the pieces the typesetter printed, in a paragraph whose style is `paragraph`. */
  private runs(pieces: readonly SetPiece[], paragraph: TextStyle): TextRun[] {
    return pieces.map((p) => ('lineBreak' in p ? new TextRun({ break: 1 }) : this.run(p.text, p.style, paragraph)));
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
