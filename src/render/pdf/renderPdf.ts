// Layout → PDF, written here from the PDF specification (docs/architecture.md):
// it draws exactly what the typesetter placed and decides nothing. Always
// tagged (structure tree, /Lang, MarkInfo), with bookmarks, document
// information and XMP that agree; PDF/A when asked (pdfa.ts).
import { layoutSubsets, type FaceSubset } from '../../fonts/subsets.js';
import type { Layout } from '../../typeset/layout.js';
import { embedFont } from './fonts.js';
import { PdfFile } from './file.js';
import { ImageStore } from './images.js';
import { infoDict, xmpPacket } from './metadata.js';
import { name, textString, type PdfDict, type PdfRef } from './objects.js';
import { writeOutline } from './outline.js';
import { drawPage } from './page.js';
import { fileRules, outputIntent, type PdfALevel } from './pdfa.js';
import { writeStructure } from './structureObjects.js';
import { buildStructure } from './structure.js';

export { CmykImageError, ImageDecodeError, NotdefGlyphError } from './page.js';
export type { PdfALevel } from './pdfa.js';

export interface PdfOptions {
  producer: string;
  /** PDF/A level; none for a plain (still tagged) PDF. */
  pdfa?: PdfALevel;
}

export async function renderPdf(layout: Layout, options: PdfOptions): Promise<Buffer> {
  const rules = fileRules(options.pdfa);
  const file = new PdfFile();
  const catalog = file.alloc();
  const pagesRef = file.alloc();

  // The build's one set of subsets (every writer draws from the same), in the order of layout.faces.
  const subsets = await layoutSubsets(layout);
  const fonts = new Map<string, { resource: string; subset: FaceSubset; ref: PdfRef }>();
  [...subsets.entries()].forEach(([key, subset], i) => {
    fonts.set(key, { resource: `F${i + 1}`, subset, ref: embedFont(file, subset, { cidSet: rules.cidSet }) });
  });
  const fontRefs = new Map([...fonts.values()].map((f) => [f.resource, f.ref]));

  const structure = buildStructure(layout.issue);
  const images = new ImageStore(file, { smask: rules.transparency, deviceCmyk: rules.deviceCmyk });
  const pageRefs = layout.pages.map(() => file.alloc());
  const marked = layout.pages.map((page, index) => {
    const drawn = drawPage(page, index, { height: layout.height, fonts, images, leaves: structure.leaves, deviceCmyk: rules.deviceCmyk, noNotdef: rules.noNotdef });
    const content = file.addStream({}, drawn.content);
    const resources: PdfDict = {};
    if (drawn.fonts.size > 0) resources.Font = Object.fromEntries([...drawn.fonts].sort().map((r) => [r, fontRefs.get(r)!]));
    if (drawn.images.size > 0) resources.XObject = Object.fromEntries([...drawn.images.entries()].sort(([a], [b]) => a.localeCompare(b, 'en')));
    file.set(pageRefs[index]!, {
      Type: name('Page'),
      Parent: pagesRef,
      MediaBox: [0, 0, layout.width, layout.height],
      Resources: resources,
      Contents: content,
      StructParents: index,
    });
    return drawn.marked;
  });
  file.set(pagesRef, { Type: name('Pages'), Kids: pageRefs, Count: pageRefs.length });

  const structTree = writeStructure(file, structure.root, marked, pageRefs);
  const outlines = writeOutline(file, layout.outline, pageRefs, layout.height);
  const identity = { metadata: layout.metadata, producer: options.producer, ...(rules.pdfa ? { pdfa: rules.pdfa } : {}) };
  const metadata = file.addStream({ Type: name('Metadata'), Subtype: name('XML') }, xmpPacket(identity), { compress: false });
  const info = file.add(infoDict(identity));
  file.set(catalog, {
    Type: name('Catalog'),
    Pages: pagesRef,
    ...(outlines ? { Outlines: outlines, PageMode: name('UseOutlines') } : {}),
    Lang: textString(layout.metadata.language),
    MarkInfo: { Marked: true },
    StructTreeRoot: structTree,
    Metadata: metadata,
    ViewerPreferences: { DisplayDocTitle: true },
    ...(rules.pdfa ? { OutputIntents: [outputIntent(file)] } : {}),
  });
  return file.write(rules.version, { Root: catalog, Info: info });
}

