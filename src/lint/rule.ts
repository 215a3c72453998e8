// What a rule gets to look at, and text helpers shared by the rules.
import type { Issue } from '../model.js';
import { isChinese } from './chars.js';
import type { Collector } from './report.js';
import type { LintOptions } from './types.js';
import type { SourceLines, Unit } from './units.js';

export interface LintContext {
  issue: Issue;
  options: LintOptions;
  units: Unit[];
  /** Per file: source lines ending in a Markdown hard line break. */
  hardBreakLines: Map<string, Set<number>>;
  src: SourceLines;
  out: Collector;
}

export interface Rule {
  /** Stable id, e.g. `punct.halfWidth`. */
  id: string;
  check(ctx: LintContext): void;
}

/** A rule that looks at each unit of text on its own. */
export function unitRule(id: string, check: (unit: Unit, ctx: LintContext) => void): Rule {
  return {
    id,
    check(ctx) {
      for (const unit of ctx.units) check(unit, ctx);
    },
  };
}

const URL = /\b(?:https?|ftp):\/\/[!-~]+|\bwww\.[!-~]+/gi;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/**
 * Which characters belong to a URL or an e-mail address, where ASCII
 * punctuation is part of the address. Punctuation that ends a URL
 * (`网址是https://a.cn,请访问`) is not part of it.
 */
export function addressMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  for (const re of [URL, EMAIL]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const address = trimAddress(m[0]);
      for (let k = 0; k < address.length; k++) mask[m.index + k] = true;
    }
  }
  return mask;
}

/** Drop sentence punctuation after an address, and closing marks that do not pair inside it. */
function trimAddress(s: string): string {
  for (;;) {
    const last = s.at(-1);
    const count = (ch: string): number => s.split(ch).length - 1;
    if (last !== undefined && '.,;:!?'.includes(last)) s = s.slice(0, -1);
    else if (last === ')' && count(')') > count('(')) s = s.slice(0, -1);
    else if (last === ']' && count(']') > count('[')) s = s.slice(0, -1);
    else if ((last === '"' || last === "'") && count(last) % 2 === 1) s = s.slice(0, -1);
    else return s;
  }
}

export function hasChinese(text: string): boolean {
  for (const ch of text) if (isChinese(ch.codePointAt(0))) return true;
  return false;
}

const QUOTE_OPEN = '“‘《〈「『';
const QUOTE_CLOSE = '”’》〉」』';

/** For each index, how many quotation marks or book-title marks are open there. */
export function quoteDepths(text: string): number[] {
  const depths: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (QUOTE_CLOSE.includes(ch) && !isApostrophe(text, i)) depth = Math.max(0, depth - 1);
    depths.push(depth);
    if (QUOTE_OPEN.includes(ch)) depth++;
  }
  return depths;
}

/** A right single quote used as an apostrophe between Latin letters (don’t). */
export function isApostrophe(text: string, i: number): boolean {
  return text[i] === '’' && /[A-Za-z]/.test(text[i - 1] ?? '') && /[A-Za-z]/.test(text[i + 1] ?? '');
}

