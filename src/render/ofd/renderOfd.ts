// Layout → OFD (GB/T 33190-2016). Draws exactly what the typesetter placed —
// text runs with their glyph positions, rules, images — into one document
// of the package, with the metadata, the outline and the fonts (subsets,
// embedded). It makes no layout decision. The package:
//
//   OFD.xml                          entry: DocInfo, DocRoot
//   Doc_0/Document.xml               page area, resources, pages, outline, annotations
//   Doc_0/PublicRes.xml              colour space, fonts
//   Doc_0/DocumentRes.xml            images (when there are any)
//   Doc_0/Pages/Page_N/Content.xml   one per page (N from 0)
//   Doc_0/Annots/Annotations.xml     the pages' annotations: watermark, page numbers
//   Doc_0/Annots/Page_N/Annotation.xml
//   Doc_0/Res/font_ID.ttf, image_ID.png|jpg
import { strToU8 } from 'fflate';
import type { ImageItem, Layout, LayoutItem } from '../../typeset/layout.js';
import { xsDate, ofdXml, type CreatorInfo } from './docInfo.js';
import { documentXml } from './documentXml.js';
import { ofdFontSubsets } from './fontSubsets.js';
import type { PlacedFont } from './graphicUnits.js';
import { zipPackage } from '../zipPackage.js';
import { contentXml, pageAnnotationXml, type PageContext } from './pageXml.js';
import { documentResXml, publicResXml, type FontResource, type ImageResource } from './resourcesXml.js';
import { UnitIds } from './unitIds.js';
import { el, part, textEl } from './xml.js';

export type OfdOptions = CreatorInfo;

const DOC = 'Doc_0';
const RES = 'Res';

export async function renderOfd(layout: Layout, options: OfdOptions): Promise<Uint8Array> {
  const ids = new UnitIds();
  const entries: Array<{ name: string; data: Uint8Array; compress: boolean }> = [];
  const add = (name: string, data: string | Uint8Array, compress = true) => entries.push({ name, data: typeof data === 'string' ? strToU8(data) : data, compress });

  const colorSpaceId = ids.next();
  const fonts = new Map<string, PlacedFont>();
  const fontResources: FontResource[] = [];
  const fontFiles: Array<{ name: string; data: Uint8Array }> = [];
  for (const [face, subset] of await ofdFontSubsets(layout)) {
    const id = ids.next();
    const file = `font_${id}.ttf`;
    fonts.set(face, { id, subset });
    fontResources.push({ id, fontName: subset.postscriptName, familyName: subset.familyName, file });
    fontFiles.push({ name: `${DOC}/${RES}/${file}`, data: subset.data });
  }

  // Images, one resource for each distinct picture however often it is drawn.
  const imageIds = new Map<LayoutItem, number>();
  const imageResources: ImageResource[] = [];
  const imageFiles: Array<{ name: string; data: Uint8Array }> = [];
  const seen: Array<{ item: ImageItem; id: number }> = [];
  for (const page of layout.pages) {
    for (const item of page.items) {
      if (item.kind !== 'image') continue;
      const same = seen.find((s) => s.item.format === item.format && sameBytes(s.item.data, item.data));
      if (same) {
        imageIds.set(item, same.id);
        continue;
      }
      const id = ids.next();
      const file = `image_${id}.${item.format === 'png' ? 'png' : 'jpg'}`;
      seen.push({ item, id });
      imageIds.set(item, id);
      imageResources.push({ id, format: item.format, file });
      imageFiles.push({ name: `${DOC}/${RES}/${file}`, data: item.data });
    }
  }

  const pages = layout.pages.map((page, i) => ({ page, id: ids.next(), dir: `Pages/Page_${i}` }));
  const ctx: PageContext = { ids, fonts, imageIds, width: layout.width, height: layout.height, creator: options.creator, date: xsDate(layout.metadata.date) };
  const contents = pages.map((p) => contentXml(p.page, ctx));
  const annotations = pages.map((p, i) => ({ id: p.id, file: `Page_${i}/Annotation.xml`, xml: pageAnnotationXml(p.page, ctx) }));
  const annotated = annotations.filter((a) => a.xml !== undefined);

  add('OFD.xml', ofdXml(layout.metadata, options, `${DOC}/Document.xml`));
  add(
    `${DOC}/Document.xml`,
    documentXml({
      maxUnitId: ids.max,
      width: layout.width,
      height: layout.height,
      publicRes: 'PublicRes.xml',
      ...(imageResources.length > 0 ? { documentRes: 'DocumentRes.xml' } : {}),
      defaultColorSpace: colorSpaceId,
      pages: pages.map((p) => ({ id: p.id, baseLoc: `${p.dir}/Content.xml` })),
      outline: layout.outline,
      ...(annotated.length > 0 ? { annotations: 'Annots/Annotations.xml' } : {}),
    }),
  );
  add(`${DOC}/PublicRes.xml`, publicResXml(RES, colorSpaceId, fontResources));
  if (imageResources.length > 0) add(`${DOC}/DocumentRes.xml`, documentResXml(RES, imageResources));
  pages.forEach((p, i) => add(`${DOC}/${p.dir}/Content.xml`, contents[i]!));
  if (annotated.length > 0) {
    add(`${DOC}/Annots/Annotations.xml`, part('Annotations', {}, ...annotated.map((a) => el('Page', { PageID: a.id }, textEl('FileLoc', a.file)))));
    for (const a of annotated) add(`${DOC}/Annots/${a.file}`, a.xml!);
  }
  for (const f of fontFiles) add(f.name, f.data);
  for (const f of imageFiles) add(f.name, f.data, false);
  // The package is a zip (GB/T 33190-2016 §7.1): entries in this order, images stored.
  return zipPackage(entries);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
