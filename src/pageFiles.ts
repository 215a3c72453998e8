// Page images of an issue (docs/interface.md §4): <outDir>/<id>/<id>-01.png …, one
// file a page, numbered with two digits, or as many as the last page needs.
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The folder an issue's page images go to. */
export function pageFolder(outDir: string, id: string): string {
  return path.join(outDir, id);
}

/** The name of page `page` of `pages`: 2024-08-01.png; 2024-08-001.png in an issue of 100 pages or more. */
export function pageFileName(id: string, page: number, pages: number, ext: string): string {
  const digits = Math.max(2, String(pages).length);
  return `${id}-${String(page).padStart(digits, '0')}.${ext}`;
}

/**
 * The page files of `ext` in `folder` from an earlier build that the new
 * build's `keep` does not replace: an issue that lost pages must not keep
 * its old last pages. Nothing else in the folder is touched.
 */
export function obsoletePageFiles(folder: string, id: string, ext: string, keep: ReadonlySet<string>): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escaped}-\\d{2,}\\.${ext}$`);
  return names
    .filter((n) => pattern.test(n))
    .map((n) => path.join(folder, n))
    .filter((f) => !keep.has(f));
}
