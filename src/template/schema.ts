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
  }),
  paragraph: z.strictObject({
    firstLineIndent: z.number().min(0).max(10),
    widowOrphanMinLines: z.number().int().min(2),
  }),
  list: z.strictObject({ bullet: z.string().min(1), numberFormat: z.string(), indent: z.number().min(0).max(10) }),
  image: z.strictObject({
    maxWidth: z.number().gt(0).max(1),
    maxHeight: z.number().gt(0).max(1),
    maxDpi: z.number().positive(),
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
  }),
  numbering: z.strictObject({ restartEachYear: z.boolean() }),
  draft: z.strictObject({ text: z.string().min(1), style: z.string().min(1), angle: z.number() }),
  /** PDF/A for issues of this template, unless the config or --pdfa says otherwise: a level, or true for 2b. */
  pdfa: z.union([z.boolean(), z.enum(PDFA_LEVELS)]).optional(),
});

export type TemplateData = z.infer<typeof templateSchema>;
