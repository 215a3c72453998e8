// The structure tree of a tagged PDF (ISO 32000-1 §14.7, §14.8), from the
// Layout's set tree, in reading order: Document → the masthead → a Sect per
// section and per article → H1 (title), P, H2–H4, L/LI/Lbl/LBody, Table/TR/
// TH/TD, Figure (its caption as Alt) and Caption, BlockQuote (编者按) → the
// 报尾; the 本期要目 as TOC/TOCI after the masthead. A figure that floated to
// the next page keeps its place in reading order (where it was written); its
// element says where it went. Each drawn item's owner names the element its
// marked content joins.
import type { NodeId, SetArticle, SetBlock, SetIssue, SetPiece, SetText, SetToc } from '../../typeset/layout.js';
import { name, type PdfDict } from './objects.js';

/** A marked-content sequence on a page (index from 0), by its MCID. */
export interface MarkedRef {
  page: number;
  mcid: number;
}

export interface StructElem {
  type: string;
  kids: Array<StructElem | MarkedRef>;
  /** Replacement text (a figure's caption). */
  alt?: string;
  /** Attributes (a header cell's scope). */
  attributes?: PdfDict;
  /** A title for the element (an article's or section's). */
  title?: string;
  /** Written as the element's /T: where a floated figure went. */
  shownTitle?: string;
}

/** Types of our own and the standard types they stand for (the RoleMap, §14.8.4). */
export const ROLE_MAP: Record<string, string> = {
  Masthead: 'Sect',
  SectionHeading: 'H',
  Distribution: 'Sect',
};

export interface Structure {
  root: StructElem;
  /** The element that the marked content of each set-tree node goes into. */
  leaves: Map<NodeId, StructElem>;
}

export const isElem = (k: StructElem | MarkedRef): k is StructElem => 'type' in k;

const pieceText = (content: SetPiece[]) => content.map((p) => ('text' in p ? p.text : '\n')).join('');

export function buildStructure(issue: SetIssue): Structure {
  const leaves = new Map<NodeId, StructElem>();
  const elem = (type: string, kids: StructElem[] = [], extra: Partial<StructElem> = {}): StructElem => ({ type, kids, ...extra });
  const leaf = (id: NodeId, type: string, extra: Partial<StructElem> = {}): StructElem => {
    const e = elem(type, [], extra);
    leaves.set(id, e);
    return e;
  };

  const text = (t: SetText): StructElem => {
    if (t.level !== undefined) return leaf(t.id, `H${t.level + 1}`);
    return leaf(t.id, t.role === 'caption' ? 'Caption' : 'P');
  };

  const blocks = (bs: SetBlock[]): StructElem[] =>
    bs.flatMap((b): StructElem[] => {
      switch (b.kind) {
        case 'text':
          return [text(b)];
        case 'list':
          return [
            elem(
              'L',
              b.items.map((item) => elem('LI', [leaf(item.label.id, 'Lbl'), elem('LBody', blocks(item.blocks))])),
            ),
          ];
        case 'quote':
          return [elem('BlockQuote', blocks(b.blocks))];
        case 'figure':
          return b.panels.flatMap((panel) => {
            const alt = panel.caption ? pieceText(panel.caption.content) : undefined;
            // A floated figure is drawn at the top of a later page than its text: its title says which.
            const floated = b.float ? { shownTitle: `moved to the top of page ${b.placements[0]?.page ?? b.float.from.page + 1}` } : {};
            const figure = leaf(panel.image.id, 'Figure', { ...(alt !== undefined ? { alt } : {}), ...floated });
            return panel.caption ? [figure, text(panel.caption)] : [figure];
          });
        case 'table':
          return [
            elem(
              'Table',
              b.rows.map((row) =>
                elem(
                  'TR',
                  row.cells.map((cell) => leaf(cell.id, row.header ? 'TH' : 'TD', row.header ? { attributes: { O: name('Table'), Scope: name('Column') } } : {})),
                ),
              ),
            ),
          ];
      }
    });

  const article = (a: SetArticle): StructElem =>
    elem('Sect', [leaf(a.title.id, 'H1'), ...blocks(a.blocks)], { title: a.title.lines.join('') });

  /** The contents box: its title as the TOC's caption, an entry a TOCI, a section's entries a TOC inside the section's TOCI. */
  const contents = (toc: SetToc): StructElem => {
    const top = elem('TOC', [leaf(toc.title.id, 'Caption')]);
    let list = top;
    for (const item of toc.items) {
      if (item.kind === 'tocEntry') {
        list.kids.push(elem('TOCI', [leaf(item.id, 'P')]));
      } else {
        list = elem('TOC');
        top.kids.push(elem('TOCI', [leaf(item.id, 'P'), list]));
      }
    }
    return top;
  };

  const m = issue.masthead;
  const masthead = elem(
    'Masthead',
    [...m.marks, m.organization, m.title, ...(m.number ? [m.number] : []), m.editorLine].map((line) => leaf(line.id, 'P')),
  );
  const body = issue.body.map((n) =>
    n.kind === 'article' ? article(n) : elem('Sect', [leaf(n.heading.id, 'SectionHeading'), ...n.articles.map(article)], { title: n.name }),
  );
  const tail: StructElem[] = [];
  if (issue.distribution) {
    const d = issue.distribution;
    tail.push(elem('Distribution', [...d.entries.map((e) => leaf(e.id, 'P')), ...(d.copies ? [leaf(d.copies.id, 'P')] : [])]));
  }
  const toc = issue.toc ? [contents(issue.toc)] : [];
  return { root: elem('Document', [masthead, ...toc, ...body, ...tail]), leaves };
}

/** Drop, in place, the elements that hold no content (a table cell may stay empty); false when `e` itself goes. */
export function prune(e: StructElem): boolean {
  e.kids = e.kids.filter((k) => !isElem(k) || prune(k));
  return e.kids.length > 0 || e.type === 'TD' || e.type === 'TH';
}
