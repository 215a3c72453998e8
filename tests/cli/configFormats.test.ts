// The config's `formats` (docs/interface.md §1): what a build writes when
// --format is not given; --format still wins; a name that is not a format is
// an input error at its line in bulletin.config.yaml, and nothing is written.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin } from '../helpers/cli.js';
import { MINIMAL, writeProject } from '../helpers/project.js';

const outputs = (root: string) => (existsSync(path.join(root, 'out')) ? readdirSync(path.join(root, 'out')).sort() : []);

describe('formats in bulletin.config.yaml', () => {
  it('is the default set of outputs', () => {
    const root = writeProject({ ...MINIMAL, 'bulletin.config.yaml': 'formats: [ofd, pdf]\n' });
    const r = bulletin(root, ['build', '2024-09']);
    expect(r.status, r.stderr).toBe(0);
    expect(outputs(root)).toEqual(['2024-09.ofd', '2024-09.pdf']);
  });

  it('gives way to --format', () => {
    const root = writeProject({ ...MINIMAL, 'bulletin.config.yaml': 'formats: [ofd]\n' });
    const r = bulletin(root, ['build', '2024-09', '--format', 'docx']);
    expect(r.status, r.stderr).toBe(0);
    expect(outputs(root)).toEqual(['2024-09.docx']);
  });

  it('without it, a build writes the PDF and the DOCX', () => {
    const root = writeProject(MINIMAL);
    expect(bulletin(root, ['build', '2024-09']).status).toBe(0);
    expect(outputs(root)).toEqual(['2024-09.docx', '2024-09.pdf']);
  });

  it('a name that is not a format is an input error at its line, and nothing is written', () => {
    const root = writeProject({ ...MINIMAL, 'bulletin.config.yaml': 'outDir: out\nformats:\n  - pdf\n  - rtf\n' });
    const r = bulletin(root, ['build', '2024-09']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bulletin\.config\.yaml:4:\d+: /);
    expect(outputs(root)).toEqual([]);
  });
});
