// WordprocessingML requires the children of w:pPr and w:rPr in the order of
// its schema (ECMA-376 Part 1, §17.3.1.26 and §17.3.2.28); Word may call a
// file corrupt otherwise. The docx library writes some of them out of order,
// and we add elements of our own, so both are put in schema order here.

const PPR_ORDER = [
  'pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers',
  'pBdr', 'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE',
  'autoSpaceDN', 'bidi', 'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents',
  'suppressOverlap', 'jc', 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle',
  'rPr', 'sectPr', 'pPrChange',
];

const RPR_ORDER = [
  'rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow', 'emboss',
  'imprint', 'noProof', 'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position', 'sz', 'szCs',
  'highlight', 'u', 'effect', 'bdr', 'shd', 'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout',
  'specVanish', 'oMath',
];

/** Top-level child elements of an element's inner XML, as strings. */
function childElements(inner: string): string[] {
  const out: string[] = [];
  const tag = /<(\/?)([\w:]+)[^>]*?(\/?)>/g;
  let depth = 0;
  let start = -1;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(inner))) {
    const closing = m[1] === '/';
    const selfClosing = m[3] === '/';
    if (!closing && depth === 0) start = m.index;
    if (!closing && !selfClosing) depth++;
    if (closing) depth--;
    if (depth === 0 && start >= 0) {
      out.push(inner.slice(start, tag.lastIndex));
      start = -1;
    }
  }
  return out;
}

function localName(element: string): string {
  return /^<w:([\w]+)/.exec(element)?.[1] ?? '';
}

/** Sort children by the schema order; `extra` elements are added unless one of that name is there. */
function ordered(inner: string, order: readonly string[], extra: readonly string[] = []): string {
  const children = childElements(inner);
  const names = new Set(children.map(localName));
  for (const e of extra) if (!names.has(localName(e))) children.push(e);
  const rank = (e: string) => {
    const i = order.indexOf(localName(e));
    return i < 0 ? order.length : i;
  };
  return children
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e)
    .join('');
}

/** Put every w:pPr and w:rPr of a part in schema order (nested rPr in pPr included). */
export function orderProperties(xml: string): string {
  const rpr = (s: string) => s.replace(/<w:rPr>([\s\S]*?)<\/w:rPr>/g, (_, inner: string) => `<w:rPr>${ordered(inner, RPR_ORDER)}</w:rPr>`);
  return rpr(xml).replace(/<w:pPr>((?:(?!<w:pPr>)[\s\S])*?)<\/w:pPr>/g, (_, inner: string) => `<w:pPr>${ordered(inner, PPR_ORDER)}</w:pPr>`);
}

/** Add paragraph properties to the style `styleId` (kept in schema order). */
export function addStyleParagraphProperties(stylesXml: string, styleId: string, elements: readonly string[]): string {
  const re = new RegExp(`(<w:style [^>]*w:styleId="${styleId}"[^>]*>)([\\s\\S]*?)(</w:style>)`);
  return stylesXml.replace(re, (_, open: string, body: string, close: string) => {
    if (body.includes('<w:pPr>')) {
      return open + body.replace(/<w:pPr>([\s\S]*?)<\/w:pPr>/, (__, inner: string) => `<w:pPr>${ordered(inner, PPR_ORDER, elements)}</w:pPr>`) + close;
    }
    return `${open}${body.replace(/(<w:rPr>|$)/, `<w:pPr>${ordered('', PPR_ORDER, elements)}</w:pPr>$1`)}${close}`;
  });
}
