// YAML with source positions: every value read from a YAML file can be traced
// back to its line and column, so that schema errors point at the right place.
import { isMap, isSeq, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Diagnostics } from '../diagnostics.js';
import type { SourcePos } from '../model.js';
import { reportUnsafeChars, type ControlPolicy } from './unsafeText.js';

export interface PositionSource {
  /** Where a path of keys and indices lies in the file. */
  posOf(path: ReadonlyArray<PropertyKey>, part?: 'key' | 'value'): SourcePos;
}

export interface YamlSource extends PositionSource {
  file: string;
  doc: Document;
  value: unknown;
  /** Whether the file itself sets the value at `path`. */
  has(path: ReadonlyArray<PropertyKey>): boolean;
}

/**
 * Parse `text` (from `file`, starting at line `lineOffset + 1`). Syntax errors
 * are reported and give undefined.
 */
export function parseYaml(text: string, file: string, diags: Diagnostics, lineOffset = 0, controls: ControlPolicy = 'remove'): YamlSource | undefined {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): SourcePos => {
    const { line, col } = lc.linePos(offset);
    return { file, line: line + lineOffset, col };
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const where = at(errorOffset(text, e.code, e.message, e.pos[0]));
      if (e.code === 'DUPLICATE_KEY') diags.error('yaml.duplicateKey', where);
      else if (/call stack/i.test(e.message)) diags.error('yaml.tooDeep', where);
      else diags.error('yaml.syntax', where, { detail: e.message.split(/ at line \d+/)[0]!.trim() });
    }
    return undefined;
  }
  // Escapes ("\uFFFF", "\x1b") make characters the file does not hold as
  // written (those it holds were reported when it was read).
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string' || !node.range) return;
      const raw = text.slice(node.range[0], node.range[1]);
      const where = at(node.range[0]);
      const seen = new Set<number>();
      reportUnsafeChars(node.value, () => where, controls, diags, (cp) => {
        const skip = seen.has(cp) || raw.includes(String.fromCodePoint(cp));
        seen.add(cp);
        return skip;
      });
    },
  });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    if (err instanceof RangeError) diags.error('yaml.tooDeep', at(0));
    else diags.error('yaml.syntax', at(0), { detail: (err as Error).message });
    return undefined;
  }
  const posOf = (path: ReadonlyArray<PropertyKey>, part: 'key' | 'value' = 'value'): SourcePos => {
    let node: unknown = doc.contents;
    let best: number = (doc.contents as Node | null)?.range?.[0] ?? 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const keyStart = (pair.key as Node).range?.[0];
        if (keyStart !== undefined) best = keyStart;
        if (last && part === 'key') return at(best);
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
      } else {
        break;
      }
      const start = (node as Node | null | undefined)?.range?.[0];
      if (start !== undefined) best = start;
    }
    return at(best);
  };
  const has = (path: ReadonlyArray<PropertyKey>): boolean => doc.hasIn(path as unknown[]);
  return { file, doc, value, posOf, has };
}

/**
 * Where to point for a syntax error: an unclosed quote is reported by the
 * parser at the end of the file; the quote that opened it is what to fix.
 * Any position stays on a line of the file.
 */
function errorOffset(text: string, code: string, message: string, offset: number): number {
  const quote = code === 'MISSING_CHAR' ? /Missing closing (["'])/.exec(message)?.[1] : undefined;
  if (quote) {
    const opening = text.lastIndexOf(quote, Math.min(offset, text.length) - 1);
    if (opening >= 0) return opening;
  }
  const end = text.replace(/\s+$/, '').length;
  return Math.min(offset, Math.max(0, end - 1));
}
