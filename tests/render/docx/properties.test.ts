// Property elements in schema order. Word may call a file corrupt whose
// w:pPr, w:rPr, w:tblPr, w:tcPr, w:sectPr or settings children are out of
// the order of ECMA-376 Part 1; the sequences below are copied from the
// schema (the elements the writer never writes included), and every
// builder, given everything it can write, must write its children as a
// subsequence of them.
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/diagnostics.js';
import {
  paragraphProperties,
  runProperties,
  sectionProperties,
  tableCellProperties,
  tableProperties,
  tableRowProperties,
  type Border,
} from '../../../src/render/docx/properties.js';
import { settingsXml } from '../../../src/render/docx/settings.js';
import { loadTemplate } from '../../../src/template/loadTemplate.js';

/** §17.3.1.26 CT_PPrBase, then CT_PPr's own. */
const PPR = [
  'pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers', 'pBdr', 'shd', 'tabs',
  'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi', 'adjustRightInd',
  'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection', 'textAlignment',
  'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange',
];
/** §17.3.1.24 CT_PBdr. */
const PBDR = ['top', 'left', 'bottom', 'right', 'between', 'bar'];
/** §17.3.2.28 EG_RPrBase. */
const RPR = [
  'rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow', 'emboss', 'imprint', 'noProof',
  'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position', 'sz', 'szCs', 'highlight', 'u', 'effect', 'bdr', 'shd',
  'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout', 'specVanish', 'oMath',
];
/** §17.4.60 CT_TblPrBase. */
const TBLPR = [
  'tblStyle', 'tblpPr', 'tblOverlap', 'bidiVisual', 'tblStyleRowBandSize', 'tblStyleColBandSize', 'tblW', 'jc', 'tblCellSpacing', 'tblInd',
  'tblBorders', 'shd', 'tblLayout', 'tblCellMar', 'tblLook', 'tblCaption', 'tblDescription',
];
/** §17.4.39 CT_TblBorders, §17.4.42 CT_TblCellMar. */
const TBLBORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'];
const CELLMAR = ['top', 'left', 'bottom', 'right'];
/** §17.4.70 CT_TcPr. */
const TCPR = ['cnfStyle', 'tcW', 'gridSpan', 'hMerge', 'vMerge', 'tcBorders', 'shd', 'noWrap', 'tcMar', 'textDirection', 'tcFitText', 'vAlign', 'hideMark'];
/** §17.6.17 CT_SectPr (header and footer references first, in any order among themselves). */
const SECTPR = [
  'headerReference|footerReference', 'footnotePr', 'endnotePr', 'type', 'pgSz', 'pgMar', 'paperSrc', 'pgBorders', 'lnNumType', 'pgNumType', 'cols',
  'formProt', 'vAlign', 'noEndnote', 'titlePg', 'textDirection', 'bidi', 'rtlGutter', 'docGrid', 'printerSettings', 'sectPrChange',
];
/** §17.15.1.78 CT_Settings, the part of it up to themeFontLang. */
const SETTINGS = [
  'writeProtection', 'view', 'zoom', 'removePersonalInformation', 'removeDateAndTime', 'doNotDisplayPageBoundaries', 'displayBackgroundShape',
  'printPostScriptOverText', 'printFractionalCharacterWidth', 'printFormsData', 'embedTrueTypeFonts', 'embedSystemFonts', 'saveSubsetFonts',
  'saveFormsData', 'mirrorMargins', 'alignBordersAndEdges', 'bordersDoNotSurroundHeader', 'bordersDoNotSurroundFooter', 'gutterAtTop',
  'hideSpellingErrors', 'hideGrammaticalErrors', 'activeWritingStyle', 'proofState', 'formsDesign', 'attachedTemplate', 'linkStyles',
  'stylePaneFormatFilter', 'stylePaneSortMethod', 'documentType', 'mailMerge', 'revisionView', 'trackRevisions', 'doNotTrackMoves',
  'doNotTrackFormatting', 'documentProtection', 'autoFormatOverride', 'styleLockTheme', 'styleLockQFSet', 'defaultTabStop', 'autoHyphenation',
  'consecutiveHyphenLimit', 'hyphenationZone', 'doNotHyphenateCaps', 'showEnvelope', 'summaryLength', 'clickAndTypeStyle', 'defaultTableStyle',
  'evenAndOddHeaders', 'bookFoldRevPrinting', 'bookFoldPrinting', 'bookFoldPrintingSheets', 'drawingGridHorizontalSpacing',
  'drawingGridVerticalSpacing', 'displayHorizontalDrawingGridEvery', 'displayVerticalDrawingGridEvery', 'doNotUseMarginsForDrawingGridOrigin',
  'drawingGridHorizontalOrigin', 'drawingGridVerticalOrigin', 'doNotShadeFormData', 'noPunctuationKerning', 'characterSpacingControl',
  'printTwoOnOne', 'strictFirstAndLastChars', 'noLineBreaksAfter', 'noLineBreaksBefore', 'savePreviewPicture', 'doNotValidateAgainstSchema',
  'saveInvalidXml', 'ignoreMixedContent', 'alwaysShowPlaceholderText', 'doNotDemarcateInvalidXml', 'saveXmlDataOnly', 'useXSLTWhenSaving',
  'saveThroughXslt', 'showXMLTags', 'alwaysMergeEmptyNamespace', 'updateFields', 'hdrShapeDefaults', 'footnotePr', 'endnotePr', 'compat',
  'docVars', 'rsids', 'mathPr', 'attachedSchema', 'themeFontLang',
];
/** §17.15.3.1 CT_Compat: the legacy settings, then compatSetting. */
const COMPAT = ['doNotExpandShiftReturn', 'compatSetting'];

