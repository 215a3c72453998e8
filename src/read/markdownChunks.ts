// An article body cut into pieces the Markdown parser can read one by one:
// its cost grows faster than the text when blocks pile up in one document
// (1,000 nested quotes in a row took 11 s, 2,000 took 53), so each run of
// top-level blocks between blank lines is parsed apart. A cut is made only
// where CommonMark ends every open block anyway: after a blank line, before
// a line that starts in column 1 and cannot continue a list (no list
// marker), outside a fenced code block.

export interface Chunk {
  text: string;
  /** Lines of the body before the chunk. */
  lineOffset: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

export function markdownChunks(body: string): Chunk[] {
  const lines = body.split('\n');
  const chunks: Chunk[] = [];
  let start = 0;
  let fence: string | undefined;
  let afterBlank = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = FENCE.exec(line);
    if (fence === undefined && f) {
      fence = f[1]![0]!.repeat(3);
    } else if (fence !== undefined && f && f[1]!.startsWith(fence)) {
      fence = undefined;
    }
    if (fence === undefined && afterBlank && i > start && /^[^\s]/.test(line) && !LIST_MARKER.test(line) && !f) {
      chunks.push({ text: lines.slice(start, i).join('\n'), lineOffset: start });
      start = i;
    }
    afterBlank = line.trim() === '';
  }
  chunks.push({ text: lines.slice(start).join('\n'), lineOffset: start });
  return chunks;
}
