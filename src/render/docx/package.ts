// The DOCX package (ECMA-376 Part 2, Open Packaging Conventions): the parts,
// the relationships between them, their content types, the core and app
// properties, and the zip. Reproducible: relationship ids are names, not
// counters shared between runs; the dates are the Layout's; zip entries
// come in a fixed order with fixed times.
import type { FontPart } from './fonts.js';
import { element, escapeText, xmlPart } from './xml.js';
import { zipPackage } from '../zipPackage.js';

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

/** An image stored in word/media, and the relationship the document names it by. */
export interface MediaPart {
  id: string;
  part: string;
  data: Uint8Array;
  format: 'png' | 'jpeg';
}

/** The images of the document, numbered in the order they are written. */
export class Media {
  readonly parts: MediaPart[] = [];

  /** Store an image; its relationship id, and its number (a drawing's id in the document). */
  add(data: Uint8Array, format: 'png' | 'jpeg'): { id: string; number: number } {
    const number = this.parts.length + 1;
    const id = `rIdImage${number}`;
    this.parts.push({ id, part: `media/image${number}.${format}`, data, format });
    return { id, number };
  }
}

/** A header or footer part, the pages it is on (every page, or the even ones of a two-sided document), and the relationship the section names it by. */
export interface HeaderFooterPart {
  kind: 'header' | 'footer';
  pages: 'default' | 'even';
  id: string;
  part: string;
  xml: string;
}

export interface CoreProperties {
  title: string;
  subject: string;
  creator: string;
  lastModifiedBy: string;
  /** Created and modified. */
  date: Date;
}

export interface PackageContents {
  document: string;
  styles: string;
  settings: string;
  fontTable: string;
  headersFooters: readonly HeaderFooterPart[];
  media: readonly MediaPart[];
  fonts: readonly FontPart[];
  core: CoreProperties;
  /** The application that wrote the document. */
  application: string;
}

export function docxPackage(c: PackageContents): Uint8Array {
  const files: Record<string, Uint8Array | string> = {
    '[Content_Types].xml': contentTypes(c),
    '_rels/.rels': relationships([
      { id: 'rIdDocument', type: `${REL}/officeDocument`, target: 'word/document.xml' },
      { id: 'rIdCore', type: `${RELATIONSHIPS}/metadata/core-properties`, target: 'docProps/core.xml' },
      { id: 'rIdApp', type: `${REL}/extended-properties`, target: 'docProps/app.xml' },
    ]),
    'docProps/core.xml': coreXml(c.core),
    'docProps/app.xml': xmlPart(
      element(
        'Properties',
        { xmlns: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties' },
        element('Application', {}, escapeText(c.application)),
      ),
    ),
    'word/document.xml': c.document,
    'word/_rels/document.xml.rels': relationships([
      { id: 'rIdStyles', type: `${REL}/styles`, target: 'styles.xml' },
      { id: 'rIdSettings', type: `${REL}/settings`, target: 'settings.xml' },
      { id: 'rIdFontTable', type: `${REL}/fontTable`, target: 'fontTable.xml' },
      ...c.headersFooters.map((p) => ({ id: p.id, type: `${REL}/${p.kind}`, target: p.part })),
      ...c.media.map((m) => ({ id: m.id, type: `${REL}/image`, target: m.part })),
    ]),
    'word/styles.xml': c.styles,
    'word/settings.xml': c.settings,
    'word/fontTable.xml': c.fontTable,
  };
  for (const p of c.headersFooters) files[`word/${p.part}`] = p.xml;
  for (const m of c.media) files[`word/${m.part}`] = m.data;
  if (c.fonts.length > 0) {
    files['word/_rels/fontTable.xml.rels'] = relationships(c.fonts.map((f) => ({ id: f.id, type: `${REL}/font`, target: f.part })));
    for (const f of c.fonts) files[`word/${f.part}`] = f.data;
  }
  return zip(files);
}

function relationships(rels: ReadonlyArray<{ id: string; type: string; target: string }>): string {
  return xmlPart(
    element('Relationships', { xmlns: RELATIONSHIPS }, rels.map((r) => element('Relationship', { Id: r.id, Type: r.type, Target: r.target })).join('')),
  );
}

function contentTypes(c: PackageContents): string {
  const defaults: Array<[string, string]> = [
    ['rels', 'application/vnd.openxmlformats-package.relationships+xml'],
    ['xml', 'application/xml'],
  ];
  for (const format of ['png', 'jpeg'] as const) if (c.media.some((m) => m.format === format)) defaults.push([format, `image/${format}`]);
  if (c.fonts.length > 0) defaults.push(['odttf', 'application/vnd.openxmlformats-officedocument.obfuscatedFont']);
  const overrides: Array<[string, string]> = [
    ['/word/document.xml', `${WORD}.document.main+xml`],
    ['/word/styles.xml', `${WORD}.styles+xml`],
    ['/word/settings.xml', `${WORD}.settings+xml`],
    ['/word/fontTable.xml', `${WORD}.fontTable+xml`],
    ...c.headersFooters.map((p): [string, string] => [`/word/${p.part}`, `${WORD}.${p.kind}+xml`]),
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  ];
  return xmlPart(
    element(
      'Types',
      { xmlns: 'http://schemas.openxmlformats.org/package/2006/content-types' },
      defaults.map(([ext, type]) => element('Default', { Extension: ext, ContentType: type })).join('') +
        overrides.map(([part, type]) => element('Override', { PartName: part, ContentType: type })).join(''),
    ),
  );
}

function coreXml(p: CoreProperties): string {
  // W3C date-time to the second, in UTC.
  const date = p.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const w3c = { 'xsi:type': 'dcterms:W3CDTF' };
  return xmlPart(
    element(
      'cp:coreProperties',
      {
        'xmlns:cp': 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        'xmlns:dcterms': 'http://purl.org/dc/terms/',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      },
      element('dc:title', {}, escapeText(p.title)) +
        element('dc:subject', {}, escapeText(p.subject)) +
        element('dc:creator', {}, escapeText(p.creator)) +
        element('cp:lastModifiedBy', {}, escapeText(p.lastModifiedBy)) +
        '<cp:revision>1</cp:revision>' +
        element('dcterms:created', w3c, date) +
        element('dcterms:modified', w3c, date),
    ),
  );
}

/** [Content_Types].xml first, as packages are read; then every part by name. Media are stored (they are compressed already). */
function zip(files: Record<string, Uint8Array | string>): Uint8Array {
  const names = Object.keys(files)
    .filter((n) => n !== '[Content_Types].xml')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return zipPackage(
    ['[Content_Types].xml', ...names].map((name) => {
      const data = files[name]!;
      return { name, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data, compress: !name.startsWith('word/media/') };
    }),
  );
}
