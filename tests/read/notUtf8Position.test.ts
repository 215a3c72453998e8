// A byte that is not UTF-8 is reported at the line and column every other
// message would give the same place: lines end at LF, CRLF or a lone CR, and
// a BOM takes no column (src/read/sourceFile.ts). Found by
// tests/reliability/outputsWellFormed.test.ts: a lone CR before an encoded
// surrogate put the error on the line before, at a column past its end.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { readIssue } from '../../src/read/readIssue.js';
import { loadProjectOrThrow, MINIMAL, writeProject } from '../helpers/project.js';

/** Where reading reports its first error in the article written as `before`, `bad`, `after`. */
function firstError(before: string, bad: Uint8Array, after = '\n'): { code: string; line?: number; col?: number } {
  const article = Buffer.concat([Buffer.from(before, 'utf8'), bad, Buffer.from(after, 'utf8')]);
  const root = writeProject({ 'issues/2024-09/issue.yaml': MINIMAL['issues/2024-09/issue.yaml'], 'issues/2024-09/01-a.md': article });
  try {
    readIssue(loadProjectOrThrow(root), path.join(root, 'issues/2024-09'), {});
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const d = err.diagnostics.find((x) => x.severity === 'error')!;
    return { code: d.code, line: d.line, col: d.col };
  }
  throw new Error('expected the read to fail');
}

/** An encoded surrogate (ED A0 80): not UTF-8. */
const SURROGATE = Uint8Array.from([0xed, 0xa0, 0x80]);
/** U+FFFF, a noncharacter: UTF-8, refused where it stands. */
const NONCHARACTER = Buffer.from('\uFFFF', 'utf8');

describe('the place of a byte that is not UTF-8', () => {
  const cases: Array<[string, string]> = [
    ['LF line ends', '---\ntitle: 标题\n---\n\n正文'],
    ['CRLF line ends', '---\r\ntitle: 标题\r\n---\r\n\r\n正文'],
    ['CR line ends', '---\rtitle: 标题\r---\r\r正文'],
    ['a lone CR inside a paragraph', '---\ntitle: 标题\n---\n\n前行\r正文'],
    ['a BOM, on the first line', '\uFEFF前'],
    ['a BOM, on a later line', '\uFEFF---\ntitle: 标题'],
    ['an astral character before it', '---\ntitle: 标题\n---\n\n𠮷正文'],
  ];

  it.each(cases)('%s: where a noncharacter at the same place is reported', (_, before) => {
    const bad = firstError(before, SURROGATE);
    const nonchar = firstError(before, NONCHARACTER);
    expect(bad.code).toBe('file.notUtf8');
    expect(nonchar.code).toBe('text.notCharacter');
    expect({ line: bad.line, col: bad.col }).toEqual({ line: nonchar.line, col: nonchar.col });
  });

  it('counts lines and columns as the reader does (figures)', () => {
    expect(firstError('---\rtitle: 标题\r---\r\r正文', SURROGATE)).toEqual({ code: 'file.notUtf8', line: 5, col: 3 });
    expect(firstError('\uFEFF---\ntitle: 标题', SURROGATE)).toEqual({ code: 'file.notUtf8', line: 2, col: 10 });
    expect(firstError('\uFEFFab', SURROGATE, '\n---\ntitle: 标题\n---\n')).toEqual({ code: 'file.notUtf8', line: 1, col: 3 });
  });
});
