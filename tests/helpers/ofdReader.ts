// An OFD reader of the tests' own (not the writer's code): it unzips a
// package, parses every XML part with a real XML parser (@xmldom/xmldom,
// namespace-aware, any error fatal), checks the elements and attributes
// GB/T 33190-2016 requires where it meets them (and their order where the
// schema gives a sequence), resolves every reference, and gives the pages
// as glyphs with their positions on the page in mm.
import { readFileSync } from 'node:fs';
import path from 'node:path/posix';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';

export const OFD_NS = 'http://www.ofdspec.org/2016';

export class OfdError extends Error {}

function fail(message: string): never {
  throw new OfdError(message);
}

// ——— XML ———

export function parseXml(name: string, bytes: Uint8Array): Element {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  if (!text.startsWith('<?xml')) fail(`${name}: no XML declaration`);
  const doc = new DOMParser({
    onError: (level: string, message: string) => fail(`${name}: XML ${level}: ${message}`),
  }).parseFromString(text, 'text/xml');
  const root = doc.documentElement;
  if (!root) fail(`${name}: no root element`);
  return root;
}

/** The element's child elements, each of which must be in the OFD namespace. */
export function children(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 && (n.nodeValue ?? '').trim() !== '') fail(`<${el.localName}> has text beside its elements`);
    if (n.nodeType !== 1) continue;
    const c = n as Element;
    if (c.namespaceURI !== OFD_NS) fail(`<${c.tagName}> is not in the OFD namespace`);
    if (name === undefined || c.localName === name) out.push(c);
  }
  return out;
}

export function child(el: Element, name: string): Element | undefined {
  return children(el, name)[0];
}

export function only(el: Element, name: string): Element {
  const found = children(el, name);
  if (found.length !== 1) fail(`<${el.localName}> has ${found.length} <${name}>, not one`);
  return found[0]!;
}

export function text(el: Element): string {
  let s = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) fail(`<${el.localName}> holds elements, not text`);
    if (n.nodeType === 3 || n.nodeType === 4) s += n.nodeValue ?? '';
  }
  return s;
}

export function attr(el: Element, name: string): string {
  const v = el.getAttribute(name);
  if (v === null || v === '') fail(`<${el.localName}> lacks its required attribute ${name}`);
  return v;
}

export function optAttr(el: Element, name: string): string | undefined {
  return el.getAttribute(name) ?? undefined;
}

/**
 * The children of `el` follow `sequence`: [name, min, max] in order, and no
 * other element (the schema's xs:sequence).
 */
export function checkSequence(el: Element, sequence: Array<[string, number, number]>): void {
  const names = children(el).map((c) => c.localName);
  let i = 0;
  for (const [name, min, max] of sequence) {
    let n = 0;
    while (i < names.length && names[i] === name) {
      i++;
      n++;
    }
    if (n < min || n > max) fail(`<${el.localName}>: ${n} <${name}>, expected ${min}–${max} (children: ${names.join(' ')})`);
  }
  if (i < names.length) fail(`<${el.localName}>: <${names[i]}> out of order or not allowed (children: ${names.join(' ')})`);
}

// ——— Types of the standard (ST_*) ———

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

export function stNumber(s: string, what: string): number {
  if (!NUMBER.test(s)) fail(`${what}: not a number: "${s}"`);
  return Number(s);
}

/** ST_Array: numbers separated by spaces, where "g N v" stands for N times v (DeltaX, DeltaY). */
export function stArray(s: string, what: string): number[] {
  const tokens = s.trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const n = stNumber(tokens[i + 1] ?? '', what);
      const v = stNumber(tokens[i + 2] ?? '', what);
      if (!Number.isInteger(n) || n < 1) fail(`${what}: bad repeat count ${n}`);
      for (let k = 0; k < n; k++) out.push(v);
      i += 2;
    } else out.push(stNumber(tokens[i]!, what));
  }
  return out;
}

export function stBox(s: string, what: string): [number, number, number, number] {
  const v = stArray(s, what);
  if (v.length !== 4 || v[2]! < 0 || v[3]! < 0) fail(`${what}: not a box: "${s}"`);
  return v as [number, number, number, number];
}

