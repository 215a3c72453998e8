// Template formats: `第 {number} 期`, `— {n} —`, `（{source}供稿）`.
import type { IssueDate } from '../model.js';

/** Fill `{name}` placeholders; unknown names stay as written. */
export function fill(format: string, values: Record<string, string | number>): string {
  return format.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}

/** The issue date in the template's format, Arabic numerals without zero padding. */
export function formatDate(format: string, date: IssueDate): string {
  return fill(format, { year: date.year, month: date.month, day: date.day });
}
