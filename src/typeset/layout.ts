// The Layout: what the typesetter decided, as plain data. Renderers draw it
// and decide nothing. Coordinates are points from the page's top-left corner;
// text y is the baseline.

export interface Color {
  rgb: string;
  cmyk?: [number, number, number, number];
}

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
  /** The text a copy from the PDF gives, when the glyph drawn cannot say it (.notdef). */
  actualText?: string;
  /** Rotation in degrees (clockwise on the page) about a point; for the draft watermark. */
  rotation?: { angle: number; cx: number; cy: number };
}

export interface Rule {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  thickness: number;
  color: Color;
}

export interface ImageItem {
  kind: 'image';
  /** Where the image is named, for a message when it will not decode. */
  source: { file: string; line: number; col: number; src: string };
  x: number;
  y: number;
  width: number;
  height: number;
  format: 'jpeg' | 'png';
  data: Uint8Array;
}

export type LayoutItem = TextRun | Rule | ImageItem;

/** A line of text on a page, in reading order: what a copy from the page gives (for tests and diagnostics). */
export interface PlacedLine {
  text: string;
}

export interface LayoutPage {
  /** 1-based page number. */
  number: number;
  /** The text block on this page (mirrored on even pages of two-sided templates). */
  textBlock: { x: number; y: number; width: number; height: number };
  items: LayoutItem[];
  lines: PlacedLine[];
}

export interface OutlineEntry {
  title: string;
  page: number;
  y: number;
}

export interface FaceInfo {
  file: string;
  postscriptName: string;
  familyName: string;
}

/** Typesetting decisions the DOCX writer repeats so Word lays out the same. */
export interface MastheadSizes {
  organization: number;
  title: number;
  number: number;
  /** The rule's y from the text block's top. */
  ruleY: number;
  /** The grid line the body starts on, on the first page. */
  firstSlot: number;
  /** 第 N 期（总第 M 期）as printed, when the issue has a number. */
  numberText?: string;
  /** The size the editor and date line was set at (smaller when the line is long). */
  editor: number;
}

/** How an article's title was set: its size and display lines. */
export interface TitleSetting {
  size: number;
  lines: string[];
  /** Distance between the title's lines, and the grid lines the title takes. */
  lineHeight: number;
  slots: number;
}

/** What the typesetter decided for one block of the model. */
export interface BlockSetting {
  /** Lines a paragraph or heading was set in. */
  lines?: number;
  /** An image's size in points and the grid lines it takes. */
  image?: { width: number; height: number; slots: number };
  /** A list item's paragraph: its first line starts at `start`, later lines at `hang` (points from the frame's edge). */
  indent?: { start: number; hang: number };
  /** A table's column widths in points, rules and padding included; they add up to its frame's width. */
  table?: { widths: number[] };
}

/** A key for a model block: where it starts in its source file. */
export function blockKey(pos: { file: string; line: number; col: number }): string {
  return `${pos.file}:${pos.line}:${pos.col}`;
}

export interface Layout {
  width: number;
  height: number;
  pages: LayoutPage[];
  masthead: MastheadSizes;
  /** Per article, in order. */
  titles: TitleSetting[];
  /** How model blocks were set, by blockKey (for the DOCX writer to repeat). */
  blocks: Record<string, BlockSetting>;
  /**
   * Where the 报尾 went: its page, its top and height (from the text block's
   * top), where the content above it ends on that page, and whether it took
   * a page of its own. Undefined without a 报尾.
   */
  distribution?: { page: number; top: number; height: number; contentBottom: number; newPage: boolean; labelWidths: number[] };
  faces: Record<string, FaceInfo>;
  outline: OutlineEntry[];
  metadata: {
    title: string;
    author: string;
    subject: string;
    language: string;
    date: Date;
  };
}
