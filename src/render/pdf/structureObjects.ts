// The structure tree's objects (ISO 32000-1 §14.7.2): the StructTreeRoot with
// its RoleMap and ParentTree, and each element with its kids — marked-content
// ids on the element's page as integers, on another page as MCR dictionaries.
import type { PdfFile } from './file.js';
import { name, textString, type PdfDict, type PdfRef, type PdfValue } from './objects.js';
import { isElem, prune, ROLE_MAP, type StructElem } from './structure.js';

/** Write the tree; `marked[p][mcid]` is the element of each marked-content sequence of page p. */
export function writeStructure(file: PdfFile, root: StructElem, marked: StructElem[][], pages: PdfRef[]): PdfRef {
  const treeRoot = file.alloc();
  const refs = new Map<StructElem, PdfRef>();
  const tree = prune(root) ? root : { type: 'Document', kids: [] };
  const write = (e: StructElem, parent: PdfRef): PdfRef => {
    const ref = file.alloc();
    refs.set(e, ref);
    const firstPage = e.kids.find((k) => !isElem(k));
    const pg = firstPage && !isElem(firstPage) ? firstPage.page : undefined;
    const kids: PdfValue[] = e.kids.map((k) => {
      if (isElem(k)) return write(k, ref);
      return k.page === pg ? k.mcid : { Type: name('MCR'), Pg: pages[k.page]!, MCID: k.mcid };
    });
    const dict: PdfDict = {
      Type: name('StructElem'),
      S: name(e.type),
      P: parent,
      ...(pg !== undefined ? { Pg: pages[pg]! } : {}),
      ...(e.shownTitle !== undefined ? { T: textString(e.shownTitle) } : {}),
      ...(e.alt !== undefined ? { Alt: textString(e.alt) } : {}),
      ...(e.attributes ? { A: e.attributes } : {}),
      K: kids.length === 1 ? kids[0]! : kids,
    };
    file.set(ref, dict);
    return ref;
  };
  const top = write(tree, treeRoot);
  const nums: PdfValue[] = [];
  marked.forEach((elems, p) => {
    nums.push(p, elems.map((e) => refs.get(e)!));
  });
  file.set(treeRoot, {
    Type: name('StructTreeRoot'),
    K: top,
    RoleMap: Object.fromEntries(Object.entries(ROLE_MAP).map(([k, v]) => [k, name(v)])),
    ParentTree: file.add({ Nums: nums }),
    ParentTreeNextKey: marked.length,
  });
  return treeRoot;
}

