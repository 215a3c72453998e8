// An article body (CommonMark + GFM tables) → model blocks. Only what the
// bulletin format lays out is accepted; anything else is reported with its
// line and column, never silently dropped.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import type * as md from 'mdast';
import type { Diagnostics } from '../diagnostics.js';
import type { Block, ImageBlock, Inline, ListItem, SourcePos, TableCell, Text } from '../model.js';
import { normalizeText } from '../text/normalize.js';
import { cpAt, cpBefore, isWide } from '../text/unicode.js';
import { loadImage, type ImageRules } from './images.js';
import { MAX_NESTING, withinMarkdownBounds } from './markdownBounds.js';
import { markdownChunks } from './markdownChunks.js';

export interface MarkdownContext {
  file: string;
  /** Lines of the file before the body starts. */
  lineOffset: number;
  diags: Diagnostics;
  images: ImageRules;
}

export function markdownToBlocks(body: string, ctx: MarkdownContext): Block[] {
  if (!withinMarkdownBounds(body, ctx.file, ctx.lineOffset, ctx.diags)) return [];
  // CommonMark does not see **“强调”** between Chinese characters as emphasis
  // (the delimiter rules expect spaces around punctuation); the CJK-friendly
  // extension does, so the asterisks never end up printed.
  const blocks: Block[] = [];
  // Parsed a run of blocks at a time, so the parser's work stays in proportion to the text.
  for (const chunk of markdownChunks(body)) {
    const tree = fromMarkdown(chunk.text, { extensions: [gfmTable(), cjkFriendlyExtension()], mdastExtensions: [gfmTableFromMarkdown()] });
    const lines = chunk.text.split('\n');
    blocks.push(...new Converter({ ...ctx, lineOffset: ctx.lineOffset + chunk.lineOffset }, lines).blocks(tree.children));
  }
  return blocks;
}


/** Images in one paragraph are set side by side: this many at most. */
const MAX_IMAGES_IN_ROW = 3;


class Converter {
  constructor(
    private readonly ctx: MarkdownContext,
    private readonly lines: string[],
  ) {}

  private pos(node: md.Node): SourcePos {
    const start = node.position?.start;
    return { file: this.ctx.file, line: (start?.line ?? 1) + this.ctx.lineOffset, col: start?.column ?? 1 };
  }

  blocks(nodes: md.RootContent[], depth = 0): Block[] {
    const out: Block[] = [];
    for (const node of nodes) {
      const block = this.block(node, depth);
      if (block) out.push(block);
    }
    return out;
  }

  private block(node: md.RootContent, depth: number): Block | undefined {
    const pos = this.pos(node);
    if ((node.type === 'list' || node.type === 'blockquote') && depth >= MAX_NESTING) {
      this.ctx.diags.error('markdown.tooDeep', pos, { limit: MAX_NESTING });
      return undefined;
    }
    switch (node.type) {
      case 'paragraph':
        return this.paragraph(node, pos);
      case 'heading':
        if (node.depth === 1) {
          this.ctx.diags.error('markdown.h1', pos);
          return undefined;
        }
        if (node.depth > 4) {
          this.ctx.diags.error('markdown.h5', pos);
          return undefined;
        }
        if (node.children.length === 0) {
          // Both outputs leave it out, so they keep the same lines.
          this.ctx.diags.warn('markdown.emptyHeading', pos);
          return undefined;
        }
        return { type: 'heading', level: (node.depth - 1) as 1 | 2 | 3, children: this.inlines(node.children), pos };
      case 'list':
        return {
          type: 'list',
          ordered: node.ordered === true,
          start: node.start ?? 1,
          items: node.children.map((item): ListItem => ({ blocks: this.blocks(item.children, depth + 1), pos: this.pos(item) })),
          pos,
        };
      case 'blockquote':
        return { type: 'quote', blocks: this.blocks(node.children, depth + 1), pos };
      case 'table': {
        const widths = delimiterWidths(this.lines[node.position?.start.line ?? 0]);
        return {
          type: 'table',
          align: (node.align ?? []).map((a) => a ?? null),
          rows: node.children.map((row) =>
            row.children.map((cell): TableCell => ({ children: this.inlines(cell.children), pos: this.pos(cell) })),
          ),
          ...(widths ? { widths } : {}),
          pos,
        };
      }
      case 'html':
        this.ctx.diags.error('markdown.html', pos);
        return undefined;
      default:
        this.ctx.diags.error('markdown.unsupported', pos, { what: node.type });
        return undefined;
    }
  }

  /** A paragraph; one image alone in it, or two or three with only spaces and line ends between them (set side by side). */
  private paragraph(node: md.Paragraph, pos: SourcePos): Block | undefined {
    const images = node.children.filter((c): c is md.Image => c.type === 'image');
    if (images.length === 0) return { type: 'paragraph', children: this.inlines(node.children), pos };
    const others = node.children.filter((c) => c.type !== 'image' && !(c.type === 'text' && c.value.trim() === ''));
    if (others.length > 0) {
      this.ctx.diags.error('markdown.inlineImage', this.pos(images[0]!));
      return undefined;
    }
    if (images.length > MAX_IMAGES_IN_ROW) {
      this.ctx.diags.error('markdown.tooManyImages', this.pos(images[MAX_IMAGES_IN_ROW]!), { limit: MAX_IMAGES_IN_ROW });
      return undefined;
    }
    const loaded = images.map((img) => this.image(img));
    if (loaded.some((img) => img === undefined)) return undefined;
    if (loaded.length === 1) return loaded[0];
    return { type: 'imageRow', images: loaded as ImageBlock[], pos };
  }

