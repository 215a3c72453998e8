// The Layout: what the typesetter decided, as plain data, in two faces of the
// same decisions (docs/architecture.md):
//
// - pages of positioned items (text runs, rules, images), which the PDF,
//   SVG/PNG and OFD writers draw; every item says which node of the set tree
//   it belongs to, or that it is an artifact (page numbers, the watermark,
//   rules), so that a writer can tag it without deciding anything;
// - the set tree: the issue as it was set — masthead, sections, articles,
//   blocks with their link to the model, the text actually printed (markers,
//   labels, dates, source lines), line counts, keeps and widow/orphan
//   decisions, where page breaks fell — which the DOCX writer turns into
//   Word paragraphs and the tagged-PDF writer into a structure tree.
//
// Coordinates are points from the page's top-left corner; text y is the
// baseline. Renderers draw it and decide nothing.
import type { Article, Block, ImageBlock, List, Orientation, Quote, SourcePos, Table } from '../model.js';
import type { StyleRole } from '../template/styleRoles.js';
import type { TextStyle } from '../template/styles.js';

export interface Color {
  rgb: string;
  cmyk?: [number, number, number, number];
}

/** A node of the set tree, by its id (unique in one Layout, in reading order). */
export type NodeId = number;

/**
 * What is drawn but is not content: page numbers (pagination), the 草稿
 * watermark, and rules and boxes (layout). Writers keep artifacts out of
 * the text a reader or a screen reader gets.
 */
export type ArtifactKind = 'pagination' | 'watermark' | 'layout';

/** Whose an item is: a node of the set tree, or an artifact. */
export type Owner = { node: NodeId } | { artifact: ArtifactKind };

/** Glyphs of one face, size and colour, each advancing by its width plus charSpacing. */
export interface TextRun {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  face: string;
  size: number;
  color: Color;
  charSpacing: number;
  /** Drawn with a stroked outline (faces without a bold cut). */
  bold: boolean;
  /** The text a copy from the PDF gives when the glyph drawn cannot say it (.notdef): the character no face has. */
  actualText?: string;
  /**
   * For the runs of an address (URL, e-mail), which may break across lines:
   * the text a copy gives instead of the glyphs, which are drawn as they
   * are — the whole address on the run of its first piece, '' on the runs
   * of the others, so that it is copied out whole.
   */
  copyText?: string;
  /** Rotation in degrees (clockwise on the page) about a point; for the draft watermark. */
  rotation?: { angle: number; cx: number; cy: number };
  owner: Owner;
  /** Where its first character was written (the preview maps a click back to it). */
  source?: SourcePos;
}

export interface Rule {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  thickness: number;
  color: Color;
  owner: Owner;
}

export interface ImageItem {
  kind: 'image';
  /** Where the image is named. */
  source: { file: string; line: number; col: number; src: string };
  /** The box the image is seen in: for orientations 5–8, the stored pixels' height across and width down. */
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * How the stored pixels are turned into the box (EXIF orientation, see
   * Orientation in src/model.ts): writers map the stored image onto the
   * box by it (src/render/imageOrientation.ts).
   */
  orientation: Orientation;
  format: 'jpeg' | 'png';
  data: Uint8Array;
  owner: Owner;
}

export type LayoutItem = TextRun | Rule | ImageItem;

/** A line of text on a page, in reading order: what a copy from the page gives (for tests and diagnostics). */
export interface PageLine {
  text: string;
}

export interface LayoutPage {
  /** 1-based page number. */
  number: number;
  /** The text block on this page (mirrored on even pages of two-sided templates). */
  textBlock: { x: number; y: number; width: number; height: number };
  /** In drawing order: the watermark first (under the text), then the content in reading order. */
  items: LayoutItem[];
  lines: PageLine[];
}

/** A bookmark: an article's title where it is drawn, or a section with its articles under it. */
export interface OutlineEntry {
  title: string;
  page: number;
  /** The y of the title's top on its page. */
  y: number;
  children: OutlineEntry[];
}

export interface FaceInfo {
  file: string;
  postscriptName: string;
  familyName: string;
}

export interface DocumentMetadata {
  /** Bulletin title and 期号. */
  title: string;
  author: string;
  subject: string;
  /** The articles' titles. */
  keywords: string[];
  language: string;
  /** The documents' creation and modification date. */
  date: Date;
}

// ——— The set tree ———

/**
 * Where a block's lines went: on `page`, from grid line `gridLine` of the text
 * block, `lines` of its lines (rows of a table; grid lines of a title or a
 * figure count as one line). A block split across pages has one piece a page.
 */
