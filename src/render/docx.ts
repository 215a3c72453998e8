// Model + template → DOCX. Maps the issue to Word paragraphs in named styles,
// with the page geometry and footers of the template. Every vertical size is
// a whole number of grid lines in twips (docxGeometry), and the decisions the
// typesetter made that Word cannot derive itself (title sizes, which
// paragraphs get widow control, where the 报尾 goes) come from the Layout, so
// that Word, WPS and LibreOffice lay the document out like the PDF.
import {
  AlignmentType,
  BorderStyle,
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
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { EmbeddedFont } from '../fonts/embeddedFonts.js';
import type { Block, Inline, Issue, ListItem } from '../model.js';
import { fill } from '../template/format.js';
import { afterQuoteLabel } from '../text/quoteLabel.js';
import type { Template } from '../template/loadTemplate.js';
import { resolveStyle, type TextStyle } from '../template/styles.js';
import { blockKey, type Layout } from '../typeset/layout.js';
import { distributionBlock } from './docxDistribution.js';
import { docxGeometry, eighths, halfPoints, twips, type DocxGeometry } from './docxGeometry.js';
import { mastheadBlock } from './docxMasthead.js';
import { finishDocxPackage } from './docxPackage.js';
import { paragraphStyles, STYLE, styleOf, wordFonts, type StyleRole } from './docxStyles.js';

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
    mirrorMargins: input.template.page.twoSided,
    template: input.template,
    language: input.layout.metadata.language,
    families: Object.fromEntries(Object.entries(input.layout.faces).map(([k, f]) => [k, f.familyName])),
    ...(options.embedded ? { embedded: options.embedded } : {}),
  });
}

type BodyItem = Paragraph | Table;

class DocxWriter {
  private readonly t: Template;
  private readonly charPitch: number;

  constructor(
    private readonly input: DocxInput,
    private readonly geo: DocxGeometry,
    private readonly draft: boolean,
  ) {
    this.t = input.template;
    this.charPitch = this.t.textBlock.width / this.t.grid.charsPerLine;
  }

