// Model + template → DOCX. Maps the same issue to Word paragraphs in named
// styles, with the page geometry, grid and footers of the template, so that
// Word, WPS and LibreOffice lay it out like the PDF.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  DocumentGridType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import type { Article, Block, Inline, Issue } from '../model.js';
import { fill, formatDate } from '../template/format.js';
import type { Template } from '../template/loadTemplate.js';
import { resolveStyle, type TextStyle } from '../template/styles.js';
import type { Layout } from '../typeset/layout.js';
import { finishDocxPackage } from './docxPackage.js';
import { halfPoints, paragraphStyles, STYLE, styleOf, twips, wordFonts, type StyleRole } from './docxStyles.js';

export interface DocxInput {
  issue: Issue;
  template: Template;
  layout: Layout;
}

export interface DocxOptions {
  producer: string;
  drafts: boolean;
}

const EIGHTHS_PER_PT = 8;

export async function renderDocx(input: DocxInput, options: DocxOptions): Promise<Uint8Array> {
  const writer = new DocxWriter(input);
  const doc = new Document({
    creator: input.issue.meta.editor,
    lastModifiedBy: options.producer,
    title: input.layout.metadata.title,
    subject: input.layout.metadata.subject,
    evenAndOddHeaderAndFooters: input.template.page.twoSided,
    styles: { paragraphStyles: paragraphStyles(input.template) },
    sections: [writer.section()],
  });
  const zipped = await Packer.toBuffer(doc);
  return finishDocxPackage(new Uint8Array(zipped), {
    date: input.layout.metadata.date,
    mirrorMargins: input.template.page.twoSided,
    template: input.template,
    language: input.layout.metadata.language,
  });
}

class DocxWriter {
  private readonly t: Template;
  private readonly charPitch: number;

  constructor(private readonly input: DocxInput) {
    this.t = input.template;
    this.charPitch = this.t.textBlock.width / this.t.grid.charsPerLine;
  }

