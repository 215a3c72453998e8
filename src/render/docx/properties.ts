// WordprocessingML property elements, written with their children in the
// order of the schema (ECMA-376 Part 1): Word may refuse a file whose
// properties are out of order. Each builder below lists the children it
// knows in that order and writes them as it goes, so nothing is ever
// reordered afterwards. Values are in Word's units already (twips, eighths
// of a point, half-points): geometry.ts converts them.
import { container, element } from './xml.js';

/** `<w:x/>` when on, nothing otherwise: for properties nothing else turns on. */
function flag(name: string, on: boolean | undefined): string {
  return on ? `<${name}/>` : '';
}

/** On or off, both written (so neither a style nor an application default decides), nothing when undefined. */
function onOff(name: string, value: boolean | undefined): string {
  return value === undefined ? '' : value ? `<${name}/>` : `<${name} w:val="0"/>`;
}

/** On or off as a value, 1 or 0 (the East Asian typography settings, which a style states either way). */
function setting(name: string, value: boolean | undefined): string {
  return value === undefined ? '' : `<${name} w:val="${value ? 1 : 0}"/>`;
}

const val = (name: string, value: string | number | undefined): string => (value === undefined ? '' : element(name, { 'w:val': value }));

/** A rule: `size` in eighths of a point; `space` (paragraph borders only) the gap to the text in points. */
export interface Border {
  style: 'single' | 'none';
  size: number;
  color: string;
  space?: number;
}

const border = (name: string, b: Border | undefined): string =>
  b ? element(name, { 'w:val': b.style, 'w:color': b.color, 'w:sz': b.size, 'w:space': b.space }) : '';

export type Justification = 'both' | 'distribute' | 'left' | 'center' | 'right';

/** Spacing in twips; `line` is the line height when `lineRule` is exact. */
export interface Spacing {
  before?: number;
  after?: number;
  line?: number;
  lineRule?: 'exact' | 'atLeast';
}

/** Indents in twips from the text block's edges (firstLineChars in hundredths of a character). */
export interface Indent {
  left?: number;
  right?: number;
  hanging?: number;
  firstLine?: number;
  firstLineChars?: number;
}

/** ST_TabTlc: what a tab's room is filled with. */
export type TabLeader = 'dot' | 'middleDot' | 'hyphen' | 'underscore';

export interface ParagraphProperties {
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  widowControl?: boolean;
  borders?: { top?: Border; left?: Border; bottom?: Border; right?: Border };
  /** Tab stops; `leader` fills the room before the stop (a contents entry's dots). */
  tabs?: ReadonlyArray<{ align: 'left' | 'right' | 'center'; position: number; leader?: TabLeader }>;
  /** East Asian line breaking and spacing (written as 1 or 0). */
  kinsoku?: boolean;
  wordWrap?: boolean;
  topLinePunct?: boolean;
  autoSpaceDE?: boolean;
  autoSpaceDN?: boolean;
  spacing?: Spacing;
  indent?: Indent;
  justification?: Justification;
}

/** w:pPr (§17.3.1.26): pStyle, keepNext, keepLines, pageBreakBefore, widowControl, pBdr, tabs, kinsoku, wordWrap, topLinePunct, autoSpaceDE, autoSpaceDN, spacing, ind, jc. */
export function paragraphProperties(p: ParagraphProperties): string {
  const b = p.borders;
  const s = p.spacing;
  const i = p.indent;
  return container('w:pPr', [
    val('w:pStyle', p.style),
    flag('w:keepNext', p.keepNext),
    flag('w:keepLines', p.keepLines),
    flag('w:pageBreakBefore', p.pageBreakBefore),
    onOff('w:widowControl', p.widowControl),
    // §17.3.1.24: top, left, bottom, right.
    b && container('w:pBdr', [border('w:top', b.top), border('w:left', b.left), border('w:bottom', b.bottom), border('w:right', b.right)]),
    p.tabs && container('w:tabs', p.tabs.map((t) => element('w:tab', { 'w:val': t.align, 'w:leader': t.leader, 'w:pos': t.position }))),
    setting('w:kinsoku', p.kinsoku),
    setting('w:wordWrap', p.wordWrap),
    setting('w:topLinePunct', p.topLinePunct),
    setting('w:autoSpaceDE', p.autoSpaceDE),
    setting('w:autoSpaceDN', p.autoSpaceDN),
    s && element('w:spacing', { 'w:after': s.after, 'w:before': s.before, 'w:line': s.line, 'w:lineRule': s.lineRule }),
    i && element('w:ind', { 'w:left': i.left, 'w:right': i.right, 'w:hanging': i.hanging, 'w:firstLine': i.firstLine, 'w:firstLineChars': i.firstLineChars }),
    val('w:jc', p.justification),
  ]);
}

/** The fonts of a run by script: East Asian, Latin (ascii and hAnsi) and complex script. */
export interface RunFonts {
  eastAsia: string;
  ascii: string;
  hAnsi: string;
  cs: string;
}