  /**
   * The section: page, margins and footers, and deliberately no w:docGrid.
   * Body lines are exact multiples of the pitch already, and N characters
   * fill the measure by their own widths (gbt9704: with a run spacing of
   * −0.25 pt, see docxGeometry). A line grid made LibreOffice snap
   * exact-height lines (titles of 28.6 pt) up to the pitch, losing a line a
   * page; a character grid with negative charSpace is misread by LibreOffice
   * 7.4 (18 characters a line instead of 28).
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

  /** 草稿 across every page, behind the text, as Word's own watermark (removable there). */
  private watermark(): Header {
    const d = this.t.draft;
    const style = resolveStyle(this.t, d.style);
    return new Header({
      children: [
        new Paragraph({
          children: [
            new TextWatermark({
              text: d.text,
              font: wordFonts(this.t, style.face).eastAsia,
              color: this.t.colors[style.color]!.rgb.slice(1),
              rotation: d.angle,
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
            keepNext: true,
            spacing: { before: atBodyStart ? 0 : this.t.article.titleSpaceBefore * pitch },
            children: [new TextRun(fill(this.t.article.sectionFormat, { section: article.section! }))],
          }),
        );
      }
      section = article.section;
      // After a section heading the title keeps its space above, as in the PDF.
      out.push(this.title(i, atBodyStart && !newSection));
      article.blocks.forEach((block, k) => out.push(...this.block(block, 0, 'body', k === 0)));
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
    const setting = this.input.layout.titles[index]!;
    const lineTwips = twips(setting.lineHeight);
    const k = setting.lines.length;
    const above = atBodyStart ? 0 : t.article.titleSpaceBefore;
    const total = (above + setting.slots + t.article.titleSpaceAfter) * pitch;
    const before = above * pitch + Math.floor((setting.slots * pitch - k * lineTwips) / 2);
    const children: ParagraphChild[] = [];
    setting.lines.forEach((text, i) => {
      if (i > 0) children.push(new TextRun({ break: 1 }));
      children.push(new TextRun({ text, size: halfPoints(setting.size), sizeComplexScript: halfPoints(setting.size) }));
    });
    return new Paragraph({
      style: STYLE.articleTitle.id,
      spacing: { before, after: total - before - k * lineTwips, line: lineTwips, lineRule: LineRuleType.EXACT },
      children,
    });
  }

  /**
   * Widow control where the typesetter used it (paragraphs of
   * widowOrphanMinLines lines or more). The first block after a title holds
   * the title's keep: a short one is kept whole, and one shorter than the
   * keep is also kept with the block after it, as the typesetter does.
   */
  private flowControl(pos: Block['pos'], firstAfterTitle: boolean): { widowControl: boolean; keepLines?: boolean; keepNext?: boolean } {
    const lines = this.input.layout.blocks[blockKey(pos)]?.lines ?? 1;
    const widowControl = lines >= this.t.paragraph.widowOrphanMinLines;
    if (!firstAfterTitle) return { widowControl };
    return {
      widowControl,
      ...(!widowControl && lines > 1 ? { keepLines: true } : {}),
      ...(lines < this.t.article.titleKeepLines ? { keepNext: true } : {}),
    };
  }

  private block(block: Block, depth: number, role: StyleRole, firstAfterTitle = false, extra: object = {}): BodyItem[] {
    const baseStyle = styleOf(this.t, role);
    switch (block.type) {
      case 'paragraph':
        return [
          new Paragraph({
            style: STYLE[role].id,
            ...this.flowControl(block.pos, firstAfterTitle),
            ...extra,
            children: this.runs(block.children, baseStyle),
          }),
        ];
      case 'heading': {
        const r = `heading${block.level}` as StyleRole;
        return [new Paragraph({ style: STYLE[r].id, ...this.flowControl(block.pos, firstAfterTitle), children: this.runs(block.children, styleOf(this.t, r)) })];
      }
      case 'list':
        return block.items.flatMap((item, i) => {
          const marker = block.ordered ? fill(this.t.list.numberFormat, { n: block.start + i }) : this.t.list.bullet;
          return this.listItem(item, marker, depth, role, extra, firstAfterTitle && i === 0);
        });
      case 'image':
        return this.image(block);
      case 'quote':
        return this.quote(block, depth);
      case 'table':
        return [this.table(block)];
    }
  }

  /** `extra`: paragraph properties of the container (the box of a 编者按). */
  private listItem(item: ListItem, marker: string, depth: number, role: StyleRole, extra: object, firstAfterTitle: boolean): BodyItem[] {
    const base = styleOf(this.t, role);
    return item.blocks.flatMap((b, k) => {
      if (b.type !== 'paragraph') return this.block(b, depth + 1, role, false, extra);
      // Where the typesetter started the marker and hung the later lines.
      const at = this.input.layout.blocks[blockKey(b.pos)]?.indent ?? { start: 0, hang: 0 };
      return [
        new Paragraph({
          style: STYLE[role].id,
          ...this.flowControl(b.pos, firstAfterTitle && k === 0),
          ...extra,
          indent:
            k === 0
              ? { left: twips(at.hang), hanging: twips(at.hang - at.start), firstLineChars: 0 }
              : { left: twips(at.hang), firstLine: 0, firstLineChars: 0 },
          children: [...(k === 0 ? [new TextRun(`${marker} `)] : []), ...this.runs(b.children, base)],
        }),
      ];
    });
  }

  private image(block: Block & { type: 'image' }): BodyItem[] {
    // The size the typesetter gave it, in the grid lines it took.
    const set = this.input.layout.blocks[blockKey(block.pos)]?.image ?? { width: 72, height: 72, slots: 3 };
    const out: BodyItem[] = [
      new Paragraph({
        style: STYLE.caption.id,
        keepNext: block.caption.length > 0,
        spacing: { line: set.slots * this.geo.pitch, lineRule: LineRuleType.EXACT },
        children: [
          new ImageRun({
            type: block.format === 'png' ? 'png' : 'jpg',
            data: block.data,
            transformation: { width: Math.round((set.width * 96) / 72), height: Math.round((set.height * 96) / 72) },
          }),
        ],
      }),
    ];
    if (block.caption.length > 0) out.push(new Paragraph({ style: STYLE.caption.id, children: this.runs(block.caption, styleOf(this.t, 'caption')) }));
    return out;
  }

  /** 编者按: paragraphs in 楷体 in a thin box, the label in 黑体. */
  private quote(block: Block & { type: 'quote' }, depth: number): BodyItem[] {
    const q = this.t.quote;
    const inset = twips(q.inset * this.charPitch);
    const border: IBorderOptions = { style: BorderStyle.SINGLE, size: eighths(q.rule), color: '000000', space: 0 };
    const extra = { indent: { left: inset, right: inset }, border: { top: border, bottom: border, left: border, right: border } };
    return block.blocks.flatMap((b, i) => {
      const rest = i === 0 ? afterQuoteLabel(b, q.label) : undefined;
      if (rest) {
        const quoteStyle = styleOf(this.t, 'quote');
        return [
          new Paragraph({
            style: STYLE.quote.id,
            ...this.flowControl(b.pos, false),
            ...extra,
            children: [this.run(q.label, resolveStyle(this.t, q.labelStyle, quoteStyle), quoteStyle), ...this.runs(rest, quoteStyle)],
          }),
        ];
      }
      return this.block(b, depth, 'quote', false, extra);
    });
  }

  private table(block: Block & { type: 'table' }): Table {
    const t = this.t.table;
    const rule: IBorderOptions = { style: BorderStyle.SINGLE, size: eighths(t.rule), color: '000000' };
    const header = resolveStyle(this.t, t.headerStyle);
    const body = styleOf(this.t, 'table');
    return new Table({
      width: { size: this.geo.textWidth, type: WidthType.DXA },
      margins: { top: 0, bottom: 0, left: twips(t.cellPadding), right: twips(t.cellPadding) },
      borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
      rows: block.rows.map(
        (row, r) =>
          new TableRow({
            height: { value: this.geo.pitch, rule: HeightRule.ATLEAST },
            children: row.map(
              (cell, c) =>
                new TableCell({
                  children: [
                    new Paragraph({
                      style: STYLE.table.id,
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
      ...(differs('size') ? { size: halfPoints(style.size), sizeComplexScript: halfPoints(style.size) } : {}),
      ...(differs('bold') ? { bold: style.bold } : {}),
      ...(differs('color') ? { color: this.t.colors[style.color]!.rgb.slice(1) } : {}),
    });
  }
}
