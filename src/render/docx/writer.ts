// word/document.xml: the set tree walked in reading order — the masthead,
// the 本期要目, sections and articles (titles, paragraphs, headings, lists, 编者按,
// figures, tables, 落款 and 供稿 lines), the 报尾 — each node written as the
// Word paragraphs it makes, with the keeps, spacing and indents the
// typesetter recorded, then the section: page, margins, headers, footers.
// A figure the typesetter floated to the top of the next page goes where it
// came out: after the lines of text that filled the page before it — the
// paragraph they end divided in two there, its first part justified to its
// last line (it ends mid-paragraph in the PDF), its second part going on
// without an indent under the figure. A paragraph that keeps with the next
// block and crosses a page is divided the same way at that page's end.
// Deliberately no w:docGrid: body lines are exact multiples of the pitch
// already, and N characters fill the measure by their own widths (with each
// style's tracking, see runs.ts). A line grid made LibreOffice snap
// exact-height lines (titles of 28.6 pt) up to the pitch, losing a line a
// page; a character grid with negative charSpace is misread by LibreOffice
// 7.4 (18 characters a line instead of 28).
import { STYLE_ROLES } from '../../template/styleRoles.js';
import type { Placement, SetArticle, SetBlock, SetFigure, SetIssue, SetListItem, SetPiece, SetText, SetTitle } from '../../typeset/layout.js';
import { contents } from './contents.js';
import { distribution } from './distribution.js';
import { figure } from './figure.js';
import { titleSpacing, twips } from './geometry.js';
import { masthead } from './masthead.js';
import { JUSTIFICATION, keepProperties, paragraph, spacer, type WriteContext } from './paragraphs.js';
import { placement } from './placement.js';
import { sectionProperties, type Indent, type SectionProperties } from './properties.js';
import { pieceRuns, run, runOf, runContent, textRunProperties } from './runs.js';
import { styleOfRole, styleParagraph } from './styles.js';
import { table } from './table.js';
import { element, xmlPart } from './xml.js';

const NAMESPACES = {
  'xmlns:w': 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'xmlns:r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'xmlns:wp': 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
};

export function documentXml(set: SetIssue, ctx: WriteContext, section: SectionProperties): string {
  for (const f of floatedFigures(set)) {
    const after = f.float!.after!.node;
    ctx.floats.set(after, [...(ctx.floats.get(after) ?? []), f]);
  }
  const body = [
    masthead(set.masthead, ctx),
    set.toc ? contents(set.toc, ctx) : '',
    ...set.body.map((node) => (node.kind === 'section' ? text(node.heading, ctx) + node.articles.map((a) => article(a, ctx)).join('') : article(node, ctx))),
    set.distribution ? distribution(set.distribution, ctx) : '',
    sectionProperties(section),
  ];
  return xmlPart(element('w:document', NAMESPACES, element('w:body', {}, body.join(''))));
}

function article(a: SetArticle, ctx: WriteContext): string {
  return title(a.title, ctx) + a.blocks.map((b, i) => block(b, ctx, a.blocks[i - 1])).join('');
}

/** `before`: the block before it in its article, when it has one there. */
function block(b: SetBlock, ctx: WriteContext, before?: SetBlock): string {
  switch (b.kind) {
    case 'text':
      return text(b, ctx);
    case 'list':
      return b.items.map((item) => listItem(item, ctx)).join('');
    case 'quote':
      return b.blocks.map((inner) => block(inner, ctx)).join('');
    case 'figure':
      // A floated figure is written after the text that filled its page (see the top of this file).
      if (b.float?.after) return '';
      return figureOf(b, ctx);
    case 'table': {
      // Word has no space before a table: an empty paragraph holds the grid lines the typesetter left above it,
      // kept with the table when the block before keeps with the table (the keep goes on through the space).
      // Otherwise it is not, or LibreOffice moves the paragraph before it to the next page whole.
      // A table the typesetter began on a new page (moved there whole by its keeps, its space above dropped)
      // begins one here too: with the space gone, Word and LibreOffice would find room for its first rows.
      const above = spaceAbove(b);
      const startsPage = above === 0 && lastPage(before) !== undefined && lastPage(before)! < (b.placements[0]?.page ?? 0);
      return (above > 0 ? spacer(above * ctx.page.pitch, false, keepsWithTable(before)) : '') + table(b, ctx, startsPage);
    }
  }
}

