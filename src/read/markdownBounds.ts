// Bounds on the Markdown parser's work, measured on the text before parsing
// (README “限制”): the parser spends time on emphasis delimiters roughly in
// proportion to their number times the delimiters still open in the same
// paragraph, and on container markers (> and list markers) in proportion to
// their depth, so '*_' × 30,000 or 100,000 nested > ran for minutes.
// Bounded here, any 1 MB article is read in about a second at most.
import type { Diagnostics } from '../diagnostics.js';

/** Runs of * or _ in one paragraph (between blank lines) at most. */
export const MAX_DELIMITER_RUNS_PER_PARAGRAPH = 400;
/** Runs of * or _ in a whole article at most (an emphasised phrase takes two). */
export const MAX_DELIMITER_RUNS_PER_ARTICLE = 10_000;
/** Lists and quotes nest this deep at most: deeper, a page has no width left for the text. */
export const MAX_NESTING = 8;

/** A line's leading container markers: > and list markers, each with the spaces before it. */
const CONTAINER = /[ \t]{0,3}(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))[ \t]?/y;

/**
 * Whether `body` is within the bounds; otherwise report the first place
 * past one (its file, line and column) and return false. `lineOffset`:
 * lines of the file before the body.
 */
export function withinMarkdownBounds(body: string, file: string, lineOffset: number, diags: Diagnostics): boolean {
  const lines = body.split('\n');
  let total = 0;
  let inParagraph = 0;
  let paragraphLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = lineOffset + i + 1;
    if (line.trim() === '') {
      inParagraph = 0;
      continue;
    }
    if (inParagraph === 0) paragraphLine = lineNo;
    let depth = 0;
    CONTAINER.lastIndex = 0;
    for (let m = CONTAINER.exec(line); m; m = CONTAINER.exec(line)) {
      depth++;
      if (depth > MAX_NESTING) {
        const col = m.index + m[0].search(/\S/) + 1;
        diags.error('markdown.tooDeep', { file, line: lineNo, col }, { limit: MAX_NESTING });
        return false;
      }
    }
    const runs = countRuns(line);
    inParagraph += runs;
    total += runs;
    if (inParagraph > MAX_DELIMITER_RUNS_PER_PARAGRAPH) {
      diags.error('markdown.tooManyDelimiters', { file, line: paragraphLine, col: 1 }, { limit: MAX_DELIMITER_RUNS_PER_PARAGRAPH, scope: 'paragraph' });
      return false;
    }
    if (total > MAX_DELIMITER_RUNS_PER_ARTICLE) {
      diags.error('markdown.tooManyDelimiters', { file, line: paragraphLine, col: 1 }, { limit: MAX_DELIMITER_RUNS_PER_ARTICLE, scope: 'article' });
      return false;
    }
  }
  return true;
}

/** Maximal runs of * or of _ in `line`. */
function countRuns(line: string): number {
  let n = 0;
  let prev = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if ((c === '*' || c === '_') && c !== prev) n++;
    prev = c === '*' || c === '_' ? c : '';
  }
  return n;
}
