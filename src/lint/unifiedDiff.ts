// A unified diff (as `diff -u` / `git diff` print it) of two texts, to show
// what `bulletin check --fix` would change: `--- a/…`, `+++ b/…`, then `@@`
// hunks with three lines of context.

const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

/** The diff of `before` → `after`; the empty string when they are equal. */
export function unifiedDiff(fileLabel: string, before: string, after: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const out = [`--- a/${fileLabel}`, `+++ b/${fileLabel}`];
  for (const hunk of hunks(ops)) {
    const aLines = hunk.filter((o) => o.kind !== '+');
    const bLines = hunk.filter((o) => o.kind !== '-');
    const aStart = aLines.length > 0 ? aLines[0]!.a + 1 : startBefore(hunk, 'a');
    const bStart = bLines.length > 0 ? bLines[0]!.b + 1 : startBefore(hunk, 'b');
    out.push(`@@ -${range(aStart, aLines.length)} +${range(bStart, bLines.length)} @@`);
    for (const op of hunk) {
      // Lines are compared with their line end; a last line without one is marked as diff marks it.
      if (op.line.endsWith('\n')) {
        out.push(op.kind + op.line.slice(0, -1));
      } else {
        out.push(op.kind + op.line, '\\ No newline at end of file');
      }
    }
  }
  return out.join('\n') + '\n';
}

/** The lines of a text, each with its line end (the last may have none). */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * The edit script between two lists of lines (Myers' O(ND) algorithm),
 * with the line number in each list (0-based) of every operation.
 */
function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Array<number>(2 * max + 3).fill(0);
  const trace: number[][] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) x = v[offset + k + 1]!;
      else x = v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk back through the trace to recover the operations.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    let prevK: number;
    if (d === 0) prevK = k;
    else if (k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!)) prevK = k + 1;
    else prevK = k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x]!, a: x, b: y });
    }
    if (d > 0) {
      if (x === prevX) {
        y--;
        ops.push({ kind: '+', line: b[y]!, a: x, b: y });
      } else {
        x--;
        ops.push({ kind: '-', line: a[x]!, a: x, b: y });
      }
    }
  }
  ops.reverse();
  // Within a run of changes, print deletions before insertions, as diff does.
  const sorted: Op[] = [];
  for (let i = 0; i < ops.length; ) {
    if (ops[i]!.kind === ' ') {
      sorted.push(ops[i++]!);
      continue;
    }
    let j = i;
    while (j < ops.length && ops[j]!.kind !== ' ') j++;
    const run = ops.slice(i, j);
    sorted.push(...run.filter((o) => o.kind === '-'), ...run.filter((o) => o.kind === '+'));
    i = j;
  }
  return sorted;
}

/** Group the operations into hunks: changes with up to three lines of context, merged when close. */
function hunks(ops: Op[]): Op[][] {
  const changed = ops.map((o, i) => (o.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  const result: Op[][] = [];
  let i = 0;
  while (i < changed.length) {
    const from = Math.max(0, changed[i]! - CONTEXT);
    let last = changed[i]!;
    let j = i + 1;
    while (j < changed.length && changed[j]! - last <= 2 * CONTEXT + 1) last = changed[j++]!;
    const to = Math.min(ops.length, last + CONTEXT + 1);
    result.push(ops.slice(from, to));
    i = j;
  }
  return result;
}

/** The line a hunk that has no lines on one side starts after (diff prints that line, count 0). */
function startBefore(hunk: Op[], side: 'a' | 'b'): number {
  const first = hunk[0]!;
  return first[side];
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}