export interface RunProperties {
  fonts?: RunFonts;
  /** Written on and off. */
  bold?: boolean;
  /** Hex digits, no '#'. */
  color?: string;
  /** Added to every character's advance, in twentieths of a point. */
  characterSpacing?: number;
  /** In half-points, for East Asian and complex-script text alike. */
  size?: number;
  language?: { latin: string; eastAsia: string; bidi: string };
}

/** w:rPr (§17.3.2.28): rFonts, b, bCs, color, spacing, sz, szCs, lang. */
export function runProperties(r: RunProperties): string {
  const f = r.fonts;
  const l = r.language;
  return container('w:rPr', [
    f && element('w:rFonts', { 'w:ascii': f.ascii, 'w:cs': f.cs, 'w:eastAsia': f.eastAsia, 'w:hAnsi': f.hAnsi }),
    onOff('w:b', r.bold),
    onOff('w:bCs', r.bold),
    val('w:color', r.color),
    val('w:spacing', r.characterSpacing),
    val('w:sz', r.size),
    val('w:szCs', r.size),
    l && element('w:lang', { 'w:val': l.latin, 'w:eastAsia': l.eastAsia, 'w:bidi': l.bidi }),
  ]);
}

/** The four sides of a table's cells, in twips. */
export interface CellMargins {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const width = (name: string, w: number | undefined): string => (w === undefined ? '' : element(name, { 'w:type': 'dxa', 'w:w': w }));

const margins = (name: string, m: CellMargins | undefined): string =>
  // §17.4.42: top, left, bottom, right.
  m ? container(name, [width('w:top', m.top), width('w:left', m.left), width('w:bottom', m.bottom), width('w:right', m.right)]) : '';

export interface TableProperties {
  /** In twips. */
  width: number;
  justification?: 'center';
  /** From the text block's left edge, in twips. */
  indent?: number;
  borders: { top: Border; left: Border; bottom: Border; right: Border; insideH: Border; insideV: Border };
  /** Column widths as given (w:tblGrid), never fitted to the content. */
  fixedLayout?: boolean;
  cellMargins: CellMargins;
}

/** w:tblPr (§17.4.60): tblW, jc, tblInd, tblBorders, tblLayout, tblCellMar. */
export function tableProperties(t: TableProperties): string {
  const b = t.borders;
  return container('w:tblPr', [
    width('w:tblW', t.width),
    val('w:jc', t.justification),
    width('w:tblInd', t.indent),
    // §17.4.39: top, left, bottom, right, insideH, insideV.
    container('w:tblBorders', [
      border('w:top', b.top),
      border('w:left', b.left),
      border('w:bottom', b.bottom),
      border('w:right', b.right),
      border('w:insideH', b.insideH),
      border('w:insideV', b.insideV),
    ]),
    t.fixedLayout && element('w:tblLayout', { 'w:type': 'fixed' }),
    margins('w:tblCellMar', t.cellMargins),
  ]);
}

export interface TableRowProperties {
  /** The row may not break across pages. */
  cantSplit?: boolean;
  /** In twips. */
  height?: { value: number; rule: 'exact' | 'atLeast' };
  /** A header row, repeated at the top of every page the table continues on. */
  header?: boolean;
}

/** w:trPr (§17.4.82; its children may come in any order): cantSplit, trHeight, tblHeader, as Word writes them. */
export function tableRowProperties(r: TableRowProperties): string {
  return container('w:trPr', [
    flag('w:cantSplit', r.cantSplit),
    r.height && element('w:trHeight', { 'w:val': r.height.value, 'w:hRule': r.height.rule }),
    flag('w:tblHeader', r.header),
  ]);
}

/** w:tcPr (§17.4.70): tcW. */
export function tableCellProperties(c: { width: number }): string {
  return container('w:tcPr', [width('w:tcW', c.width)]);
}

export interface SectionProperties {
  /** Relationship ids of the header and footer parts, by the pages they are on. */
  headers: ReadonlyArray<{ type: 'default' | 'even'; id: string }>;
  footers: ReadonlyArray<{ type: 'default' | 'even'; id: string }>;
  /** In twips. */
  pageSize: { width: number; height: number };
  pageMargins: { top: number; right: number; bottom: number; left: number; header: number; footer: number; gutter: number };
}

/** w:sectPr (§17.6.17): headerReference and footerReference, pgSz, pgMar. */
export function sectionProperties(s: SectionProperties): string {
  const m = s.pageMargins;
  return container('w:sectPr', [
    ...s.headers.map((h) => element('w:headerReference', { 'w:type': h.type, 'r:id': h.id })),
    ...s.footers.map((f) => element('w:footerReference', { 'w:type': f.type, 'r:id': f.id })),
    element('w:pgSz', { 'w:w': s.pageSize.width, 'w:h': s.pageSize.height }),
    element('w:pgMar', { 'w:top': m.top, 'w:right': m.right, 'w:bottom': m.bottom, 'w:left': m.left, 'w:header': m.header, 'w:footer': m.footer, 'w:gutter': m.gutter }),
  ]);
}