export interface Placement {
  page: number;
  gridLine: number;
  /** Grid lines of space left above this piece (its block's spaceBefore, or none at the top of a page). */
  spaceBefore: number;
  /** Index of the first of its lines in this piece. */
  first: number;
  lines: number;
  /** A table continued from the page before: its header rows printed again above this piece. */
  repeated?: number;
}

/** The pagination rules a block was set with. */
export interface Keeps {
  /** Its lines may not be split across pages (a title, a figure, a table row, a 供稿 line). */
  together: boolean;
  /** Widow/orphan control: never a single line of it alone at a page's foot or head. */
  widowControl: boolean;
  /** Lines of what follows that stay on its page. */
  withNext: number;
  /** Grid lines of space above it, dropped at the top of a page. */
  spaceBefore: number;
  /**
   * Grid lines of space below it, which need not fit at a page's foot: a
   * title's is its own (its placements end with it); a table's is left
   * above the block after it (that block's placement says so).
   */
  spaceAfter: number;
  /** It may go to the top of the next page when it does not fit the rest of this one, the text after it filling the gap (a figure). */
  float: boolean;
  /** Lines of the block before it that stay on its page with it (a 落款 never opens a page alone). */
  withPrevious: number;
  /**
   * The same decisions in the words of a word processor's paragraph
   * properties: no page break inside it (it is kept whole, or the keep of
   * the block before needs all its lines), no page break after it (its own
   * keep, or the keep of a block before reaches past its end), and the
   * fewest of its lines that may stand alone at a page's foot or head.
   */
  keepLinesTogether: boolean;
  keepWithNext: boolean;
  shortestPiece: number;
}

/** A piece of text in one style as it was printed; a hard line break has no text. */
/**
 * Text as set; a hard line break has no text. `pos` is where it was written;
 * with `charCols`, the text is the source's own (Markdown text on one line),
 * so a character's column is `pos.col` plus its offset.
 */
export type SetPiece = { text: string; style: TextStyle; pos?: SourcePos; charCols?: boolean } | { lineBreak: true; style: TextStyle };

export type Align = 'justify' | 'left' | 'center' | 'right';

/** The horizontal measure a block is set in: x from the text block's left edge. */
export interface Measure {
  x: number;
  width: number;
}

/** A 编者按's box: rules around the lines of the blocks inside it, at the edges of `measure`. */
export interface SetBox {
  id: NodeId;
  measure: Measure;
  thickness: number;
  color: Color;
}

interface SetNodeBase {
  id: NodeId;
  /** Where it was written. */
  pos: SourcePos | undefined;
}

/**
 * A paragraph-like block: a paragraph, a heading, a list item's paragraph,
 * a paragraph of a 编者按, a caption, a 供稿 line, a section heading, a 落款
 * (its lines divided by hard breaks, right-aligned), the 本期要目 box's
 * title and section headings.
 */
export interface SetText extends SetNodeBase {
  kind: 'text';
  /** The style role it is set in (the Word paragraph style). */
  role: StyleRole;
  /** The heading level (1 for 一、), for headings. */
  level?: 1 | 2 | 3;
  /** The model block it sets, when it sets one (not a 供稿 line or section heading). */
  model?: Block;
  /** What it printed, in order, with the styles it was set in (labels such as 编者按： included). */
  content: SetPiece[];
  align: Align;
  measure: Measure;
  /** Indents from the measure's left edge: of the first line, of every later one. */
  indent: { first: number; rest: number };
  /** The text of each line as set. */
  lines: string[];
  keeps: Keeps;
  /** The 编者按 box it sits in. */
  box?: SetBox;
  placements: Placement[];
}

/** An article's title, at the size it was set and on the grid lines it takes. */
export interface SetTitle extends SetNodeBase {
  kind: 'title';
  role: StyleRole;
  style: TextStyle;
  /** The title's lines as set (an author's line that wraps gives several). */
  lines: string[];
  /** Distance between the title's baselines. */
  lineHeight: number;
  /** Grid lines the title's lines take (its space above and below not counted). */
  gridLines: number;
  keeps: Keeps;
  placements: Placement[];
}

/** A list: its items, each with the marker printed before its first paragraph. */
export interface SetList extends SetNodeBase {
  kind: 'list';
  model: List;
  ordered: boolean;
  items: SetListItem[];
}

