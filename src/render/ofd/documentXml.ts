// Doc_0/Document.xml (GB/T 33190-2016 §7.5): the page area, where the
// resources are, the pages in order, the outline (one entry per article,
// under its section) and where the annotations are.
import type { OutlineEntry } from '../../typeset/layout.js';
import { box, mm } from './numbers.js';
import { el, part, textEl } from './xml.js';

export interface DocumentParts {
  maxUnitId: number;
  width: number;
  height: number;
  publicRes: string;
  documentRes?: string;
  defaultColorSpace: number;
  /** Page IDs and their Content.xml, relative to Document.xml, in page order. */
  pages: Array<{ id: number; baseLoc: string }>;
  outline: OutlineEntry[];
  annotations?: string;
}

export function documentXml(d: DocumentParts): string {
  const pageId = (n: number): number => {
    const page = d.pages[n - 1];
    if (!page) throw new Error(`outline entry on page ${n}, which does not exist`);
    return page.id;
  };
  const outlineElem = (entry: OutlineEntry): string =>
    el(
      'OutlineElem',
      { Title: entry.title },
      el(
        'Actions',
        {},
        el('Action', { Event: 'CLICK' }, el('Goto', {}, el('Dest', { Type: 'XYZ', PageID: pageId(entry.page), Left: 0, Top: mm(entry.y) }))),
      ),
      ...entry.children.map(outlineElem),
    );
  return part(
    'Document',
    {},
    el(
      'CommonData',
      {},
      textEl('MaxUnitID', String(d.maxUnitId)),
      el('PageArea', {}, textEl('PhysicalBox', box(0, 0, d.width, d.height))),
      textEl('PublicRes', d.publicRes),
      d.documentRes ? textEl('DocumentRes', d.documentRes) : '',
      textEl('DefaultCS', String(d.defaultColorSpace)),
    ),
    el('Pages', {}, ...d.pages.map((p) => el('Page', { ID: p.id, BaseLoc: p.baseLoc }))),
    d.outline.length > 0 ? el('Outlines', {}, ...d.outline.map(outlineElem)) : '',
    d.annotations ? textEl('Annotations', d.annotations) : '',
  );
}
