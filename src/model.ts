// The document model: what reading produces and what typesetting and the DOCX
// writer consume. Plain data only: no behaviour, no library types.

/** A place in an input file; line and column count from 1. */
export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

export interface IssueDate {
  year: number;
  month: number;
  day: number;
}

/** One 报尾 entry: `报` with a list of recipients, or `送` with running text. */
export type DistributionEntry =
  | { label: string; kind: 'list'; recipients: string[]; pos: SourcePos }
  | { label: string; kind: 'text'; text: string; pos: SourcePos };

export interface IssueMeta {
  organization: string;
  title: string;
  /** 期号: a number prints as 第 N 期, a string as given (增刊). */
  number?: number | string;
  totalNumber?: number;
  editor: string;
  date: IssueDate;
  distribution: DistributionEntry[];
  copies?: number;
  draft: boolean;
  /** 本期要目: a contents box under the masthead. */
  toc: boolean;
  /** Marks at the masthead's top corners: 内部资料 / 注意保存, or a 密级 with its period (秘密★1年). */
  marks?: { left?: string; right?: string };
  /** The serial copy number: a number is padded with zeros as the template says, a string printed as written. */
  copyNumber?: number | string;
  /** Where the 报头 texts were written (issue.yaml, or the config's defaults), for messages about them. */
  where: Record<'organization' | 'title' | 'editor', SourcePos> & { number?: SourcePos; marks?: SourcePos; copyNumber?: SourcePos };
}

export interface Issue {
  /** The folder name, e.g. 2024-08; names the outputs. */
  id: string;
  /** Absolute path of the issue folder. */
  dir: string;
  meta: IssueMeta;
  /** The template name this issue is laid out with. */
  template: string;
  articles: Article[];
}

export interface Article {
  /** Absolute path of the Markdown file. */
  file: string;
  /** The title's lines, in order. */
  title: TitleLine[];
  section?: string;
  source?: string;
  /** 落款: its lines, in order, set right-aligned after the body. */
  signature?: SignatureLine[];
  draft: boolean;
  blocks: Block[];
  /** The file's start, for messages about the article as a whole. */
  pos: SourcePos;
}

export interface TitleLine {
  text: string;
  pos: SourcePos;
}

/** A line of a 落款: text as written, or a date printed in the template's format ('issue': the issue's date). */
export type SignatureLine = { text: string; pos: SourcePos } | { date: IssueDate | 'issue'; pos: SourcePos };

export type Block = Paragraph | Heading | List | ImageBlock | ImageRow | Quote | Table;

export interface Paragraph {
  type: 'paragraph';
  children: Inline[];
  pos: SourcePos;
}

export interface Heading {
  type: 'heading';
  /** 1 for `##` (一、), 2 for `###` (（一）), 3 for `####` (1.). */
  level: 1 | 2 | 3;
  children: Inline[];
  pos: SourcePos;
}

export interface List {
  type: 'list';
  ordered: boolean;
  /** The number of the first item of an ordered list. */
  start: number;
  items: ListItem[];
  pos: SourcePos;
}

export interface ListItem {
  blocks: Block[];
  pos: SourcePos;
}

/**
 * EXIF orientation (CIPA DC-008): 1 upright; 2 mirrored left to right; 3
 * turned half round; 4 mirrored top to bottom; 5 mirrored about the
 * diagonal from the top left; 6 to be turned a quarter clockwise; 7 mirrored
 * about the other diagonal; 8 to be turned a quarter counter-clockwise.
 * From 5 to 8, the image is seen with its width and height swapped.
 */
export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface ImageBlock {
  type: 'image';
  /** Absolute path, checked to lie inside the issue folder. */
  file: string;
  /** The path as written in the article. */
  src: string;
  format: 'jpeg' | 'png';
  /** The size of the pixels as stored (before `orientation` turns them). */
  widthPx: number;
  heightPx: number;
  /**
   * How the stored pixels are turned to be seen upright: the EXIF
   * orientation of a JPEG (1 for a PNG or a JPEG that names none).
   */
  orientation: Orientation;
  /** The bytes to embed: the file's, but with an EXIF orientation set to 1, since `orientation` says it. */
  data: Uint8Array;
  caption: Inline[];
  pos: SourcePos;
}

/** Two or three images written in one paragraph: set side by side at one height, each with its caption. */
export interface ImageRow {
  type: 'imageRow';
  images: ImageBlock[];
  pos: SourcePos;
}

export interface Quote {
  type: 'quote';
  blocks: Block[];
  pos: SourcePos;
}

export interface Table {
  type: 'table';
  align: Array<'left' | 'center' | 'right' | null>;
  /** The first row is the header row. */
  rows: TableCell[][];
  /** Relative column widths the author set (the dash counts of a tight delimiter row), when set. */
  widths?: number[];
  pos: SourcePos;
}

export interface TableCell {
  children: Inline[];
  pos: SourcePos;
}

export type Inline = Text | Strong | Emphasis | LineBreak;

export interface Text {
  type: 'text';
  value: string;
  pos: SourcePos;
}

export interface Strong {
  type: 'strong';
  children: Inline[];
}

export interface Emphasis {
  type: 'emphasis';
  children: Inline[];
}

export interface LineBreak {
  type: 'break';
}