export interface SetListItem extends SetNodeBase {
  kind: 'listItem';
  /**
   * The marker as printed (“1.”, “●”), its node (it is drawn as its own
   * runs), its x from the measure's left edge, and what follows it in the
   * text (a typed space, the room the hang leaves after the marker).
   */
  label: { id: NodeId; text: string; x: number; style: TextStyle; after: string };
  /** Where the item's text starts, on every line, from the measure's left edge. */
  hang: number;
  blocks: SetBlock[];
}

/** A 编者按 (block quote), in its box. */
export interface SetQuote extends SetNodeBase {
  kind: 'quote';
  model: Quote;
  box: SetBox;
  blocks: SetBlock[];
}

/** One image of a figure, at the size it is drawn (the box it is seen in, as ImageItem). */
export interface SetImage extends SetNodeBase {
  kind: 'image';
  model: ImageBlock;
  width: number;
  height: number;
  /** How the stored pixels are turned into that box (as ImageItem). */
  orientation: Orientation;
  /** From the measure's left edge, and from the top of the figure's first grid line. */
  x: number;
  y: number;
}

/** A figure: its images side by side (one, usually), each with the caption under it. */
export interface SetFigure extends SetNodeBase {
  kind: 'figure';
  measure: Measure;
  /** Side by side, left to right, at one height; `x` of each from the measure's left edge. */
  panels: Array<{ image: SetImage; caption?: SetText; x: number; width: number }>;
  /** Grid lines the images take (captions not counted). */
  gridLines: number;
  /** Grid lines the captions take (the longest one's lines). */
  captionLines: number;
  keeps: Keeps;
  placements: Placement[];
  /**
   * Set when it did not fit where it was written and went to the top of the
   * next page: where the text had reached (page, grid line), and what comes
   * just before it in page order — `lines` lines of node `after`, the end of
   * the text that filled the gap (none when nothing did). Its place in the
   * tree, reading order, is where it was written.
   */
  float?: { from: { page: number; gridLine: number }; after?: { node: NodeId; lines: number } };
}

export interface SetTableCell extends SetNodeBase {
  kind: 'cell';
  content: SetPiece[];
  align: Align;
  lines: string[];
}

export interface SetTableRow extends SetNodeBase {
  kind: 'row';
  header: boolean;
  /** Grid lines the row takes (its tallest cell's lines). */
  gridLines: number;
  /** No page break between it and the next row (the header and first row, the row before the last: a table never leaves one row alone). */
  keepWithNext: boolean;
  cells: SetTableCell[];
}

export interface SetTable extends SetNodeBase {
  kind: 'table';
  model: Table;
  measure: Measure;
  /** Column widths in points, rules and padding included; they add up to the measure's width. */
  columns: number[];
  /**
   * Each column's least width (its widest unit that cannot break, a
   * "9:00-9:30" or a 校区（校园）'s bracketed pair) and preferred width (its
   * longest cell on one line), padding included; `columns` lies between
   * them where the measure allows, never under `min`.
   */
  contentWidths: Array<{ min: number; max: number }>;
  /** Whether the widths follow the content or the author's delimiter row. */
  widthsFrom: 'content' | 'author';
  /** Rows at the top that are the header (`rows[0…headerRows-1]`). */
  headerRows: number;
  /** Padding between a cell's rules and its text, left and right. */
  cellPadding: number;
  /** The rules around and between its cells. */
  rule: { thickness: number; color: Color };
  /**
   * Whether its header rows are set again at the top of every page it
   * continues on (the template's table.repeatHeader, when it has a header);
   * a DOCX says so with w:tblHeader on those rows, which Word and
   * LibreOffice repeat the same way.
   */
  repeatsHeader: boolean;
  rows: SetTableRow[];
  keeps: Keeps;
  /** One piece a page; lines count rows. */
  placements: Placement[];
}

export type SetBlock = SetText | SetList | SetQuote | SetFigure | SetTable;

/** An entry of the 本期要目: an article's title, the leader, its page number right-aligned. */
export interface SetTocEntry extends SetNodeBase {
  kind: 'tocEntry';
  role: StyleRole;
  /** The article it lists (its SetArticle's id). */
  article: NodeId;
  /** The title as printed: the author's lines joined. */
  content: SetPiece[];
  /** The page the article's title is on, and the number as printed. */
  page: number;
  pageText: string;
  /** The character repeated between the title's last line and the number. */
  leader: string;
  measure: Measure;
  /** Indents from the measure's left edge: of the first line, of every later one. */
  indent: { first: number; rest: number };
  /** The text of each line as set, the leader left out, the number on the last. */
  lines: string[];
  keeps: Keeps;
  box: SetBox;
  placements: Placement[];
}

