// Start-up cost (README, "性能 / Performance"): a command loads only the code
// it uses. `--version` and `--help` load neither the reader, the typesetter
// nor any writer; `check` loads no writer; a build loads the writers of the
// formats asked for and no other. Each case also shows that the listing sees
// what the command does load, so a listing that saw nothing cannot pass.
import { describe, expect, it } from 'vitest';
import { loadedModules, under } from '../helpers/loadedModules.js';
import { MINIMAL, writeProject } from '../helpers/project.js';

const WRITERS = ['dist/render/', 'node_modules/pdfkit/', 'node_modules/fontkit/', 'node_modules/harfbuzzjs/', 'node_modules/@resvg/', 'node_modules/fflate/'];
const WORK = ['dist/read/', 'dist/typeset/', 'dist/build.js', 'dist/check.js', 'dist/fonts/', 'node_modules/zod/', 'node_modules/yaml/', 'node_modules/micromark/'];

describe('what a command loads', () => {
  const root = writeProject(MINIMAL);

  it('a bare --version loads nothing but bin/bulletin.js', () => {
    const r = loadedModules(root, ['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(r.modules).toContain('bin/bulletin.js');
    expect(under(r.modules, 'dist/', 'node_modules/')).toEqual([]);
  });

  it('--version after another option, and --help, load the command line but no reader, typesetter or writer', () => {
    for (const args of [['--lang', 'en', '--version'], ['--help'], ['build', '--help']]) {
      const r = loadedModules(root, args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.modules, args.join(' ')).toContain('dist/cli/main.js');
      expect(r.modules, args.join(' ')).toContain('node_modules/commander/lib/command.js');
      expect(under(r.modules, ...WRITERS, ...WORK), args.join(' ')).toEqual([]);
    }
  });

  it('check reads and typesets but loads no writer', () => {
    const r = loadedModules(root, ['check', '2024-09']);
    expect(r.status).toBe(0);
    expect(r.modules).toContain('dist/typeset/typesetIssue.js');
    expect(under(r.modules, ...WRITERS)).toEqual([]);
  });

  it('build --format pdf loads the PDF writer and no other', () => {
    const r = loadedModules(root, ['build', '2024-09', '--format', 'pdf']);
    expect(r.status).toBe(0);
    // src/render/pdf.ts, or the modules of a src/render/pdf/ folder.
    expect(under(r.modules, 'dist/render/pdf')).not.toEqual([]);
    expect(under(r.modules, 'dist/render/docx/', 'dist/render/ofd/', 'dist/render/svg/', 'dist/render/png.js', 'dist/render/pageImages.js', 'node_modules/@resvg/', 'node_modules/fflate/')).toEqual([]);
  });

  it('build --format docx loads the DOCX writer and no other', () => {
    const r = loadedModules(root, ['build', '2024-09', '--format', 'docx']);
    expect(r.status).toBe(0);
    expect(r.modules).toContain('dist/render/docx/renderDocx.js');
    expect(under(r.modules, 'dist/render/pdf', 'dist/render/ofd/', 'dist/render/svg/', 'dist/render/png.js', 'dist/render/pageImages.js', 'node_modules/pdfkit/', 'node_modules/@resvg/')).toEqual([]);
  });
});
