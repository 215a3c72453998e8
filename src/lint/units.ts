// The text the rules look at. Each paragraph, heading, table cell, caption
// and title line becomes one "unit": its text as the reader produced it
// (inline markup flattened, a hard line break as "\n"), with, for every
// character, where it lies in the raw source file.
import type { Article, Block, Inline, Issue, SourcePos, Text } from '../model.js';
import { alignText, markdownDecoder, yamlDoubleDecoder, yamlSingleDecoder, type Decoder, type Span } from './align.js';

/** A character's place in the source: its line (1-based) and its span on that line. */
export interface CharLoc extends Span {
  line: number;
}

export interface Unit {
  file: string;
  /** `title` for an article's title line (front-matter), `body` for Markdown text. */
  kind: 'title' | 'body';
  /** A table cell's text. */
  inTable?: boolean;
  /** The next unit of its article is a date alone (2024年8月20日): this one may be the unit line of a 落款 written as text. */
  beforeDate?: boolean;
  text: string;
  /** Per UTF-16 unit of `text`: its place in the source, or undefined (text the reader added). */
  locs: Array<CharLoc | undefined>;
  /** Per UTF-16 unit: where the model node holding it begins (the fallback position). */
  anchors: SourcePos[];
}

/** Raw source lines of the article files, by absolute path. */
export class SourceLines {
  private readonly cache = new Map<string, string[] | null>();

  constructor(private readonly sources: ReadonlyMap<string, string>) {}

  lines(file: string): string[] | undefined {
    let lines = this.cache.get(file);
    if (lines === undefined) {
      const text = this.sources.get(file);
      lines = text === undefined ? null : text.split('\n');
      this.cache.set(file, lines);
    }
    return lines ?? undefined;
  }

  line(file: string, line: number): string | undefined {
    return this.lines(file)?.[line - 1];
  }
}

export interface IssueText {
  units: Unit[];
  /** Per file: the source lines that end in a hard line break (a `break` in the model follows their text). */
  hardBreakLines: Map<string, Set<number>>;
}

class UnitBuilder {
  private text = '';
  private readonly locs: Array<CharLoc | undefined> = [];
  private readonly anchors: SourcePos[] = [];
  private lastAnchor: SourcePos;

  constructor(
    private readonly file: string,
    private readonly kind: Unit['kind'],
    anchor: SourcePos,
  ) {
    this.lastAnchor = anchor;
  }

  add(value: string, pos: SourcePos, raw: string | undefined, start: number, decode: Decoder | undefined): void {
    const spans = raw === undefined ? [] : alignText(value, raw, start, decode);
    for (let i = 0; i < value.length; i++) {
      const span = spans[i];
      this.locs.push(span ? { line: pos.line, start: span.start, end: span.end, col: span.col } : undefined);
      this.anchors.push(pos);
    }
    this.text += value;
    this.lastAnchor = pos;
  }

  addBreak(): void {
    this.text += '\n';
    this.locs.push(undefined);
    this.anchors.push(this.lastAnchor);
  }

  build(): Unit | undefined {
    if (this.text === '') return undefined;
    return { file: this.file, kind: this.kind, text: this.text, locs: this.locs, anchors: this.anchors };
  }
}

const DATE_ALONE = /^[0-9]{4}[ \t]*年[ \t]*[0-9]{1,2}[ \t]*月[ \t]*[0-9]{1,2}[ \t]*日$/u;

/** Every unit of text of the issue's articles, in reading order. */
export function collectText(issue: Issue, src: SourceLines): IssueText {
  const units: Unit[] = [];
  const hardBreakLines = new Map<string, Set<number>>();
  for (const article of issue.articles) {
    for (const t of article.title) {
      const u = titleUnit(article, t.text, t.pos, src);
      if (u) units.push(u);
    }
    const breaks = new Set<number>();
    hardBreakLines.set(article.file, breaks);
    const walker = new BodyWalker(article.file, src, units, breaks);
    const before = units.length;
    walker.blocks(article.blocks);
    for (let i = before; i + 1 < units.length; i++) if (DATE_ALONE.test(units[i + 1]!.text.trim())) units[i]!.beforeDate = true;
  }
  return { units, hardBreakLines };
}

function titleUnit(article: Article, text: string, pos: SourcePos, src: SourceLines): Unit | undefined {
  const raw = src.line(article.file, pos.line);
  const b = new UnitBuilder(article.file, 'title', pos);
  let start = pos.col - 1;
  let decode: Decoder | undefined;
  if (raw?.[start] === '"') {
    start++;
    decode = yamlDoubleDecoder;
  } else if (raw?.[start] === "'") {
    start++;
    decode = yamlSingleDecoder;
  }
  b.add(text, pos, raw, start, decode);
  return b.build();
}

class BodyWalker {
  constructor(
    private readonly file: string,
    private readonly src: SourceLines,
    private readonly units: Unit[],
    private readonly breaks: Set<number>,
  ) {}

  blocks(blocks: Block[]): void {
    for (const block of blocks) this.block(block);
  }

  private block(block: Block): void {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        this.inlineUnit(block.children, block.pos);
        break;
      case 'list':
        for (const item of block.items) this.blocks(item.blocks);
        break;
      case 'quote':
        this.blocks(block.blocks);
        break;
      case 'table':
        for (const row of block.rows) for (const cell of row) this.inlineUnit(cell.children, cell.pos, false, true);
        break;
      case 'image':
        this.inlineUnit(block.caption, block.pos, true);
        break;
      case 'imageRow':
        for (const image of block.images) this.inlineUnit(image.caption, image.pos, true);
        break;
    }
  }

  private inlineUnit(inlines: Inline[], anchor: SourcePos, caption = false, inTable = false): void {
    const b = new UnitBuilder(this.file, 'body', anchor);
    let lastText: Text | undefined;
    const visit = (nodes: Inline[]): void => {
      for (const node of nodes) {
        if (node.type === 'text') {
          this.addText(b, node, caption);
          lastText = node;
        } else if (node.type === 'break') {
          if (lastText) this.breaks.add(lastText.pos.line);
          b.addBreak();
        } else {
          visit(node.children);
        }
      }
    };
    visit(inlines);
    const unit = b.build();
    if (unit) this.units.push(inTable ? { ...unit, inTable } : unit);
  }

  private addText(b: UnitBuilder, node: Text, caption: boolean): void {
    const raw = this.src.line(node.pos.file, node.pos.line);
    let start = node.pos.col - 1;
    // A caption's position is the image's `![`; its text starts after it.
    if (caption && raw?.startsWith('![', start)) start += 2;
    b.add(node.value, node.pos, raw, start, markdownDecoder);
  }
}