  section() {
    const t = this.t;
    const g = { w: t.page.width, h: t.page.height, tbw: t.textBlock.width, tbh: t.textBlock.height };
    const bottom = g.h - t.textBlock.top - g.tbh;
    const pnStyle = styleOf(t, 'pageNumber');
    // The footer's em box starts `offset` below the text block.
    const footerDistance = bottom - t.pageNumber.offset - pnStyle.size;
    return {
      properties: {
        page: {
          size: { width: twips(g.w), height: twips(g.h) },
          margin: {
            top: twips(t.textBlock.top),
            bottom: twips(bottom),
            left: twips(t.textBlock.inner),
            right: twips(g.w - t.textBlock.inner - g.tbw),
            header: twips(t.textBlock.top / 2),
            footer: twips(Math.max(0, footerDistance)),
            gutter: 0,
          },
        },
        grid: { type: DocumentGridType.LINES, linePitch: twips(t.grid.linePitch) },
      },
      footers: {
        default: this.footer('odd'),
        ...(t.page.twoSided ? { even: this.footer('even') } : {}),
      },
      children: [...this.masthead(), ...this.articles(), ...this.distribution()],
    };
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

  private masthead(): Paragraph[] {
    const t = this.t;
    const m = t.masthead;
    const meta = this.input.issue.meta;
    const sizes = this.input.layout.masthead;
    const line = (role: StyleRole, text: string, size: number, spaceBefore: number): Paragraph =>
      new Paragraph({
        style: STYLE[role].id,
        spacing: { before: 0, after: 0, line: twips(spaceBefore + size), lineRule: LineRuleType.EXACT },
        children: [new TextRun({ text, size: halfPoints(size), sizeComplexScript: halfPoints(size) })],
      });
    const out = [
      line('mastheadOrganization', meta.organization, sizes.organization, m.organization.spaceBefore),
      line('mastheadTitle', meta.title, sizes.title, m.title.spaceBefore),
    ];
    if (meta.number !== undefined) {
      let text = typeof meta.number === 'number' ? fill(m.number.format, { number: meta.number }) : meta.number;
      if (meta.totalNumber !== undefined) text += fill(m.number.totalFormat, { totalNumber: meta.totalNumber });
      out.push(line('mastheadNumber', text, sizes.number, m.number.spaceBefore));
    }
    const editor = styleOf(t, 'mastheadEditor');
    const rule = m.rule;
    const ruleColor = t.colors[rule.color]!.rgb.slice(1);
    // Space between the rule and the first grid line of the body.
    const after = sizes.firstSlot * t.grid.linePitch - sizes.ruleY - rule.thickness;
    out.push(
      new Paragraph({
        style: STYLE.mastheadEditor.id,
        tabStops: [{ type: TabStopType.RIGHT, position: twips(t.textBlock.width) }],
        spacing: { before: 0, after: twips(Math.max(0, after)), line: twips(m.editorLine.spaceBefore + editor.size), lineRule: LineRuleType.EXACT },
        border: {
          bottom: {
            style: BorderStyle.SINGLE,
            size: Math.round(rule.thickness * EIGHTHS_PER_PT),
            color: ruleColor,
            space: Math.min(31, Math.round(rule.spaceBefore)),
          },
        },
        children: [new TextRun({ text: `${meta.editor}\t${formatDate(m.editorLine.dateFormat, meta.date)}` })],
      }),
    );
    return out;
  }

  private articles(): Array<Paragraph | Table> {
    const out: Array<Paragraph | Table> = [];
    let section: string | undefined;
    this.input.issue.articles.forEach((article, i) => {
      const first = i === 0;
      if (article.section !== undefined && article.section !== section) {
        out.push(
          new Paragraph({
            style: STYLE.section.id,
            spacing: { before: first ? 0 : twips(this.t.article.titleSpaceBefore * this.t.grid.linePitch) },
            children: [new TextRun(fill(this.t.article.sectionFormat, { section: article.section }))],
          }),
        );
      }
      const sectionHeadingBefore = article.section !== undefined && article.section !== section;
      section = article.section;
      out.push(this.title(article, i, first || sectionHeadingBefore));
      for (const block of article.blocks) out.push(...this.block(block, 0));
      if (article.source) {
        out.push(
          new Paragraph({
            style: STYLE.source.id,
            children: [new TextRun(fill(this.t.article.sourceFormat, { source: article.source }))],
          }),
        );
      }
    });
    return out;
  }

  private title(article: Article, index: number, atBodyStart: boolean): Paragraph {
    const t = this.t;
    const pitch = t.grid.linePitch;
    // The size and line count the typesetter chose for this title.
    const setting = this.input.layout.titles[index];
    const size = setting?.size ?? styleOf(t, 'articleTitle').size;
    const lineHeight = size * t.article.titleLineHeight;
    const k = setting?.lines.length ?? article.title.length;
    const slots = Math.max(1, Math.ceil((k * lineHeight) / pitch - 1e-6));
    const pad = (slots * pitch - k * lineHeight) / 2;
    const children: ParagraphChild[] = [];
    article.title.forEach((line, i) => {
      if (i > 0) children.push(new TextRun({ break: 1 }));
      children.push(new TextRun({ text: line.text, size: halfPoints(size), sizeComplexScript: halfPoints(size) }));
    });
    return new Paragraph({
      style: STYLE.articleTitle.id,
      spacing: {
        before: twips((atBodyStart ? 0 : t.article.titleSpaceBefore * pitch) + pad),
        after: twips(t.article.titleSpaceAfter * pitch + pad),
        line: twips(lineHeight),
        lineRule: LineRuleType.EXACT,
      },
      children,
    });
  }

  private block(block: Block, depth: number, base?: { role: StyleRole; extra?: object }): Array<Paragraph | Table> {
    const role = base?.role ?? 'body';
    const baseStyle = styleOf(this.t, role);
    switch (block.type) {
      case 'paragraph':
        return [new Paragraph({ style: STYLE[role].id, ...base?.extra, children: this.runs(block.children, baseStyle) })];
      case 'heading': {
        const r = `heading${block.level}` as StyleRole;
        return [new Paragraph({ style: STYLE[r].id, children: this.runs(block.children, styleOf(this.t, r)) })];
      }
      case 'list': {
        const out: Array<Paragraph | Table> = [];
        const indentChars = this.t.paragraph.firstLineIndent + depth * this.t.list.indent;
        const start = indentChars * this.charPitch;
        block.items.forEach((item, i) => {
          const marker = block.ordered ? fill(this.t.list.numberFormat, { n: block.start + i }) : this.t.list.bullet;
          const hang = start + (marker.length + 0.5) * baseStyle.size * 0.5;
          item.blocks.forEach((b, k) => {
            if (b.type === 'paragraph') {
              out.push(
                new Paragraph({
                  style: STYLE[role].id,
                  indent: k === 0 ? { left: twips(hang), hanging: twips(hang - start), firstLineChars: 0 } : { left: twips(hang), firstLine: 0, firstLineChars: 0 },
                  children: [...(k === 0 ? [new TextRun(`${marker} `)] : []), ...this.runs(b.children, baseStyle)],
                }),
              );
            } else {
              out.push(...this.block(b, depth + 1, base));
            }
          });
        });
        return out;
      }
      case 'image': {
        const t = this.t.image;
        const naturalW = (block.widthPx / t.maxDpi) * 72;
        const naturalH = (block.heightPx / t.maxDpi) * 72;
        const scale = Math.min(1, (this.t.textBlock.width * t.maxWidth) / naturalW, (this.t.textBlock.height * t.maxHeight) / naturalH);
        const w = naturalW * scale;
        const h = naturalH * scale;
        const slots = Math.max(1, Math.ceil(h / this.t.grid.linePitch - 1e-6));
        const out: Paragraph[] = [
          new Paragraph({
            style: STYLE.caption.id,
            keepNext: block.caption.length > 0,
            spacing: { line: twips(slots * this.t.grid.linePitch), lineRule: LineRuleType.EXACT },
            children: [
              new ImageRun({
                type: block.format === 'png' ? 'png' : 'jpg',
                data: block.data,
                transformation: { width: Math.round((w * 96) / 72), height: Math.round((h * 96) / 72) },
              }),
            ],
          }),
        ];
        if (block.caption.length > 0) {
          out.push(new Paragraph({ style: STYLE.caption.id, children: this.runs(block.caption, styleOf(this.t, 'caption')) }));
        }
        return out;
      }
      case 'quote': {
        const q = this.t.quote;
        const inset = twips(q.inset * this.charPitch);
        const border: IBorderOptions = { style: BorderStyle.SINGLE, size: Math.round(q.rule * EIGHTHS_PER_PT), color: '000000', space: 0 };
        const extra = { indent: { left: inset, right: inset }, border: { top: border, bottom: border, left: border, right: border } };
        return block.blocks.flatMap((b, i) => {
          if (i === 0 && b.type === 'paragraph') {
            const first = b.children[0];
            if (q.label && first?.type === 'text' && first.value.startsWith(q.label)) {
              const label = resolveStyle(this.t, q.labelStyle, styleOf(this.t, 'quote'));
              const rest: Inline[] = [{ ...first, value: first.value.slice(q.label.length) }, ...b.children.slice(1)];
              return [
                new Paragraph({
                  style: STYLE.quote.id,
                  ...extra,
                  children: [this.run(q.label, label), ...this.runs(rest, styleOf(this.t, 'quote'))],
                }),
              ];
            }
          }
          return this.block(b, depth, { role: 'quote', extra });
        });
      }
      case 'table':
        return [this.table(block)];
    }
  }

  private table(block: Block & { type: 'table' }): Table {
    const t = this.t.table;
    const rule: IBorderOptions = { style: BorderStyle.SINGLE, size: Math.round(t.rule * EIGHTHS_PER_PT), color: '000000' };
    const header = resolveStyle(this.t, t.headerStyle);
    const body = styleOf(this.t, 'table');
    return new Table({
      width: { size: twips(this.t.textBlock.width), type: WidthType.DXA },
      borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
      rows: block.rows.map(
        (row, r) =>
          new TableRow({
            children: row.map(
              (cell, c) =>
                new TableCell({
                  children: [
                    new Paragraph({
                      style: STYLE.table.id,
                      alignment:
                        block.align[c] === 'center' ? AlignmentType.CENTER : block.align[c] === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                      children: this.runs(cell.children, r === 0 ? header : body),
                    }),
                  ],
                }),
            ),
          }),
      ),
    });
  }

  /** The 报尾 as a table: thick rules above and below, thin rules between entries. */
  private distribution(): Table[] {
    const t = this.t;
    const d = t.distribution;
    const meta = this.input.issue.meta;
    if (meta.distribution.length === 0 && meta.copies === undefined) return [];
    const s = styleOf(t, 'distribution');
    const inset = d.indent * s.size;
    const thick: IBorderOptions = { style: BorderStyle.SINGLE, size: Math.round(d.thickRule * EIGHTHS_PER_PT), color: '000000' };
    const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: Math.round(d.thinRule * EIGHTHS_PER_PT), color: '000000' };
    const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    const pad = { before: twips(d.padding), after: twips(d.padding) };
    const rows: TableRow[] = meta.distribution.map((entry) => {
      const label = `${entry.label}${d.separator}`;
      // Later lines align under the first character after the label.
      const labelWidth = label.length * s.size;
      const indent = { left: twips(inset + labelWidth), hanging: twips(labelWidth), right: twips(inset) };
      const paragraphs =
        entry.kind === 'list'
          ? entry.recipients.map(
              (r, i) =>
                new Paragraph({
                  style: STYLE.distribution.id,
                  indent: i === 0 ? indent : { left: twips(inset + labelWidth), right: twips(inset) },
                  spacing: { before: i === 0 ? pad.before : 0, after: i === entry.recipients.length - 1 ? pad.after : 0 },
                  children: [new TextRun(i === 0 ? `${label}${r}` : r)],
                }),
            )
          : [new Paragraph({ style: STYLE.distribution.id, indent, spacing: pad, children: [new TextRun(`${label}${entry.text}`)] })];
      return new TableRow({ children: [new TableCell({ children: paragraphs })] });
    });
    if (meta.copies !== undefined) {
      rows.push(
        new TableRow({
          children: [
            new TableCell({
              children: [
                new Paragraph({
                  style: STYLE.distribution.id,
                  alignment: AlignmentType.RIGHT,
                  indent: { right: twips(inset) },
                  spacing: pad,
                  children: [new TextRun(fill(d.copiesFormat, { copies: meta.copies }))],
                }),
              ],
            }),
          ],
        }),
      );
    }
    return [
      new Table({
        width: { size: twips(t.textBlock.width), type: WidthType.DXA },
        columnWidths: [twips(t.textBlock.width)],
        margins: { left: 0, right: 0, top: 0, bottom: 0 },
        borders: { top: thick, bottom: thick, left: none, right: none, insideHorizontal: thin, insideVertical: none },
        rows,
      }),
    ];
  }

  private runs(inlines: readonly Inline[], base: TextStyle): TextRun[] {
    const out: TextRun[] = [];
    const walk = (nodes: readonly Inline[], style: TextStyle): void => {
      for (const n of nodes) {
        if (n.type === 'text') out.push(this.run(n.value, style, base));
        else if (n.type === 'break') out.push(new TextRun({ break: 1 }));
        else walk(n.children, resolveStyle(this.t, n.type === 'strong' ? 'strong' : 'emphasis', style));
      }
    };
    walk(inlines, base);
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
