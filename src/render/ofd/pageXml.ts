// One page's parts (GB/T 33190-2016 §8, §15): Content.xml with the page's
// content in one body layer, in the Layout's reading order; and the page's
// annotations with what is drawn but is not content — the 草稿 watermark and
// the page number (the Layout's artifacts of those kinds) — so that a reader
// extracting the page's text gets the body text only.
import { drawingSubset } from '../../fonts/subsets.js';
import type { ArtifactKind, LayoutItem, LayoutPage } from '../../typeset/layout.js';
import { imageObject, ruleObject, textObject, type PlacedFont } from './graphicUnits.js';
import { box } from './numbers.js';
import type { UnitIds } from './unitIds.js';
import { el, part, textEl } from './xml.js';

export interface PageContext {
  ids: UnitIds;
  fonts: Map<string, PlacedFont>;
  /** The image resource ID of each image item. */
  imageIds: Map<LayoutItem, number>;
  width: number;
  height: number;
  creator: string;
  /** xs:date of the annotations (the documents' date). */
  date: string;
}

/** The artifacts that are annotations, in the order they are drawn, with the Subtype each gets. */
const ANNOTATED: Array<{ kind: ArtifactKind; subtype: string; remark: string }> = [
  { kind: 'watermark', subtype: 'Draft', remark: '草稿 / draft' },
  { kind: 'pagination', subtype: 'PageNumber', remark: '页码 / page number' },
];

function artifactOf(item: LayoutItem): ArtifactKind | undefined {
  return 'artifact' in item.owner ? item.owner.artifact : undefined;
}

export function isAnnotation(item: LayoutItem): boolean {
  const kind = artifactOf(item);
  return ANNOTATED.some((a) => a.kind === kind);
}

function graphicUnit(item: LayoutItem, ctx: PageContext): string {
  const id = ctx.ids.next();
  switch (item.kind) {
    case 'text': {
      const font = drawingSubset(ctx.fonts, item.face);
      if (!font) throw new Error(`no font resource for face ${item.face}`);
      return textObject(id, item, font, ctx);
    }
    case 'rule':
      return ruleObject(id, item);
    case 'image': {
      const resource = ctx.imageIds.get(item);
      if (resource === undefined) throw new Error(`no resource for an image of ${item.source.src}`);
      return imageObject(id, item, resource);
    }
  }
}

/** Content.xml of `page`: its content items in one body layer. */
export function contentXml(page: LayoutPage, ctx: PageContext): string {
  const layerId = ctx.ids.next();
  const units = page.items.filter((item) => !isAnnotation(item)).map((item) => graphicUnit(item, ctx));
  return part('Page', {}, el('Content', {}, el('Layer', { ID: layerId, Type: 'Body' }, ...units)));
}

/** The page's Annotation.xml, or undefined when it has no artifact drawn as an annotation. */
export function pageAnnotationXml(page: LayoutPage, ctx: PageContext): string | undefined {
  const annots: string[] = [];
  for (const { kind, subtype, remark } of ANNOTATED) {
    const items = page.items.filter((item) => artifactOf(item) === kind);
    if (items.length === 0) continue;
    const id = ctx.ids.next();
    // The appearance covers the page, so its units are placed in page coordinates, as in Content.xml.
    const units = items.map((item) => graphicUnit(item, ctx));
    annots.push(
      el(
        'Annot',
        { ID: id, Type: 'Watermark', Subtype: subtype, Creator: ctx.creator, LastModDate: ctx.date },
        textEl('Remark', remark),
        el('Appearance', { Boundary: box(0, 0, ctx.width, ctx.height) }, ...units),
      ),
    );
  }
  return annots.length > 0 ? part('PageAnnot', {}, ...annots) : undefined;
}
