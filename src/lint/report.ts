// Turning a rule's match into a finding: the source position of the
// offending character and, where the matched text maps cleanly onto one
// stretch of one source line, a fix.
import type { LintFinding, LintFix, LintMessage } from './types.js';
import type { CharLoc, SourceLines, Unit } from './units.js';

export interface UnitFix {
  /** Range of the unit's text to replace (UTF-16 indices, end exclusive). */
  start: number;
  end: number;
  replacement: string;
}

export class Collector {
  readonly findings: LintFinding[] = [];

  constructor(readonly src: SourceLines) {}

  /** A finding at character `index` of `unit`, with an optional fix of a range of the unit. */
  at(rule: string, unit: Unit, index: number, message: LintMessage, fix?: UnitFix): void {
    const loc = unit.locs[index];
    const anchor = unit.anchors[index] ?? unit.anchors[0];
    const line = loc?.line ?? anchor?.line ?? 1;
    const col = loc?.col ?? anchor?.col ?? 1;
    const finding: LintFinding = { rule, severity: 'warning', file: unit.file, line, col, message };
    const sourceFix = fix && loc ? this.sourceFix(unit, fix) : undefined;
    if (sourceFix) finding.fix = sourceFix;
    this.findings.push(finding);
  }

  /** A finding at a place in a source file. */
  atPos(rule: string, file: string, line: number, col: number, message: LintMessage, fix?: LintFix): void {
    const finding: LintFinding = { rule, severity: 'warning', file, line, col, message };
    if (fix) finding.fix = fix;
    this.findings.push(finding);
  }

  /** The raw source text behind a range of a unit, if it is one unbroken stretch of one line. */
  rawRange(unit: Unit, start: number, end: number): { line: number; col: number; text: string } | undefined {
    if (end <= start) return undefined;
    const first = unit.locs[start];
    if (!first) return undefined;
    // The range must not cut a source span in two (e.g. one entity giving two characters).
    if (start > 0 && sameSpan(unit.locs[start - 1], first)) return undefined;
    if (end < unit.locs.length && sameSpan(unit.locs[end - 1], unit.locs[end])) return undefined;
    let prev: CharLoc = first;
    for (let k = start + 1; k < end; k++) {
      const loc = unit.locs[k];
      if (!loc || loc.line !== first.line) return undefined;
      if (sameSpan(loc, prev)) continue;
      if (loc.start !== prev.end) return undefined;
      prev = loc;
    }
    const raw = this.src.line(unit.file, first.line);
    if (raw === undefined) return undefined;
    return { line: first.line, col: first.start + 1, text: raw.slice(first.start, prev.end) };
  }

  private sourceFix(unit: Unit, fix: UnitFix): LintFix | undefined {
    const raw = this.rawRange(unit, fix.start, fix.end);
    if (!raw || raw.text === fix.replacement) return undefined;
    return { line: raw.line, col: raw.col, find: raw.text, replacement: fix.replacement };
  }
}

function sameSpan(a: CharLoc | undefined, b: CharLoc | undefined): boolean {
  return a !== undefined && b !== undefined && a.line === b.line && a.start === b.start && a.end === b.end;
}

/**
 * Widen `[start, end)` over ASCII spaces and tabs before and/or after it, as
 * far as they lie right next to it in the source (so a fix can remove them).
 */
export function widenOverSpaces(unit: Unit, start: number, end: number, before: boolean, after: boolean): [number, number] {
  const isSpace = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';
  let s = start;
  let e = end;
  if (before) {
    while (s > 0 && isSpace(unit.text[s - 1]) && adjacent(unit.locs[s - 1], unit.locs[s])) s--;
  }
  if (after) {
    while (e < unit.text.length && isSpace(unit.text[e]) && adjacent(unit.locs[e - 1], unit.locs[e])) e++;
  }
  return [s, e];
}

function adjacent(a: CharLoc | undefined, b: CharLoc | undefined): boolean {
  return a !== undefined && b !== undefined && a.line === b.line && a.end === b.start;
}
