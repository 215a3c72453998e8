// Public types of the typography lint (`bulletin check`).

/** A bilingual message; the CLI picks the user's language. */
export interface LintMessage {
  zh: string;
  en: string;
}

/**
 * A safe, mechanical repair. `line`/`col` (1-based, col in UTF-16 code units)
 * locate `find` in the raw source file; `find` never spans a line end.
 */
export interface LintFix {
  line: number;
  col: number;
  /** Source text at that place, verified before replacing. */
  find: string;
  replacement: string;
}

export interface LintFinding {
  /** Stable rule id, e.g. `punct.halfWidth`. */
  rule: string;
  severity: 'warning';
  file: string;
  /** Line and column of the offending character in the source file (1-based, UTF-16 columns). */
  line: number;
  col: number;
  message: LintMessage;
  fix?: LintFix;
}

export interface LintOptions {
  /** Most title lines the template allows (default 2). */
  maxTitleLines?: number;
  /** Lines of each article's title as typeset, in article order; falls back to the author's line count. */
  titleLineCounts?: number[];
}
