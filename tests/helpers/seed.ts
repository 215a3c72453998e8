// The seed bulletin of 26 August 2024 (tests/fixtures/seed, a copy of
// shared/seeds/2024-08-transcribed.md): the text the sample issue must keep.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './project.js';

const file = path.join(REPO_ROOT, 'tests/fixtures/seed/2024-08-transcribed.md');

/** The body (titles, paragraphs, 报尾) without Markdown syntax and white space. */
export function seedBodyText(): string {
  const body = readFileSync(file, 'utf8').split('---').slice(2).join('---');
  return body.replace(/^## /gm, '').replace(/^\* \* \*$/m, '').replace(/\\$/gm, '').replace(/\s+/gu, '');
}

/** Article titles (joined lines) and paragraphs, in order. */
export function seedArticles(): Array<{ title: string; paragraphs: string[] }> {
  const body = readFileSync(file, 'utf8').split('---').slice(2).join('---').split('* * *')[0]!;
  return body
    .split(/^## /m)
    .slice(1)
    .map((part) => {
      const [head, ...rest] = part.split('\n');
      return { title: head!.trim(), paragraphs: rest.join('\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) };
    });
}