/** ST_ID / ST_RefID: an unsigned integer, not 0. */
export function stId(s: string, what: string): number {
  if (!/^[1-9]\d*$/.test(s)) fail(`${what}: not an ID: "${s}"`);
  return Number(s);
}

/** An ST_Loc: absolute from the package root, or relative to `base` (a folder in the package). */
export function resolveLoc(base: string, loc: string): string {
  if (/^[a-z]+:/i.test(loc)) fail(`a location outside the package: ${loc}`);
  const p = loc.startsWith('/') ? path.normalize(loc.slice(1)) : path.normalize(path.join(base, loc));
  if (p.startsWith('..')) fail(`a location above the package root: ${loc}`);
  return p;
}

// ——— The package ———

export interface Glyph {
  c: string;
  /** Origin (on the baseline) on the page, in mm from its top-left corner. */
  x: number;
  y: number;
  glyph: number;
}

export interface TextObject {
  kind: 'text';
  id: number;
  boundary: [number, number, number, number];
  font: number;
  size: number;
  fill: number[];
  stroke?: number[];
  lineWidth?: number;
  glyphs: Glyph[];
  text: string;
}

export interface PathObject {
  kind: 'path';
  id: number;
  boundary: [number, number, number, number];
  lineWidth: number;
  stroke: number[];
  /** Points of the path on the page, in mm. */
  points: Array<[number, number]>;
}

export interface ImageObject {
  kind: 'image';
  id: number;
  boundary: [number, number, number, number];
  resource: number;
  /** The CTM from image space (the unit square) to the Boundary's space, in mm. */
  ctm: number[];
}

export type GraphicUnit = TextObject | PathObject | ImageObject;

export interface OutlineItem {
  title: string;
  pageIndex: number;
  top: number;
  children: OutlineItem[];
}

export interface OfdPage {
  id: number;
  /** The page's content, layer by layer, in drawing order. */
  content: GraphicUnit[];
  /** Annotations: their Type, Subtype and appearance. */
  annotations: Array<{ id: number; type: string; subtype?: string; units: GraphicUnit[] }>;
}

export interface OfdFont {
  id: number;
  fontName: string;
  familyName?: string;
  file: string;
  data: Uint8Array;
}

export interface OfdDocument {
  entries: Record<string, Uint8Array>;
  info: Record<string, string>;
  keywords: string[];
  maxUnitId: number;
  physicalBox: [number, number, number, number];
  colorSpaces: Map<number, string>;
  fonts: Map<number, OfdFont>;
  images: Map<number, { format?: string; file: string; data: Uint8Array }>;
  pages: OfdPage[];
  outline: OutlineItem[];
  /** Every ID given in the document, in the order met. */
  ids: number[];
  /** Every package entry some part refers to (OFD.xml counts). */
  referenced: Set<string>;
}

export function readOfdFile(file: string): OfdDocument {
  return readOfd(readFileSync(file));
}