  private image(img: md.Image): ImageBlock | undefined {
    const imgPos = this.pos(img);
    const loaded = loadImage(img.url, imgPos, this.ctx.images, this.ctx.diags);
    if (!loaded) return undefined;
    const caption: Inline[] = img.alt ? [{ type: 'text', value: normalizeText(img.alt), pos: imgPos }] : [];
    return {
      type: 'image',
      file: loaded.file,
      src: img.url,
      format: loaded.format,
      widthPx: loaded.widthPx,
      heightPx: loaded.heightPx,
      orientation: loaded.orientation,
      data: loaded.data,
      caption,
      pos: imgPos,
    };
  }

  inlines(nodes: md.PhrasingContent[]): Inline[] {
    const out: Inline[] = [];
    // A plain loop: emphasis may nest thousands deep, and a callback per level would double the stack.
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[k]!;
      switch (node.type) {
        case 'text':
          // A line break at either end of the node joins with the text of the
          // sibling there (**bold** or *emphasis*), so look at it too.
          this.text(node, out, k > 0 ? plainText(nodes[k - 1]!) : '', k + 1 < nodes.length ? plainText(nodes[k + 1]!) : '');
          break;
        case 'strong':
          out.push({ type: 'strong', children: this.inlines(node.children) });
          break;
        case 'emphasis':
          out.push({ type: 'emphasis', children: this.inlines(node.children) });
          break;
        case 'break':
          out.push({ type: 'break' });
          break;
        case 'html':
          this.ctx.diags.error('markdown.html', this.pos(node));
          break;
        case 'link':
        case 'linkReference':
          this.ctx.diags.error('markdown.link', this.pos(node));
          break;
        case 'image':
        case 'imageReference':
          this.ctx.diags.error('markdown.inlineImage', this.pos(node));
          break;
        default:
          this.ctx.diags.error('markdown.unsupported', this.pos(node), { what: node.type });
      }
    }
    return out;
  }

  /**
   * A text node may span soft line breaks. Each line becomes its own Text
   * (so later messages can name the right line); lines join without a space
   * next to Chinese text and with one between Latin words. `before` and
   * `after`: the text of the siblings around the node.
   */
  private text(node: md.Text, out: Inline[], before: string, after: string): void {
    const pos = this.pos(node);
    const parts = node.value.split('\n');
    parts.forEach((part, i) => {
      const line = pos.line + i;
      const col = i === 0 ? pos.col : firstNonSpaceCol(this.lines[line - this.ctx.lineOffset - 1]);
      let value = i === 0 ? part : part.replace(/^[ \t]+/, '');
      if (i < parts.length - 1) {
        value = value.replace(/[ \t]+$/, '');
        const next = parts[i + 1]!.replace(/^[ \t]+/, '');
        const last = i + 1 === parts.length - 1;
        if (needsSpaceAtSoftBreak(value || (i === 0 ? before : ''), next || (last ? after : ''))) value += ' ';
      }
      if (value !== '') out.push({ type: 'text', value: normalizeText(value), pos: { file: pos.file, line, col } } satisfies Text);
    });
  }
}

/**
 * Column widths an author set in a table's delimiter row: the dash counts,
 * when the row is written tight (no space between its pipes and dashes,
 * `|--|------|---|`) and the counts are not all the same. A delimiter row
 * with spaces, as editors pad it to the cells (`| ---- | -- |`), or one of
 * equal counts (`|---|---|`), leaves the widths to the content. The counts
 * are relative, as in pandoc's pipe tables.
 */
function delimiterWidths(line: string | undefined): number[] | undefined {
  // A table inside a quote or a list item: its line starts with the markers.
  const row = line?.replace(/^[ \t>]*/, '').replace(/[ \t]+$/, '');
  if (!row || /[ \t]/.test(row)) return undefined;
  const cells = row.replace(/^\|/, '').replace(/\|$/, '').split('|');
  if (!cells.every((c) => /^:?-+:?$/.test(c))) return undefined;
  const widths = cells.map((c) => c.replace(/:/g, '').length);
  return widths.every((w) => w === widths[0]) ? undefined : widths;
}

function firstNonSpaceCol(line: string | undefined): number {
  if (line === undefined) return 1;
  const m = /^[ \t>]*/.exec(line);
  return (m?.[0].length ?? 0) + 1;
}

function needsSpaceAtSoftBreak(before: string, after: string): boolean {
  const a = cpBefore(before, before.length);
  const b = cpAt(after, 0);
  if (a === undefined || b === undefined) return false;
  return !isWide(a) && !isWide(b);
}

/** The text of an inline node and everything in it. */
function plainText(node: md.PhrasingContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as md.PhrasingContent[]).map(plainText).join('') : '';
}