/** The local names of the top-level children of `xml`'s root element. */
function children(xml: string): string[] {
  const inner = xml.replace(/^<[^>]+>/, '').replace(/<\/[^>]+>$/, '');
  const out: string[] = [];
  let depth = 0;
  for (const m of inner.matchAll(/<(\/?)[\w]+:([\w]+)[^>]*?(\/?)>/g)) {
    if (m[1] === '/') depth--;
    else {
      if (depth === 0) out.push(m[2]!);
      if (m[3] !== '/') depth++;
    }
  }
  return out;
}

/** The part of `xml` from `<w:name` to its end (the first such element). */
const child = (xml: string, name: string): string => new RegExp(`<w:${name}[ >/][\\s\\S]*?</w:${name}>`).exec(xml)![0];

/** `names` come in the order of `schema`, each once (a choice such as headerReference|footerReference may repeat). */
function expectSchemaOrder(names: string[], schema: string[]): void {
  const rank = (n: string) => schema.findIndex((s) => s.split('|').includes(n));
  for (const n of names) expect(rank(n), `${n} is in the schema`).toBeGreaterThanOrEqual(0);
  names.forEach((n, i) => {
    if (i === 0) return;
    const [before, here] = [rank(names[i - 1]!), rank(n)];
    expect(here > before || (here === before && schema[here]!.includes('|')), `${names[i - 1]} before ${n}`).toBe(true);
  });
}

const rule: Border = { style: 'single', size: 4, color: '000000', space: 1 };

