// The JSON `build --json` and `check --json` print on stdout (README: "JSON
// output"). The schema is code, so tests validate real output against it.
import { z } from 'zod';
import type { BuildOutput } from '../build.js';
import type { Diagnostic } from '../diagnostics.js';
import { message, type Lang } from '../messages.js';
import { VERSION } from '../version.js';
import { ESCAPED_BEYOND_C0 } from './terminalText.js';

export const problemSchema = z.strictObject({
  severity: z.enum(['error', 'warning', 'notice']),
  code: z.string(),
  rule: z.string().optional(),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  col: z.number().int().positive().optional(),
});

export const issueReportSchema = z.strictObject({
  id: z.string(),
  ok: z.boolean(),
  outputs: z.array(
    z.strictObject({
      format: z.enum(['pdf', 'docx', 'ofd', 'png', 'svg']),
      /** The file; for page images (png, svg), their folder, with each page's file in `files`. */
      file: z.string(),
      bytes: z.number().int().nonnegative(),
      pages: z.number().int().positive().optional(),
      files: z.array(z.string()).optional(),
    }),
  ),
  problems: z.array(problemSchema),
  /** Milliseconds the issue took. */
  ms: z.number().nonnegative(),
});

export const jsonReportSchema = z.strictObject({
  tool: z.literal('bulletin'),
  version: z.string(),
  command: z.enum(['build', 'check']),
  ok: z.boolean(),
  exitCode: z.number().int().min(0).max(3),
  issues: z.array(issueReportSchema),
});

export type IssueReport = z.infer<typeof issueReportSchema>;
export type JsonReport = z.infer<typeof jsonReportSchema>;

export function problemsOf(items: Diagnostic[], lang: Lang): IssueReport['problems'] {
  return items.map((d) => ({
    severity: d.severity,
    code: d.code,
    ...(d.rule ? { rule: d.rule } : {}),
    message: message(d.code, d.params, lang),
    ...(d.file !== undefined ? { file: d.file } : {}),
    ...(d.line !== undefined ? { line: d.line } : {}),
    ...(d.col !== undefined ? { col: d.col } : {}),
  }));
}

/** `failed`: the issue failed for a reason that is not a problem of its inputs (an internal error). */
export function issueReport(id: string, outputs: BuildOutput[], problems: Diagnostic[], lang: Lang, ms: number, failed = false): IssueReport {
  return {
    id,
    ok: !failed && !problems.some((p) => p.severity === 'error'),
    outputs: outputs.map((o) => ({ format: o.format, file: o.file, bytes: o.bytes, ...(o.pages !== undefined ? { pages: o.pages } : {}), ...(o.files ? { files: o.files } : {}) })),
    problems: problemsOf(problems, lang),
    ms: Math.round(ms),
  };
}

/**
 * The report as JSON text. JSON.stringify escapes C0 controls; DEL, the C1
 * controls (which a terminal may act on), the bidirectional controls and
 * the line and paragraph separators are escaped here too: the same JSON
 * value, nothing raw on the terminal (src/cli/terminalText.ts).
 */
export function jsonText(report: JsonReport): string {
  return JSON.stringify(report, null, 2).replace(ESCAPED_BEYOND_C0, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function jsonReport(command: 'build' | 'check', issues: IssueReport[], exitCode: number): JsonReport {
  return { tool: 'bulletin', version: VERSION, command, ok: exitCode === 0, exitCode, issues };
}