/** 本期要目: a ruled box under the masthead, listing the articles by section. */
export interface SetToc {
  kind: 'toc';
  id: NodeId;
  box: SetBox;
  title: SetText;
  /** Section headings (role tocSection) and entries, in reading order. */
  items: Array<SetText | SetTocEntry>;
  /** Times the issue was set until every entry's number was the page its title came out on. */
  passes: number;
}

export interface SetArticle extends SetNodeBase {
  kind: 'article';
  model: Article;
  title: SetTitle;
  /** The body's blocks, then the 落款 and 供稿 lines when there are any. */
  blocks: SetBlock[];
}

/** A run of articles of one section, under its heading (【行业动态】). */
export interface SetSection extends SetNodeBase {
  kind: 'section';
  name: string;
  heading: SetText;
  articles: SetArticle[];
}

/** One line of the 报头: where its box starts (from the text block's top) and how tall it is. */
export interface SetMastheadLine {
  id: NodeId;
  role: StyleRole;
  text: string;
  /** The size it was set at (smaller than its style's when the line was long). */
  size: number;
  /** The top of the line's box (the space above its em box included) and the box's height. */
  top: number;
  height: number;
  pos: SourcePos | undefined;
}

/** A mark at a top corner of the 报头 (内部资料, 秘密★1年) or the copy number. */
export interface SetMastheadMark {
  id: NodeId;
  kind: 'mark' | 'copyNumber';
  role: StyleRole;
  text: string;
  /** Flush with the left or the right edge of the text block. */
  side: 'left' | 'right';
  size: number;
  /** The top of its em box and its height, from the text block's top. */
  top: number;
  height: number;
  pos: SourcePos | undefined;
}

export interface SetMasthead {
  kind: 'masthead';
  id: NodeId;
  /** Marks and the copy number at the top corners, above the organisation's line; none when the issue has none. */
  marks: SetMastheadMark[];
  organization: SetMastheadLine;
  title: SetMastheadLine;
  /** 第 N 期（总第 M 期）as printed, when the issue has a number. */
  number?: SetMastheadLine;
  /** The editor flush left and the date, as printed, flush right, on one line. */
  editorLine: SetMastheadLine & { dateText: string };
  /** The red rule: its y from the text block's top. */
  rule: { y: number; thickness: number; color: Color };
  /** The grid line the body starts on, on the first page. */
  firstGridLine: number;
}

/** One entry of the 报尾: its label as printed (报：), its width, and its paragraphs (one a recipient, or one of running text). */
export interface SetDistributionEntry {
  id: NodeId;
  label: string;
  labelWidth: number;
  paragraphs: string[];
  /** The text of each line as set, label included on the first. */
  lines: string[];
  pos: SourcePos | undefined;
}

export interface SetDistribution {
  kind: 'distribution';
  id: NodeId;
  entries: SetDistributionEntry[];
  /** 共印 N 份 as printed, and how it is aligned in its row. */
  copies?: { id: NodeId; text: string; align: Align };
  /** Inset of the text from both edges of the text block. */
  inset: number;
  linePitch: number;
  /** Space between a rule and the em box of the text next to it. */
  padding: number;
  thickRule: number;
  thinRule: number;
  ruleColor: Color;
  /** Its page, its top and height (from the text block's top), where the content above it ends on that page, and whether it took a page of its own. */
  page: number;
  top: number;
  height: number;
  contentBottom: number;
  newPage: boolean;
}

/** 草稿 across every page: its text, style, angle, and the width it was set in, centred on the page. */
export interface SetWatermark {
  text: string;
  style: TextStyle;
  angle: number;
  width: number;
}

/** The page number: the text around the number as printed on every page (— N —), and how far in from the text block's edge. */
export interface SetPageNumber {
  before: string;
  after: string;
  style: TextStyle;
  /** Odd pages flush right, even pages flush left, this far in. */
  inset: number;
}

export interface SetIssue {
  kind: 'issue';
  masthead: SetMasthead;
  /** 本期要目, when the issue asks for it: the first thing under the masthead. */
  toc?: SetToc;
  pageNumber: SetPageNumber;
  /** Articles, and runs of articles of one section, in reading order. */
  body: Array<SetSection | SetArticle>;
  distribution?: SetDistribution;
  watermark?: SetWatermark;
}

export interface Layout {
  width: number;
  height: number;
  pages: LayoutPage[];
  /** The set tree. */
  issue: SetIssue;
  faces: Record<string, FaceInfo>;
  outline: OutlineEntry[];
  metadata: DocumentMetadata;
}
