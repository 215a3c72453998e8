// Problems as the preview's panel shows them: `file:line:col: 错误: message`,
// the file from the project's root, in the user's language (as the command
// line prints them).
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { message, type Lang } from '../messages.js';

export interface Problem {
  severity: Diagnostic['severity'];
  /** The whole line as shown. */
  text: string;
  file?: string;
  line?: number;
  col?: number;
}

const SEVERITY: Record<Diagnostic['severity'], Record<Lang, string>> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  notice: { zh: '提示', en: 'notice' },
};

export function renderProblem(d: Diagnostic, root: string, lang: Lang): Problem {
  const file = d.file === undefined ? undefined : fromRoot(root, d.file);
  const where = file === undefined ? '' : `${file}${d.line ? `:${d.line}` : ''}${d.line && d.col ? `:${d.col}` : ''}: `;
  return {
    severity: d.severity,
    text: `${where}${SEVERITY[d.severity][lang]}: ${message(d.code, d.params, lang)}`,
    ...(file !== undefined ? { file } : {}),
    ...(d.line !== undefined ? { line: d.line } : {}),
    ...(d.col !== undefined ? { col: d.col } : {}),
  };
}

/** A path from the project's root, with forward slashes; as given when it lies outside. */
export function fromRoot(root: string, file: string): string {
  const rel = path.relative(root, file);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
}
