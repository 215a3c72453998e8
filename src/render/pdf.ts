// Layout → PDF. Draws exactly what the typesetter placed: text runs at their
// positions with their spacing, rules, images; adds bookmarks and metadata.
// It makes no layout decision.
import PDFDocument from 'pdfkit';
import type { Color, ImageItem, Layout, OutlineEntry, TextRun } from '../typeset/layout.js';

/**
 * OpenType features switched off: the typesetter measured every glyph at its
 * plain advance, so kerning or ligatures here would move glyphs off their places.
 */
const PLAIN_GLYPHS = { kern: false, liga: false, clig: false, calt: false, dlig: false } as const;

/** Stroke width of the outline that makes a face without a bold cut look bold, in em. */
const FAKE_BOLD_STROKE = 0.03;

/** An image whose header read well but whose data does not decode. */
export class ImageDecodeError extends Error {
  constructor(
    readonly source: ImageItem['source'],
    readonly detail: string,
  ) {
    super(`${source.src}: ${detail}`);
  }
}

export interface PdfOptions {
  producer: string;
}

export function renderPdf(layout: Layout, options: PdfOptions): Promise<Buffer> {
  const m = layout.metadata;
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    pdfVersion: '1.7',
    lang: m.language,
    displayTitle: true,
    info: {
      Title: m.title,
      Author: m.author,
      Subject: m.subject,
      Creator: options.producer,
      Producer: options.producer,
      CreationDate: m.date,
      ModDate: m.date,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', (err) => reject(err ?? new Error('PDF error')));
  });
  for (const [key, face] of Object.entries(layout.faces)) doc.registerFont(key, face.file);

  // Bookmarks, each added on the page it opens (a section's articles under it).
  const bookmarks: Array<{ entry: OutlineEntry; parent?: OutlineEntry }> = layout.outline.flatMap((entry) => [
    { entry },
    ...entry.children.map((child) => ({ entry: child, parent: entry })),
  ]);
  const added = new Map<OutlineEntry, ReturnType<PDFDocument['outline']['addItem']>>();
  for (const page of layout.pages) {
    doc.addPage({ size: [layout.width, layout.height], margin: 0 });
    for (const { entry, parent } of bookmarks) {
      if (entry.page !== page.number) continue;
      const under = parent ? added.get(parent) : undefined;
      added.set(entry, (under ?? doc.outline).addItem(entry.title));
    }
    for (const item of page.items) {
      switch (item.kind) {
        case 'text':
          drawText(doc, item);
          break;
        case 'rule':
          doc
            .lineWidth(item.thickness)
            .strokeColor(pdfColor(item.color))
            .moveTo(item.x1, item.y1)
            .lineTo(item.x2, item.y2)
            .stroke();
          break;
        case 'image':
          try {
            doc.image(Buffer.from(item.data.buffer, item.data.byteOffset, item.data.byteLength), item.x, item.y, {
              width: item.width,
              height: item.height,
            });
          } catch (err) {
            throw new ImageDecodeError(item.source, (err as Error).message);
          }
          break;
      }
    }
  }
  doc.end();
  return done;
}

function drawText(doc: PDFDocument, run: TextRun): void {
  const color = pdfColor(run.color);
  if (run.rotation) doc.save().rotate(run.rotation.angle, { origin: [run.rotation.cx, run.rotation.cy] });
  doc.font(run.face).fontSize(run.size).fillColor(color);
  if (run.bold) doc.strokeColor(color).lineWidth(run.size * FAKE_BOLD_STROKE);
  // A .notdef glyph cannot say what it stands for: the marked content does.
  if (run.actualText !== undefined) doc.markContent('Span', { actual: run.actualText });
  doc.text(run.text, run.x, run.y, {
    lineBreak: false,
    baseline: 'alphabetic',
    characterSpacing: run.charSpacing,
    features: PLAIN_GLYPHS,
    fill: true,
    stroke: run.bold,
  });
  if (run.actualText !== undefined) doc.endMarkedContent();
  if (run.rotation) doc.restore();
}

function pdfColor(c: Color): [number, number, number, number] | string {
  return c.cmyk ?? c.rgb;
}
