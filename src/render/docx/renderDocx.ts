// Layout → DOCX, written directly as WordprocessingML from the typesetter's
// set tree: the writer decides nothing the typesetter decided (text, keeps,
// line counts, sizes, where the 报尾 goes) and only puts it in Word's terms.
//
//   renderDocx.ts   this: the parts, put together
//   writer.ts       document.xml: the tree walked in reading order
//   masthead.ts     the 报头 table;   distribution.ts  the 报尾 table
//   table.ts        tables;           figure.ts        images and captions
//   placement.ts    indents from the measure, 编者按 boxes
//   paragraphs.ts   paragraphs, keeps, spacers;   runs.ts  styled text
//   headersFooters.ts  page numbers and the watermark
//   styles.ts       styles.xml;   settings.ts  settings.xml;   fonts.ts  font table, embedded fonts
//   geometry.ts     points → twips, and the heights Word adds for rules
//   properties.ts   w:pPr, w:rPr, w:tblPr … in schema order;   xml.ts  escaping, elements
//   package.ts      relationships, content types, properties, the zip
import type { EmbeddedFont } from '../../fonts/embeddedFonts.js';
import type { Template } from '../../template/loadTemplate.js';
import type { Layout } from '../../typeset/layout.js';
import { fontParts, fontTableXml } from './fonts.js';
import { wordPage } from './geometry.js';
import { footers, watermarkHeaders } from './headersFooters.js';
import { docxPackage, Media } from './package.js';
import type { WriteContext } from './paragraphs.js';
import { settingsXml } from './settings.js';
import { stylesXml } from './styles.js';
import { documentXml } from './writer.js';

export interface DocxInput {
  template: Template;
  layout: Layout;
}

export interface DocxOptions {
  /** The application, as the document's properties name it. */
  producer: string;
  /** Fonts to carry in the package (--embed-fonts). */
  embedded?: readonly EmbeddedFont[];
}

export function renderDocx({ template: t, layout }: DocxInput, options: DocxOptions): Uint8Array {
  const set = layout.issue;
  const meta = layout.metadata;
  const page = wordPage(t, set.pageNumber.style.size);
  const ctx: WriteContext = { t, page, media: new Media(), floats: new Map() };
  const footerParts = footers(set.pageNumber, ctx);
  const headerParts = set.watermark ? watermarkHeaders(set.watermark, ctx) : [];
  const document = documentXml(set, ctx, {
    headers: headerParts.map((p) => ({ type: p.pages, id: p.id })),
    footers: footerParts.map((p) => ({ type: p.pages, id: p.id })),
    pageSize: { width: page.width, height: page.height },
    pageMargins: page.margins,
  });
  const fonts = fontParts(options.embedded ?? []);
  const families = Object.fromEntries(Object.entries(layout.faces).map(([key, face]) => [key, face.familyName]));
  return docxPackage({
    document,
    styles: stylesXml(t, page, meta.language),
    settings: settingsXml(t, { language: meta.language, embedsFonts: fonts.length > 0 }),
    fontTable: fontTableXml(t, families, fonts),
    headersFooters: [...headerParts, ...footerParts],
    media: ctx.media.parts,
    fonts,
    core: { title: meta.title, subject: meta.subject, creator: meta.author, lastModifiedBy: options.producer, date: meta.date },
    application: options.producer,
  });
}
