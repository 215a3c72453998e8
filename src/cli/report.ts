// Printing diagnostics and results for people: file:line:col, severity,
// message in the user's language; colour only on a terminal.
import path from 'node:path';
import { Chalk } from 'chalk';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { message, type Lang } from '../messages.js';
import { escapeControls, terminalLines } from './terminalText.js';

export interface Reporter {
  lang: Lang;
  debug: boolean;
  /** -q/--quiet: problems only (no results, no progress line). */
  quiet?: boolean;
  /** Progress and results (stdout unless JSON goes there). */
  info(line: string): void;
  /** Problems (stderr). */
  problem(line: string): void;
  /** A diagnostic made by formatDiagnostic: its input text escaped there, its colour ours. */
  diagnostic(line: string): void;
  paint: InstanceType<typeof Chalk>;
}

/** Chinese unless --lang en or LANG starts with en. */
export function chooseLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag === 'en' || flag === 'zh') return flag;
  return (env.LC_ALL ?? env.LANG ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** Every line but diagnostics has its controls escaped here (src/cli/terminalText.ts). */
export function makeReporter(options: { lang: Lang; quiet?: boolean; debug?: boolean; json?: boolean }): Reporter {
  const colour = process.stderr.isTTY && !('NO_COLOR' in process.env) ? 1 : 0;
  return {
    lang: options.lang,
    debug: options.debug ?? false,
    quiet: options.quiet ?? false,
    info: (line) => {
      if (options.quiet) return;
      (options.json ? process.stderr : process.stdout).write(`${terminalLines(line)}\n`);
    },
    problem: (line) => process.stderr.write(`${terminalLines(line)}\n`),
    diagnostic: (line) => process.stderr.write(`${line}\n`),
    paint: new Chalk({ level: colour }),
  };
}

const SEVERITY: Record<Diagnostic['severity'], { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  notice: { zh: '提示', en: 'notice' },
};

export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** `file:line:col: 错误: message`, with the controls of the file name and of the message escaped (one line, whatever they hold). */
export function formatDiagnostic(d: Diagnostic, lang: Lang, paint?: Reporter['paint']): string {
  const where = d.file ? `${escapeControls(displayPath(d.file))}${d.line ? `:${d.line}` : ''}${d.line && d.col ? `:${d.col}` : ''}` : '';
  const sev = SEVERITY[d.severity][lang];
  const coloured = !paint ? sev : d.severity === 'error' ? paint.red.bold(sev) : d.severity === 'warning' ? paint.yellow(sev) : paint.cyan(sev);
  return `${where ? `${where}: ` : ''}${coloured}: ${escapeControls(message(d.code, d.params, lang))}`;
}

/**
 * Errors and warnings, sorted, and the notice that an installed font was
 * used (docs/interface.md §4, "Nothing lost"); the other notices (fallback glyphs) are for
 * `bulletin fonts` and --json.
 */
export function printDiagnostics(items: Diagnostic[], r: Reporter): void {
  for (const d of sortDiagnostics(items)) {
    if (d.severity === 'notice' && d.code !== 'font.system') continue;
    r.diagnostic(formatDiagnostic(d, r.lang, r.paint));
  }
}