/**
 * A figure, and the figures floated after it: after its captions, which
 * text() writes for a figure of one image; a row of images writes its
 * captions in its own table, so those after it come here.
 */
function figureOf(b: SetFigure, ctx: WriteContext): string {
  const own = figure(b, ctx, (caption) => text(caption, ctx));
  if (b.panels.length === 1) return own;
  const after = b.panels.flatMap((p) => (p.caption ? (ctx.floats.get(p.caption.id) ?? []) : []));
  return own + after.map((f) => figureOf(f, ctx)).join('');
}

/** The page a block's last line went on, as the typesetter placed it (a list or 编者按: its last inner block's). */
function lastPage(b: SetBlock | undefined): number | undefined {
  if (b === undefined) return undefined;
  if (b.kind === 'list') return lastPage(b.items.at(-1)?.blocks.at(-1));
  if (b.kind === 'quote') return lastPage(b.blocks.at(-1));
  return 'placements' in b ? b.placements.at(-1)?.page : undefined;
}

/** Whether the block before a table keeps with it (its keep, as the typesetter resolved it). */
function keepsWithTable(before: SetBlock | undefined): boolean {
  return before !== undefined && 'keeps' in before && before.keeps.keepWithNext;
}

/** The figures of the tree that floated after some text, in reading order. */
function floatedFigures(set: SetIssue): SetFigure[] {
  const out: SetFigure[] = [];
  const walk = (b: SetBlock): void => {
    if (b.kind === 'figure' && b.float?.after) out.push(b);
    if (b.kind === 'list') for (const item of b.items) item.blocks.forEach(walk);
    if (b.kind === 'quote') b.blocks.forEach(walk);
  };
  for (const n of set.body) for (const a of n.kind === 'section' ? n.articles : [n]) a.blocks.forEach(walk);
  return out;
}

/** Grid lines of space the typesetter left above a block's first piece: none where a page starts with it. */
function spaceAbove(node: { placements: Placement[] }): number {
  return node.placements[0]?.spaceBefore ?? 0;
}

/** A title on whole grid lines, its lines as the typesetter divided them, at the size it set them. */
function title(node: SetTitle, ctx: WriteContext): string {
  const spacing = titleSpacing(ctx.page.pitch, { above: spaceAbove(node), lines: node.gridLines, below: node.keeps.spaceAfter }, node.lines.length, node.lineHeight);
  const props = textRunProperties(ctx.t, node.style, styleOfRole(ctx.t, node.role));
  return paragraph(
    { style: STYLE_ROLES[node.role].word.id, ...keepProperties(node.keeps), spacing: { ...spacing, lineRule: 'exact' } },
    node.lines.map((line) => run(line, props)).join('<w:r><w:br/></w:r>'),
  );
}

/**
 * A paragraph-like node in its role's style: the indents the typesetter
 * gave it where they differ from the style's (or `indent` for a list
 * item's), its alignment where it differs, its box, the space above it.
 */
function text(node: SetText, ctx: WriteContext, indent?: Indent, label = ''): string {
  const floats = ctx.floats.get(node.id);
  const figures = floats ? floats.map((f) => figureOf(f, ctx)).join('') : '';
  const at = floats ? floats[0]!.float!.after!.lines : keptAcrossPages(node);
  const split = at !== undefined && at > 0 && at < node.lines.length ? splitContent(node.content, node.lines.slice(0, at)) : undefined;
  if (!split) return textParagraph(node, ctx, indent, label) + figures;
  const rest = node.indent.rest;
  const first: SetText = { ...node, content: split[0], keeps: { ...node.keeps, keepLinesTogether: false, keepWithNext: false, widowControl: false } };
  const second: SetText = { ...node, content: split[1], indent: { first: rest, rest }, placements: [], keeps: { ...node.keeps, widowControl: false } };
  return textParagraph(first, ctx, indent, label, 'distribute') + figures + textParagraph(second, ctx, indent && { ...indent, hanging: 0, firstLine: 0 });
}

