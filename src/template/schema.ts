// The template schema: page geometry, grid, fonts by role, colours, rules.
// Lengths are converted to points on validation.
import { z } from 'zod';
import { PDFA_LEVELS } from '../pdfaLevel.js';
import { parseLength } from './units.js';

const length = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const pt = parseLength(v);
  if (pt === undefined) {
    ctx.addIssue({ code: 'custom', message: 'length.invalid', params: { value: String(v) } });
    return z.NEVER;
  }
  return pt;
});
const positiveLength = length.refine((v) => v > 0, { message: 'must be greater than 0' });
const size = z.number().positive().max(500);
const hex = z.string().regex(/^#[0-9A-Fa-f]{6}$/, { message: 'color.invalid' });
const percent = z.number().min(0).max(100);
/** A step by which a size is reduced to fit: a multiple of 0.5 pt, since Word sets sizes in half points. */
const sizeStep = z.number().positive().max(10).multipleOf(0.5, { message: 'must be a multiple of 0.5 pt (Word sets sizes in half points)' });

const color = z.strictObject({
  rgb: hex,
  cmyk: z.tuple([percent, percent, percent, percent]).optional(),
});

const face = z.strictObject({
  /** Font file: a path relative to the template, the project's fonts/ folder or the bundled fonts. */
  file: z.string().min(1),
  /** The font name Word and WPS use (East Asian). */
  wordName: z.string().min(1),
  /** The font name Word uses for digits and Latin; default: wordName. */
  wordLatinName: z.string().min(1).optional(),
  /** Faces tried, in order, for characters this face lacks. */
  fallback: z.array(z.string().min(1)).default([]),
});

const style = z.strictObject({
  face: z.string().min(1).optional(),
  size: size.optional(),
  bold: z.boolean().optional(),
  color: z.string().min(1).optional(),
});

/** A line of the 报头: its style, the space above it, and how small it may be set to fit the line (0: no limit). */
const mastheadLine = z.strictObject({ style: z.string().min(1), spaceBefore: length, minSize: z.number().min(0).max(200).default(0) });

export const templateSchema = z.strictObject({
  description: z.string().optional(),
  extends: z.string().min(1).optional(),
  page: z.strictObject({ width: positiveLength, height: positiveLength, twoSided: z.boolean() }),
  textBlock: z.strictObject({ width: positiveLength, height: positiveLength, top: length, inner: length }),
  grid: z.strictObject({
    charsPerLine: z.number().int().min(4).max(200),
    linesPerPage: z.number().int().min(2).max(200),
    linePitch: positiveLength,
  }),
  colors: z.record(z.string().min(1), color),
  faces: z.record(z.string().min(1), face),
  fallbackFaces: z.array(z.string().min(1)).default([]),
  styles: z.record(z.string().min(1), style),
  masthead: z.strictObject({
    organization: mastheadLine,
    title: mastheadLine,
    number: mastheadLine.extend({ format: z.string(), totalFormat: z.string() }),
    /** minGap: the least space between the editor and the date, in em of the line's size. */
    editorLine: mastheadLine.extend({ dateFormat: z.string(), minGap: z.number().min(0).max(10) }),
    /** The marks at the top corners (内部资料, 秘密★1年) and the copy number above the left one: their style and the space under them. */
    marks: z.strictObject({ style: z.string().min(1), spaceAfter: length }),
    /** The serial copy number: its format, and the digits a number is padded to with zeros (0: as written). */
    copyNumber: z.strictObject({ format: z.string(), digits: z.number().int().min(0).max(12) }),
    rule: z.strictObject({ color: z.string().min(1), thickness: positiveLength, spaceBefore: length }),
    bodyGap: z.number().min(0).max(20),
    /** A line too long is set smaller by this step until it fits. */
    sizeStep,
  }),
  article: z.strictObject({
    titleStyle: z.string().min(1),
    titleLineHeight: z.number().min(1).max(3),
    titleMinSize: size,
    titleSizeStep: sizeStep,
    titleSpaceBefore: z.number().int().min(0).max(10),
    titleSpaceAfter: z.number().int().min(0).max(10),
    titleKeepLines: z.number().int().min(0).max(10),
    titleMaxLines: z.number().int().min(1).max(10),
    headingKeepLines: z.number().int().min(0).max(10),
    sourceFormat: z.string(),
    sectionFormat: z.string(),
    sectionSpaceBefore: z.number().int().min(0).max(10),
    sectionKeepLines: z.number().int().min(0).max(10),
    /** Lines of the text before an article's 落款 and 供稿 line that stay on their page. */
    closingKeepLines: z.number().int().min(0).max(10),
  }),
  paragraph: z.strictObject({
    firstLineIndent: z.number().min(0).max(10),
    widowOrphanMinLines: z.number().int().min(2),
    /** A paragraph shorter than widowOrphanMinLines that ends with a colon (目前进展如下：) stays on the page of the table, figure or list it introduces. */
    colonKeepsWithNext: z.boolean(),
  }),
  list: z.strictObject({
    bullet: z.string().min(1),
    /** The style of an unordered list's marker (a size relative to the text is the style's size over the body's). */
    bulletStyle: z.string().min(1),
    numberFormat: z.string(),
    indent: z.number().min(0).max(10),
  }),
  image: z.strictObject({
    maxWidth: z.number().gt(0).max(1),
    maxHeight: z.number().gt(0).max(1),
    maxDpi: z.number().positive(),
    /** A figure that does not fit the rest of a page moves to the top of the next, and the text after it fills the gap. */
    float: z.boolean(),
    /** Characters of space between images set side by side. */
    gap: z.number().min(0).max(10),
  }),
  quote: z.strictObject({
    style: z.string().min(1),
    labelStyle: z.string().min(1),
    label: z.string(),
    rule: positiveLength,
    ruleColor: z.string().min(1),
    inset: z.number().min(0).max(5),
  }),
  table: z.strictObject({
    style: z.string().min(1),
    headerStyle: z.string().min(1),
    rule: positiveLength,
    ruleColor: z.string().min(1),
    cellPadding: length,
    /** Grid lines of space above a table (none at a page top) and below it. */
    spaceBefore: z.number().int().min(0).max(10),
    spaceAfter: z.number().int().min(0).max(10),
    /** The header row is printed again at the top of every page the table continues on. */
    repeatHeader: z.boolean(),
    /**
     * Room a column is given beyond its longest cell on one line, in em of
     * the table's text, so that word processors, which space text a little
     * differently (LibreOffice adds space between Chinese and digits), keep
     * that cell on one line too.
     */
    fitTolerance: z.number().min(0).max(5),
  }),
  /** 落款: the lines of an article's signature, right-aligned after its last paragraph. */
  signature: z.strictObject({
    style: z.string().min(1),
    spaceBefore: z.number().int().min(0).max(10),
    /** Characters in from the right edge of the measure. */
    rightIndent: z.number().min(0).max(10),
    dateFormat: z.string(),
  }),
  /** 本期要目: the contents box under the masthead. */
  toc: z.strictObject({
    title: z.string().min(1),
    titleStyle: z.string().min(1),
    sectionStyle: z.string().min(1),
    sectionFormat: z.string(),
    entryStyle: z.string().min(1),
    /** The character repeated between a title and its page number. */
    leader: z.string().min(1),
    /** Distance between leader characters, in em of the entry style. */
    leaderSpacing: z.number().gt(0).max(5),
    pageFormat: z.string(),
    /** Characters an entry under a section is indented by. */
    entryIndent: z.number().min(0).max(10),
    rule: positiveLength,
    ruleColor: z.string().min(1),
    /** Characters of inset on each side of the box. */
    inset: z.number().min(0).max(5),
    /** Grid lines between the box and the first article. */
    spaceAfter: z.number().int().min(0).max(10),
  }),
  pageNumber: z.strictObject({ style: z.string().min(1), format: z.string(), offset: length, indent: z.number().min(0) }),
  distribution: z.strictObject({
    style: z.string().min(1),
    linePitch: positiveLength,
    indent: z.number().min(0),
    separator: z.string(),
    thickRule: positiveLength,
    thinRule: positiveLength,
    ruleColor: z.string().min(1),
    padding: length,
    copiesFormat: z.string(),
    spaceAbove: z.number().int().min(0),
  }),
  lineBreaking: z.strictObject({
    noStart: z.string(),
    noEnd: z.string(),
    spaceWidth: z.number().min(0).max(1),
    latinSpace: z.number().min(0).max(1),
    compressMarkPairs: z.boolean(),
    noLoneLastCharacter: z.boolean(),
  }),
  numbering: z.strictObject({ restartEachYear: z.boolean() }),
  draft: z.strictObject({ text: z.string().min(1), style: z.string().min(1), angle: z.number() }),
  /** PDF/A for issues of this template, unless the config or --pdfa says otherwise: a level, or true for 2b. */
  pdfa: z.union([z.boolean(), z.enum(PDFA_LEVELS)]).optional(),
});

export type TemplateData = z.infer<typeof templateSchema>;
