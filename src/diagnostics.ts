// Problems found in the inputs, collected rather than thrown one by one, so a
// run reports every problem. Each carries a message code and parameters; the
// words are chosen later, in the user's language (see messages.ts).
import type { SourcePos } from './model.js';
import type { MessageCode } from './messages.js';

export type Severity = 'error' | 'warning' | 'notice';

export interface Diagnostic {
  severity: Severity;
  code: MessageCode;
  params: Record<string, string | number>;
  file?: string;
  line?: number;
  col?: number;
  /** The typography rule that found it (lint findings only). */
  rule?: string;
}

export type Where = Partial<SourcePos> | undefined;

export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(code: MessageCode, where: Where, params: Diagnostic['params'] = {}): void {
    this.add('error', code, where, params);
  }

  warn(code: MessageCode, where: Where, params: Diagnostic['params'] = {}): void {
    this.add('warning', code, where, params);
  }

  notice(code: MessageCode, where: Where, params: Diagnostic['params'] = {}): void {
    this.add('notice', code, where, params);
  }

  add(severity: Severity, code: MessageCode, where: Where, params: Diagnostic['params']): void {
    const d: Diagnostic = { severity, code, params };
    if (where?.file !== undefined) d.file = where.file;
    if (where?.line !== undefined) d.line = where.line;
    if (where?.col !== undefined) d.col = where.col;
    this.items.push(d);
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'error');
  }

  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'warning');
  }

  hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** Stop here when an earlier step found errors: later steps need valid input. */
  throwIfErrors(): void {
    if (this.hasErrors()) throw new InputError(this.items);
  }
}

/** The inputs are wrong (exit status 1). Carries every problem found. */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`${diagnostics.filter((d) => d.severity === 'error').length} input error(s)`);
    this.name = 'InputError';
  }
}

/** The diagnostics with every warning made an error, as --strict asks. */
export function promoteWarnings(items: readonly Diagnostic[]): Diagnostic[] {
  return items.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
}

/** Sort by file, line and column so output is stable and easy to follow. */
export function sortDiagnostics(items: Diagnostic[]): Diagnostic[] {
  return [...items].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0),
  );
}
