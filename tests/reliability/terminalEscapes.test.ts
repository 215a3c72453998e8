// File names reach the terminal escaped: a name holding an escape sequence
// (ESC [ 2 J clears the screen) or another control character is printed
// with \x1b, \x07…, never raw.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL, writeProject } from '../helpers/project.js';
import { runCli } from './helpers.js';

describe('control characters in file names', () => {
  // Not implemented yet (issue 11, open): the test stands for the fix still to come.
  it.skip('are printed escaped in messages', async () => {
    const root = writeProject(MINIMAL);
    const name = '02-\u001b[2J\u001b]0;owned\u0007.md';
    writeFileSync(path.join(root, 'issues/2024-09', name), 'no front-matter here\n');
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('02-\\x1b[2J\\x1b]0;owned\\x07.md:1:1: error:');
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
