// How much text a PDF gives back (pdftotext, poppler-utils): the check that
// the Typst peer sets all of the sample's text, as ours does.
import { spawnSync } from 'node:child_process';

/** Characters other than white space that pdftotext reads from `file`; undefined without pdftotext. */
export function textCharacters(file) {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) return undefined;
  return [...r.stdout.replace(/\s/gu, '')].length;
}