/**
 * Where to divide a paragraph that keeps with the next block and that the
 * typesetter broke across pages: at its last page break (the lines before
 * it). Word keeps only its last lines with the next block; LibreOffice
 * moves all of it, so each part is a paragraph of its own.
 */
function keptAcrossPages(node: SetText): number | undefined {
  const k = node.keeps;
  if (!k.keepWithNext || k.keepLinesTogether || node.placements.length < 2) return undefined;
  return node.placements.at(-1)!.first;
}

/** `content` divided after the characters of `lines` (spaces not counted, as lines drop them at their ends). */
function splitContent(content: readonly SetPiece[], lines: readonly string[]): [SetPiece[], SetPiece[]] | undefined {
  let want = [...lines.join('')].filter((c) => !/\s/.test(c)).length;
  const head: SetPiece[] = [];
  const tail: SetPiece[] = [];
  for (const piece of content) {
    if (want === 0 || 'lineBreak' in piece) {
      (want === 0 ? tail : head).push(piece);
      continue;
    }
    const chars = [...piece.text];
    let k = 0;
    while (k < chars.length && want > 0) {
      if (!/\s/.test(chars[k]!)) want--;
      k++;
    }
    head.push({ ...piece, text: chars.slice(0, k).join('') });
    if (k < chars.length) tail.push({ ...piece, text: chars.slice(k).join('') });
  }
  return tail.length > 0 ? [head, tail] : undefined;
}

function textParagraph(node: SetText, ctx: WriteContext, indent?: Indent, label = '', align?: 'distribute'): string {
  const style = styleParagraph(ctx.t, node.role);
  const placed = placement(node.measure, node.box, node.keeps.shortestPiece, indent ?? ownIndent(node, style.firstLine), ctx);
  const above = spaceAbove(node);
  const spacing = above > 0 ? { ...placed.spacing, before: above * ctx.page.pitch } : placed.spacing;
  const justification = align ?? JUSTIFICATION[node.align];
  return paragraph(
    {
      style: STYLE_ROLES[node.role].word.id,
      ...keepProperties(node.keeps),
      ...placed,
      ...(spacing ? { spacing } : {}),
      ...(justification !== style.justification ? { justification } : {}),
    },
    label + pieceRuns(ctx.t, node.content, styleOfRole(ctx.t, node.role)),
  );
}

/** Word's indents for a node's first and later lines (twips from the measure's left), or none where the style's first-line indent is the node's. */
function ownIndent(node: SetText, styleFirstLine: number): Indent {
  const first = twips(node.indent.first);
  const rest = twips(node.indent.rest);
  if (first === styleFirstLine && rest === 0) return {};
  return first >= rest ? { left: rest, firstLine: first - rest, firstLineChars: 0 } : { left: rest, hanging: rest - first, firstLineChars: 0 };
}

/**
 * A list item: its first paragraph starts with the marker where the
 * typesetter put it and hangs its text; later paragraphs start at the hang.
 */
function listItem(item: SetListItem, ctx: WriteContext): string {
  const hang = twips(item.hang);
  return item.blocks
    .map((b, k) => {
      if (b.kind !== 'text') return block(b, ctx);
      if (k > 0) return text(b, ctx, { left: hang, firstLine: 0, firstLineChars: 0 });
      const label = runOf(textRunProperties(ctx.t, item.label.style, styleOfRole(ctx.t, b.role)), runContent(item.label.text) + runContent(item.label.after));
      return text(b, ctx, { left: hang, hanging: twips(item.hang - item.label.x), firstLineChars: 0 }, label);
    })
    .join('');
}