export function readOfd(bytes: Uint8Array): OfdDocument {
  const entries = unzipSync(bytes);
  const referenced = new Set<string>(['OFD.xml']);
  const ids: number[] = [];
  const entry = (name: string): Uint8Array => {
    const data = entries[name];
    if (!data) fail(`the package has no ${name}`);
    referenced.add(name);
    return data;
  };
  const part = (name: string, root: string): Element => {
    const el = parseXml(name, entry(name));
    if (el.namespaceURI !== OFD_NS || el.localName !== root) fail(`${name}: root is <${el.tagName}>, not ofd:${root}`);
    return el;
  };
  const id = (el: Element): number => {
    const v = stId(attr(el, 'ID'), `${el.localName} ID`);
    ids.push(v);
    return v;
  };

  // OFD.xml (§7.4)
  const ofd = part('OFD.xml', 'OFD');
  if (attr(ofd, 'Version') !== '1.0') fail('OFD Version is not 1.0');
  if (attr(ofd, 'DocType') !== 'OFD') fail('OFD DocType is not OFD');
  checkSequence(ofd, [['DocBody', 1, Infinity]]);
  const body = only(ofd, 'DocBody');
  checkSequence(body, [
    ['DocInfo', 1, 1],
    ['DocRoot', 1, 1],
    ['Versions', 0, 1],
    ['Signatures', 0, 1],
  ]);
  const docInfo = only(body, 'DocInfo');
  checkSequence(docInfo, [
    ['DocID', 1, 1],
    ['Title', 0, 1],
    ['Author', 0, 1],
    ['Subject', 0, 1],
    ['Abstract', 0, 1],
    ['CreationDate', 0, 1],
    ['ModDate', 0, 1],
    ['DocUsage', 0, 1],
    ['Cover', 0, 1],
    ['Keywords', 0, 1],
    ['Creator', 0, 1],
    ['CreatorVersion', 0, 1],
    ['CustomDatas', 0, 1],
  ]);
  const info: Record<string, string> = {};
  for (const c of children(docInfo)) if (c.localName !== 'Keywords') info[c.localName!] = text(c);
  if (!/^[0-9a-fA-F]{32}$/.test(info.DocID ?? '')) fail(`DocID is not 32 hexadecimal digits: ${info.DocID}`);
  for (const d of ['CreationDate', 'ModDate']) if (info[d] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(info[d]!)) fail(`${d} is not an xs:date: ${info[d]}`);
  const keywordsEl = child(docInfo, 'Keywords');
  const keywords = keywordsEl ? children(keywordsEl, 'Keyword').map(text) : [];
  const docRoot = resolveLoc('', text(only(body, 'DocRoot')));
  const docDir = path.dirname(docRoot);

  // Document.xml (§7.5)
  const document = part(docRoot, 'Document');
  checkSequence(document, [
    ['CommonData', 1, 1],
    ['Pages', 1, 1],
    ['Outlines', 0, 1],
    ['Permissions', 0, 1],
    ['Actions', 0, 1],
    ['VPreferences', 0, 1],
    ['Bookmarks', 0, 1],
    ['Annotations', 0, 1],
    ['CustomTags', 0, 1],
    ['Attachments', 0, 1],
    ['Extensions', 0, 1],
  ]);
  const common = only(document, 'CommonData');
  checkSequence(common, [
    ['MaxUnitID', 1, 1],
    ['PageArea', 1, 1],
    ['PublicRes', 0, Infinity],
    ['DocumentRes', 0, Infinity],
    ['TemplatePage', 0, Infinity],
    ['DefaultCS', 0, 1],
  ]);
  const maxUnitId = stId(text(only(common, 'MaxUnitID')), 'MaxUnitID');
  const pageArea = only(common, 'PageArea');
  checkSequence(pageArea, [
    ['PhysicalBox', 1, 1],
    ['ApplicationBox', 0, 1],
    ['ContentBox', 0, 1],
    ['BleedBox', 0, 1],
  ]);
  const physicalBox = stBox(text(only(pageArea, 'PhysicalBox')), 'PhysicalBox');

  // Resources (§7.9)
  const colorSpaces = new Map<number, string>();
  const fonts = new Map<number, OfdFont>();
  const images = new Map<number, { format?: string; file: string; data: Uint8Array }>();
  for (const resEl of [...children(common, 'PublicRes'), ...children(common, 'DocumentRes')]) {
    const resFile = resolveLoc(docDir, text(resEl));
    const res = part(resFile, 'Res');
    const base = resolveLoc(path.dirname(resFile), attr(res, 'BaseLoc'));
    for (const group of children(res)) {
      switch (group.localName) {
        case 'ColorSpaces':
          for (const cs of children(group, 'ColorSpace')) {
            const type = attr(cs, 'Type');
            if (!['GRAY', 'RGB', 'CMYK'].includes(type)) fail(`ColorSpace Type ${type}`);
            colorSpaces.set(id(cs), type);
          }
          break;
        case 'Fonts':
          for (const f of children(group, 'Font')) {
            checkSequence(f, [['FontFile', 0, 1]]);
            const fileEl = child(f, 'FontFile');
            if (!fileEl) fail(`Font ${f.getAttribute('ID')} has no embedded FontFile`);
            const file = resolveLoc(base, text(fileEl));
            const font: OfdFont = { id: id(f), fontName: attr(f, 'FontName'), file, data: entry(file) };
            const family = optAttr(f, 'FamilyName');
            if (family !== undefined) font.familyName = family;
            fonts.set(font.id, font);
          }
          break;
        case 'MultiMedias':
          for (const m of children(group, 'MultiMedia')) {
            checkSequence(m, [['MediaFile', 1, 1]]);
            if (!['Image', 'Audio', 'Video'].includes(attr(m, 'Type'))) fail(`MultiMedia Type ${m.getAttribute('Type')}`);
            const file = resolveLoc(base, text(only(m, 'MediaFile')));
            const format = optAttr(m, 'Format');
            images.set(id(m), { ...(format !== undefined ? { format } : {}), file, data: entry(file) });
          }
          break;
        default:
          fail(`unexpected resource group <${group.localName}> in ${resFile}`);
      }
    }
  }
  const defaultCs = child(common, 'DefaultCS');
  if (defaultCs && !colorSpaces.has(stId(text(defaultCs), 'DefaultCS'))) fail('DefaultCS names no colour space');

  const colorOf = (el: Element | undefined): number[] | undefined => {
    if (!el) return undefined;
    const cs = optAttr(el, 'ColorSpace');
    if (cs !== undefined && !colorSpaces.has(stId(cs, 'ColorSpace'))) fail(`colour in an unknown colour space ${cs}`);
    const value = stArray(attr(el, 'Value'), 'colour Value');
    if (value.some((v) => v < 0 || v > 255 || !Number.isInteger(v))) fail(`colour out of range: ${value}`);
    return value;
  };

  // Graphic units (§9–§11); positions in their Boundary's space, through the CTM.
  const graphicUnit = (el: Element): GraphicUnit => {
    const what = `${el.localName} ${el.getAttribute('ID')}`;
    const uid = id(el);
    const boundary = stBox(attr(el, 'Boundary'), `${what} Boundary`);
    const ctmText = optAttr(el, 'CTM');
    const ctm = ctmText !== undefined ? stArray(ctmText, `${what} CTM`) : [1, 0, 0, 1, 0, 0];
    if (ctm.length !== 6) fail(`${what}: CTM of ${ctm.length} numbers`);
    const onPage = (x: number, y: number): [number, number] => [boundary[0] + ctm[0]! * x + ctm[2]! * y + ctm[4]!, boundary[1] + ctm[1]! * x + ctm[3]! * y + ctm[5]!];
    switch (el.localName) {
      case 'TextObject': {
        const fontId = stId(attr(el, 'Font'), `${what} Font`);
        if (!fonts.has(fontId)) fail(`${what}: Font ${fontId} is no font resource`);
        const size = stNumber(attr(el, 'Size'), `${what} Size`);
        const names = children(el).map((c) => c.localName);
        // CT_Text: FillColor?, StrokeColor?, (CGTransform*, TextCode)+
        let i = 0;
        if (names[i] === 'FillColor') i++;
        if (names[i] === 'StrokeColor') i++;
        let codes = 0;
        while (i < names.length) {
          while (names[i] === 'CGTransform') i++;
          if (names[i] !== 'TextCode') fail(`${what}: <${names[i]}> where a TextCode belongs`);
          i++;
          codes++;
        }
        if (codes === 0) fail(`${what}: no TextCode`);
        const glyphs: Glyph[] = [];
        const transforms: Array<{ position: number; count: number; glyphs: number[] }> = [];
        let all = '';
        for (const c of children(el)) {
          if (c.localName === 'CGTransform') {
            checkSequence(c, [['Glyphs', 0, 1]]);
            const g = child(c, 'Glyphs');
            transforms.push({
              position: stNumber(attr(c, 'CodePosition'), 'CodePosition'),
              count: stNumber(optAttr(c, 'CodeCount') ?? '1', 'CodeCount'),
              glyphs: g ? stArray(text(g), 'Glyphs') : [],
            });
            const glyphCount = stNumber(optAttr(c, 'GlyphCount') ?? '1', 'GlyphCount');
            if (g && stArray(text(g), 'Glyphs').length !== glyphCount) fail(`${what}: GlyphCount is not the number of Glyphs`);
          }
          if (c.localName !== 'TextCode') continue;
          const chars = [...text(c)];
          if (chars.length === 0) fail(`${what}: an empty TextCode`);
          const dx = stArray(optAttr(c, 'DeltaX') ?? '', 'DeltaX');
          const dy = stArray(optAttr(c, 'DeltaY') ?? '', 'DeltaY');
          if (dx.length > chars.length - 1) fail(`${what}: ${dx.length} DeltaX for ${chars.length} characters`);
          if (dx.length < chars.length - 1) fail(`${what}: only ${dx.length} DeltaX for ${chars.length} characters (positions would fall to the reader)`);
          let x = stNumber(attr(c, 'X'), 'X');
          let y = stNumber(attr(c, 'Y'), 'Y');
          chars.forEach((ch, k) => {
            if (k > 0) {
              x += dx[k - 1]!;
              y += dy[k - 1] ?? 0;
            }
            const [px, py] = onPage(x, y);
            glyphs.push({ c: ch, x: px, y: py, glyph: -1 });
          });
          all += chars.join('');
        }
        for (const t of transforms) {
          if (t.count !== t.glyphs.length) fail(`${what}: a CGTransform maps ${t.count} characters to ${t.glyphs.length} glyphs`);
          t.glyphs.forEach((g, k) => {
            const target = glyphs[t.position + k];
            if (!target) fail(`${what}: a CGTransform past the text`);
            target.glyph = g;
          });
        }
        const unit: TextObject = { kind: 'text', id: uid, boundary, font: fontId, size, fill: colorOf(child(el, 'FillColor')) ?? [0, 0, 0], glyphs, text: all };
        const stroke = colorOf(child(el, 'StrokeColor'));
        if (stroke) unit.stroke = stroke;
        if (optAttr(el, 'Stroke') === 'true') unit.lineWidth = stNumber(optAttr(el, 'LineWidth') ?? '0.353', 'LineWidth');
        return unit;
      }
      case 'PathObject': {
        checkSequence(el, [
          ['StrokeColor', 0, 1],
          ['FillColor', 0, 1],
          ['AbbreviatedData', 1, 1],
        ]);
        const tokens = text(only(el, 'AbbreviatedData')).trim().split(/\s+/);
        const points: Array<[number, number]> = [];
        for (let i = 0; i < tokens.length; ) {
          const op = tokens[i++]!;
          const arity: Record<string, number> = { S: 2, M: 2, L: 2, Q: 4, B: 6, C: 0 };
          if (!(op in arity)) fail(`${what}: path operator ${op}`);
          const args = tokens.slice(i, i + arity[op]!).map((t) => stNumber(t, 'AbbreviatedData'));
          i += arity[op]!;
          for (let k = 0; k + 1 < args.length; k += 2) points.push(onPage(args[k]!, args[k + 1]!));
        }
        return { kind: 'path', id: uid, boundary, lineWidth: stNumber(optAttr(el, 'LineWidth') ?? '0.353', 'LineWidth'), stroke: colorOf(child(el, 'StrokeColor')) ?? [0, 0, 0], points };
      }
      case 'ImageObject': {
        const resource = stId(attr(el, 'ResourceID'), `${what} ResourceID`);
        if (!images.has(resource)) fail(`${what}: ResourceID ${resource} is no image resource`);
        return { kind: 'image', id: uid, boundary, resource, ctm };
      }
      default:
        return fail(`unexpected graphic unit <${el.localName}>`);
    }
  };

  // Pages (§8)
  const pagesEl = only(document, 'Pages');
  checkSequence(pagesEl, [['Page', 1, Infinity]]);
  const pageIndex = new Map<number, number>();
  const pages: OfdPage[] = children(pagesEl, 'Page').map((p, i) => {
    const pid = id(p);
    pageIndex.set(pid, i);
    const file = resolveLoc(docDir, attr(p, 'BaseLoc'));
    const page = part(file, 'Page');
    checkSequence(page, [
      ['Template', 0, Infinity],
      ['PageRes', 0, Infinity],
      ['Area', 0, 1],
      ['Content', 0, 1],
      ['Actions', 0, 1],
    ]);
    const content: GraphicUnit[] = [];
    const contentEl = child(page, 'Content');
    if (contentEl) {
      checkSequence(contentEl, [['Layer', 1, Infinity]]);
      for (const layer of children(contentEl, 'Layer')) {
        id(layer);
        const type = optAttr(layer, 'Type') ?? 'Body';
        if (!['Body', 'Background', 'Foreground', 'Custom'].includes(type)) fail(`Layer Type ${type}`);
        for (const u of children(layer)) content.push(graphicUnit(u));
      }
    }
    return { id: pid, content, annotations: [] };
  });

  // Annotations (§15)
  const annotationsEl = child(document, 'Annotations');
  if (annotationsEl) {
    const file = resolveLoc(docDir, text(annotationsEl));
    const annots = part(file, 'Annotations');
    checkSequence(annots, [['Page', 0, Infinity]]);
    for (const ap of children(annots, 'Page')) {
      const pid = stId(attr(ap, 'PageID'), 'Annotations Page PageID');
      const index = pageIndex.get(pid);
      if (index === undefined) fail(`annotations of page ID ${pid}, which is no page`);
      const pageFile = resolveLoc(path.dirname(file), text(only(ap, 'FileLoc')));
      const pageAnnot = part(pageFile, 'PageAnnot');
      checkSequence(pageAnnot, [['Annot', 1, Infinity]]);
      for (const a of children(pageAnnot, 'Annot')) {
        checkSequence(a, [
          ['Remark', 0, 1],
          ['Parameters', 0, 1],
          ['Appearance', 1, 1],
        ]);
        const type = attr(a, 'Type');
        if (!['Link', 'Path', 'Highlight', 'Stamp', 'Watermark'].includes(type)) fail(`Annot Type ${type}`);
        attr(a, 'Creator');
        if (!/^\d{4}-\d{2}-\d{2}$/.test(attr(a, 'LastModDate'))) fail('Annot LastModDate is not an xs:date');
        const appearance = only(a, 'Appearance');
        const subtype = optAttr(a, 'Subtype');
        pages[index]!.annotations.push({ id: id(a), type, ...(subtype !== undefined ? { subtype } : {}), units: children(appearance).map(graphicUnit) });
      }
    }
  }

  // Outlines (§7.8): each entry's action goes to a page.
  const outlineItem = (el: Element): OutlineItem => {
    checkSequence(el, [
      ['Actions', 0, 1],
      ['OutlineElem', 0, Infinity],
    ]);
    const actions = only(el, 'Actions');
    const action = children(actions, 'Action')[0];
    if (!action) fail('an outline entry with no action');
    if (!['DO', 'PO', 'CLICK'].includes(attr(action, 'Event'))) fail('Action Event');
    const dest = only(only(action, 'Goto'), 'Dest');
    if (!['XYZ', 'Fit', 'FitH', 'FitV', 'FitR'].includes(attr(dest, 'Type'))) fail('Dest Type');
    const target = pageIndex.get(stId(attr(dest, 'PageID'), 'Dest PageID'));
    if (target === undefined) fail(`an outline entry goes to page ID ${dest.getAttribute('PageID')}, which is no page`);
    return { title: attr(el, 'Title'), pageIndex: target, top: stNumber(optAttr(dest, 'Top') ?? '0', 'Top'), children: children(el, 'OutlineElem').map(outlineItem) };
  };
  const outlinesEl = child(document, 'Outlines');
  const outline = outlinesEl ? children(outlinesEl, 'OutlineElem').map(outlineItem) : [];

  return { entries, info, keywords, maxUnitId, physicalBox, colorSpaces, fonts, images, pages, outline, ids, referenced };
}

/** The text of a page's content (annotations left out), in drawing order. */
export function pageText(page: OfdPage): string {
  return page.content.map((u) => (u.kind === 'text' ? u.text : '')).join('');
}