describe('properties are written in schema order', () => {
  it('w:pPr, and its w:pBdr', () => {
    const xml = paragraphProperties({
      style: 'Normal',
      keepNext: true,
      keepLines: true,
      pageBreakBefore: true,
      widowControl: false,
      borders: { top: rule, left: rule, bottom: rule, right: rule },
      tabs: [{ align: 'right', position: 8320 }],
      kinsoku: true,
      wordWrap: true,
      topLinePunct: false,
      autoSpaceDE: false,
      autoSpaceDN: false,
      spacing: { before: 0, after: 0, line: 600, lineRule: 'exact' },
      indent: { left: 1, right: 2, hanging: 3, firstLineChars: 0 },
      justification: 'both',
    });
    const names = children(xml);
    expect(names).toHaveLength(15);
    expectSchemaOrder(names, PPR);
    expect(children(child(xml, 'pBdr'))).toEqual(['top', 'left', 'bottom', 'right']);
    expectSchemaOrder(children(child(xml, 'pBdr')), PBDR);
  });

  it('w:rPr', () => {
    const xml = runProperties({
      fonts: { eastAsia: '仿宋_GB2312', ascii: 'a', hAnsi: 'a', cs: 'a' },
      bold: true,
      color: 'E60012',
      characterSpacing: -5,
      size: 32,
      language: { latin: 'en-US', eastAsia: 'zh-CN', bidi: 'ar-SA' },
    });
    const names = children(xml);
    expect(names).toEqual(['rFonts', 'b', 'bCs', 'color', 'spacing', 'sz', 'szCs', 'lang']);
    expectSchemaOrder(names, RPR);
  });

  it('w:tblPr with its borders and cell margins, w:trPr, w:tcPr', () => {
    const xml = tableProperties({
      width: 8320,
      justification: 'center',
      indent: 320,
      borders: { top: rule, left: rule, bottom: rule, right: rule, insideH: rule, insideV: rule },
      fixedLayout: true,
      cellMargins: { top: 0, left: 80, bottom: 0, right: 80 },
    });
    expectSchemaOrder(children(xml), TBLPR);
    expect(children(xml)).toHaveLength(6);
    expect(children(child(xml, 'tblBorders'))).toEqual(TBLBORDERS);
    expect(children(child(xml, 'tblCellMar'))).toEqual(CELLMAR);
    expect(children(tableRowProperties({ cantSplit: true, height: { value: 580, rule: 'atLeast' }, header: true }))).toEqual(['cantSplit', 'trHeight', 'tblHeader']);
    expectSchemaOrder(children(tableCellProperties({ width: 100 })), TCPR);
  });

  it('w:sectPr', () => {
    const xml = sectionProperties({
      headers: [
        { type: 'default', id: 'h1' },
        { type: 'even', id: 'h2' },
      ],
      footers: [
        { type: 'default', id: 'f1' },
        { type: 'even', id: 'f2' },
      ],
      pageSize: { width: 11906, height: 16838 },
      pageMargins: { top: 1, right: 2, bottom: 3, left: 4, header: 5, footer: 6, gutter: 0 },
    });
    const names = children(xml);
    expect(names).toHaveLength(6);
    expectSchemaOrder(names, SECTPR);
  });

  it('settings.xml, and its compatibility settings', () => {
    const t = loadTemplate('jianbao', undefined, new Diagnostics())!;
    const xml = settingsXml(t, { language: 'zh-CN', embedsFonts: true }).replace(/^<\?xml[^>]*\?>/, '');
    const names = children(xml);
    expect(names).toEqual(expect.arrayContaining(['embedTrueTypeFonts', 'saveSubsetFonts', 'mirrorMargins', 'evenAndOddHeaders', 'compat', 'themeFontLang']));
    expectSchemaOrder(names, SETTINGS);
    expect(children(child(xml, 'compat'))).toEqual(COMPAT);
  });
});

describe('on and off', () => {
  it('writes keeps only when on, widow control and bold both ways, the East Asian settings as 1 and 0', () => {
    expect(paragraphProperties({ keepNext: false, keepLines: false, pageBreakBefore: false })).toBe('');
    expect(paragraphProperties({ keepNext: true, widowControl: true })).toBe('<w:pPr><w:keepNext/><w:widowControl/></w:pPr>');
    expect(paragraphProperties({ widowControl: false, kinsoku: true, autoSpaceDE: false })).toBe('<w:pPr><w:widowControl w:val="0"/><w:kinsoku w:val="1"/><w:autoSpaceDE w:val="0"/></w:pPr>');
    expect(runProperties({ bold: false })).toBe('<w:rPr><w:b w:val="0"/><w:bCs w:val="0"/></w:rPr>');
    expect(runProperties({})).toBe('');
  });
});
