// word/document.xml: the set tree walked in reading order — the masthead,
// sections and articles (titles, paragraphs, headings, lists, 编者按,
// figures, tables, 落款 and 供稿 lines), the 报尾 — each node written as the
// Word paragraphs it makes, with the keeps, spacing and indents the
// typesetter recorded, then the section: page, margins, headers, footers.
// Deliberately no w:docGrid: body lines are exact multiples of the pitch
// already, and N characters fill the measure by their own widths (with each
// style's tracking, see runs.ts). A line grid made LibreOffice snap
// exact-height lines (titles of 28.6 pt) up to the pitch, losing a line a
// page; a character grid with negative charSpace is misread by LibreOffice
// 7.4 (18 characters a line instead of 28).
import { STYLE_ROLES } from '../../template/styleRoles.js';
import type { Placement, SetArticle, SetBlock, SetIssue, SetListItem, SetText, SetTitle } from '../../typeset/layout.js';
import { distribution } from './distribution.js';
import { figure } from './figure.js';
import { titleSpacing, twips } from './geometry.js';
import { masthead } from './masthead.js';
import { JUSTIFICATION, keepProperties, paragraph, type WriteContext } from './paragraphs.js';
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
  const body = [
    masthead(set.masthead, ctx),
    ...set.body.map((node) => (node.kind === 'section' ? text(node.heading, ctx) + node.articles.map((a) => article(a, ctx)).join('') : article(node, ctx))),
    set.distribution ? distribution(set.distribution, ctx) : '',
    sectionProperties(section),
  ];
  return xmlPart(element('w:document', NAMESPACES, element('w:body', {}, body.join(''))));
}

function article(a: SetArticle, ctx: WriteContext): string {
  return title(a.title, ctx) + a.blocks.map((b) => block(b, ctx)).join('');
}

function block(b: SetBlock, ctx: WriteContext): string {
  switch (b.kind) {
    case 'text':
      return text(b, ctx);
    case 'list':
      return b.items.map((item) => listItem(item, ctx)).join('');
    case 'quote':
      return b.blocks.map((inner) => block(inner, ctx)).join('');
    case 'figure':
      return figure(b, ctx, (caption) => text(caption, ctx));
    case 'table':
      return table(b, ctx);
  }
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
  const style = styleParagraph(ctx.t, node.role);
  const placed = placement(node.measure, node.box, node.keeps.shortestPiece, indent ?? ownIndent(node, style.firstLine), ctx);
  const above = spaceAbove(node);
  const spacing = above > 0 ? { ...placed.spacing, before: above * ctx.page.pitch } : placed.spacing;
  const justification = JUSTIFICATION[node.align];
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
