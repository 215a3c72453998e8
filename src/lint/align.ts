// Mapping the model's text back to the raw source. The model's text is
// normalised (NFC, look-alikes) and has Markdown escapes and entities (or YAML
// quoting) resolved, so a character's column in the source is found by
// walking the normalised value and the raw line side by side.
import { normalizeText } from '../text/normalize.js';

/** Where one character of the model's text lies in its raw source line. */
export interface Span {
  /** 0-based UTF-16 offsets in the raw line: the source text that produced the character. */
  start: number;
  end: number;
  /** 1-based column of the character itself (for `\*`, the `*`). */
  col: number;
}

/** Reads an escape (or entity) at `r` in a raw line: the text it stands for and its length. */
export type Decoder = (line: string, r: number) => { text: string; len: number; col: number } | undefined;

const ASCII_PUNCT = /^[!-/:-@[-`{-~]$/;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '\u2026',
  mdash: '\u2014',
  ndash: '\u2013',
  ldquo: '\u201c',
  rdquo: '\u201d',
  lsquo: '\u2018',
  rsquo: '\u2019',
  middot: '\u00b7',
  copy: '\u00a9',
  reg: '\u00ae',
  times: '\u00d7',
  divide: '\u00f7',
  deg: '\u00b0',
};

function fromCodePoint(n: number): string {
  return n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? '\ufffd' : String.fromCodePoint(n);
}

/** CommonMark: backslash escapes of ASCII punctuation and character references. */
export const markdownDecoder: Decoder = (line, r) => {
  const c = line[r];
  if (c === '\\') {
    const next = line[r + 1];
    if (next !== undefined && ASCII_PUNCT.test(next)) return { text: next, len: 2, col: r + 2 };
    return undefined;
  }
  if (c === '&') {
    const m = /^&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/.exec(line.slice(r, r + 40));
    if (!m) return undefined;
    let text: string | undefined;
    if (m[1] !== undefined) text = fromCodePoint(Number.parseInt(m[1], 10));
    else if (m[2] !== undefined) text = fromCodePoint(Number.parseInt(m[2], 16));
    else if (m[3] !== undefined) text = NAMED_ENTITIES[m[3]];
    return text === undefined ? undefined : { text, len: m[0].length, col: r + 1 };
  }
  return undefined;
};

const YAML_SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/** YAML double-quoted scalars: backslash escapes. */
export const yamlDoubleDecoder: Decoder = (line, r) => {
  if (line[r] !== '\\') return undefined;
  const e = line[r + 1];
  if (e === undefined) return undefined;
  const simple = YAML_SIMPLE_ESCAPES[e];
  if (simple !== undefined) return { text: simple, len: 2, col: r + 1 };
  const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
  if (digits === 0) return undefined;
  const hex = line.slice(r + 2, r + 2 + digits);
  if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) return undefined;
  return { text: fromCodePoint(Number.parseInt(hex, 16)), len: 2 + digits, col: r + 1 };
};

/** YAML single-quoted scalars: `''` is one quote. */
export const yamlSingleDecoder: Decoder = (line, r) =>
  line[r] === "'" && line[r + 1] === "'" ? { text: "'", len: 2, col: r + 1 } : undefined;

interface Step {
  /** UTF-16 units of the value consumed. */
  n: number;
  /** Raw units consumed. */
  len: number;
  col: number;
}

const COMBINING = /^\p{M}$/u;

class Aligner {
  constructor(
    private readonly value: string,
    private readonly line: string,
    private readonly decode: Decoder | undefined,
  ) {}

  /** One character of the value against the raw text at `r`, or undefined when they differ. */
  step(v: number, r: number): Step | undefined {
    const { value, line } = this;
    if (r >= line.length || v >= value.length) return undefined;
    const d = this.decode?.(line, r);
    if (d) {
      const n = normalizeText(d.text);
      if (n.length > 0 && value.startsWith(n, v)) return { n: n.length, len: d.len, col: d.col };
    }
    const cp = line.codePointAt(r)!;
    const cpLen = cp > 0xffff ? 2 : 1;
    let end = r + cpLen;
    while (end < line.length && COMBINING.test(String.fromCodePoint(line.codePointAt(end)!))) {
      end += line.codePointAt(end)! > 0xffff ? 2 : 1;
    }
    if (end > r + cpLen) {
      const cluster = normalizeText(line.slice(r, end));
      if (cluster.length > 0 && value.startsWith(cluster, v)) return { n: cluster.length, len: end - r, col: r + 1 };
    }
    const single = normalizeText(line.slice(r, r + cpLen));
    if (single.length > 0 && value.startsWith(single, v)) return { n: single.length, len: cpLen, col: r + 1 };
    // A named character reference the decoder does not know: the reader
    // resolved it to one character (as nearly all HTML entities are).
    if (this.decode === markdownDecoder && cp === 0x26) {
      const m = /^&[A-Za-z][A-Za-z0-9]{1,31};/.exec(line.slice(r, r + 34));
      const vcp = value.codePointAt(v);
      if (m && vcp !== undefined) return { n: vcp > 0xffff ? 2 : 1, len: m[0].length, col: r + 1 };
    }
    return undefined;
  }

  /**
   * Whether the next `count` characters of the value align from `r`; with
   * `orToEnd`, also when fewer are left and all of them align.
   */
  alignsAhead(v: number, r: number, count: number, orToEnd = true): boolean {
    let done = 0;
    while (done < count && v < this.value.length) {
      const s = this.step(v, r);
      if (!s) return false;
      v += s.n;
      r += s.len;
      done++;
    }
    return done >= count || (orToEnd && v >= this.value.length);
  }

  run(start: number): Array<Span | undefined> {
    const { value, line } = this;
    const spans: Array<Span | undefined> = new Array<Span | undefined>(value.length).fill(undefined);
    let r = this.findStart(start);
    let v = 0;
    while (v < value.length && r < line.length) {
      const s = this.step(v, r);
      if (s) {
        const span: Span = { start: r, end: r + s.len, col: s.col };
        for (let k = 0; k < s.n; k++) spans[v + k] = span;
        v += s.n;
        r += s.len;
        continue;
      }
      // Whitespace in the source that the model dropped (e.g. trimmed by YAML).
      if ((line[r] === ' ' || line[r] === '\t') && value[v] !== line[r]) {
        r++;
        continue;
      }
      const resync = this.resync(v, r);
      if (!resync) break;
      v += resync.dv;
      r += resync.dr;
    }
    return spans;
  }

  /** Skip the fewest characters on either side so that the texts align again. */
  private resync(v: number, r: number): { dv: number; dr: number } | undefined {
    // Prefer a place where three characters agree; another unmatched
    // stretch close behind may allow only fewer.
    for (const [agree, orToEnd] of [
      [3, false],
      [2, true],
      [1, true],
    ] as const) {
      for (let cost = 1; cost <= 40; cost++) {
        for (let dv = 0; dv <= Math.min(cost, 4) && v + dv < this.value.length; dv++) {
          const dr = cost - dv;
          if (r + dr >= this.line.length) continue;
          if (this.alignsAhead(v + dv, r + dr, agree, orToEnd)) return { dv, dr };
        }
      }
    }
    return undefined;
  }

  /** The node's column, or the nearest place on the line where the value begins. */
  private findStart(start: number): number {
    if (this.alignsAhead(0, start, 3)) return start;
    for (let dist = 1; dist < this.line.length; dist++) {
      for (const r of [start + dist, start - dist]) {
        if (r >= 0 && r < this.line.length && this.alignsAhead(0, r, 3)) return r;
      }
    }
    return start;
  }
}

/**
 * For each UTF-16 unit of `value`, the span of `line` it comes from, reading
 * from `start` (0-based); undefined where the two cannot be matched (text the
 * reader added, or source the mapping does not understand).
 */
export function alignText(value: string, line: string, start: number, decode?: Decoder): Array<Span | undefined> {
  return new Aligner(value, line, decode).run(Math.max(0, start));
}
