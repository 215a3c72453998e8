// Templates: the built-in ones load with the numbers of docs/format.md; project
// templates override and extend them; bad values are reported where written.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadTemplate } from '../../src/template/loadTemplate.js';
import { ALL_STYLE_ROLES, roleStyleName } from '../../src/template/styleRoles.js';
import { MM } from '../../src/template/units.js';
import { writeProject } from '../helpers/project.js';

describe('built-in templates', () => {
  it('jianbao: A4, 416 × 660 pt text block, 26 × 22 grid at 30 pt', () => {
    const diags = new Diagnostics();
    const t = loadTemplate('jianbao', undefined, diags)!;
    expect(diags.items).toEqual([]);
    expect(t.page.width).toBeCloseTo(210 * MM, 6);
    expect(t.page.height).toBeCloseTo(297 * MM, 6);
    expect(t.textBlock).toMatchObject({ width: 416, height: 660 });
    expect(t.textBlock.top).toBeCloseTo(30 * MM, 6);
    expect(t.textBlock.inner).toBeCloseTo(31.7 * MM, 6);
    expect(t.grid).toEqual({ charsPerLine: 26, linesPerPage: 22, linePitch: 30 });
    expect(t.styles.body).toMatchObject({ face: 'fangsong', size: 16 });
    expect(t.colors.red).toEqual({ rgb: '#E60012', cmyk: [0, 100, 100, 0] });
  });

  it('gbt9704: 156 × 225 mm, 28 characters of 15.79 pt, 22 lines of 28.99 pt', () => {
    const diags = new Diagnostics();
    const t = loadTemplate('gbt9704', undefined, diags)!;
    expect(diags.items).toEqual([]);
    expect(t.textBlock.width).toBeCloseTo(156 * MM, 6);
    expect(t.textBlock.height).toBeCloseTo(225 * MM, 6);
    expect(t.textBlock.width / t.grid.charsPerLine).toBeCloseTo(15.79, 2);
    expect(t.grid.linePitch).toBeCloseTo(28.99, 2);
    expect(t.textBlock.top).toBeCloseTo(37 * MM, 6);
    // Inherited from jianbao.
    expect(t.styles.articleTitle).toMatchObject({ face: 'xiaobiaosong', size: 22 });
  });

  it.each([['jianbao'], ['gbt9704']])('%s: the grid lines fill the text block within 0.5 pt', (name) => {
    const t = loadTemplate(name, undefined, new Diagnostics())!;
    // jianbao 22 × 30 = 660 pt exactly; gbt9704 22 × 28.99 = 637.78 pt against 225 mm = 637.80 pt.
    expect(Math.abs(t.textBlock.height - t.grid.linesPerPage * t.grid.linePitch)).toBeLessThanOrEqual(0.5);
  });
});

describe('the grid and the text block', () => {
  it('a text block taller than its grid lines is an error at the height', () => {
    const root = writeProject({ 'templates/mine.yaml': 'extends: jianbao\ntextBlock:\n  width: 416pt\n  height: 680pt\n  top: 30mm\n  inner: 31.7mm\n' });
    const diags = new Diagnostics();
    expect(loadTemplate('mine', path.join(root, 'templates'), diags)).toBeUndefined();
    expect(diags.items).toEqual([
      {
        severity: 'error',
        code: 'template.gridMismatch',
        params: { key: 'textBlock.height', height: '680 pt', lines: 22, pitch: '30 pt', grid: '660 pt' },
        file: path.join(root, 'templates/mine.yaml'),
        line: 4,
        col: 11,
      },
    ]);
  });

  it('a grid that no longer fills the inherited text block is an error at the grid key the template wrote', () => {
    const root = writeProject({ 'templates/mine.yaml': 'extends: jianbao\ngrid:\n  charsPerLine: 26\n  linesPerPage: 22\n  linePitch: 29pt\n' });
    const diags = new Diagnostics();
    expect(loadTemplate('mine', path.join(root, 'templates'), diags)).toBeUndefined();
    expect(diags.items).toEqual([expect.objectContaining({ code: 'template.gridMismatch', params: expect.objectContaining({ key: 'grid.linePitch' }), line: 5 })]);
  });

  it('half a point of difference is allowed', () => {
    const root = writeProject({ 'templates/mine.yaml': 'extends: jianbao\ntextBlock:\n  width: 416pt\n  height: 660.5pt\n  top: 30mm\n  inner: 31.7mm\n' });
    const diags = new Diagnostics();
    expect(loadTemplate('mine', path.join(root, 'templates'), diags)).toBeDefined();
    expect(diags.items).toEqual([]);
  });
});

describe('project templates', () => {
  it('a project template of the same name extends the built-in one', () => {
    const root = writeProject({ 'templates/jianbao.yaml': 'extends: jianbao\ngrid:\n  charsPerLine: 25\n  linesPerPage: 22\n  linePitch: 30\n' });
    const t = loadTemplate('jianbao', path.join(root, 'templates'), new Diagnostics())!;
    expect(t.grid.charsPerLine).toBe(25);
    expect(t.textBlock.width).toBe(416);
    expect(t.files).toHaveLength(2);
  });

  it('invalid values are reported at their line in the template that wrote them', () => {
    const root = writeProject({
      'templates/mine.yaml': 'extends: jianbao\ntextBlock:\n  width: 15 furlongs\n  height: 660pt\n  top: 30mm\n  inner: 31.7mm\nstyles:\n  body: { face: nosuchface, size: 16 }\n',
    });
    const diags = new Diagnostics();
    expect(loadTemplate('mine', path.join(root, 'templates'), diags)).toBeUndefined();
    expect(diags.items).toContainEqual(
      expect.objectContaining({ code: 'length.invalid', file: path.join(root, 'templates/mine.yaml'), line: 3, col: 10 }),
    );
  });

  it('an unknown face named by a style', () => {
    const root = writeProject({ 'templates/mine.yaml': 'extends: jianbao\nstyles:\n  body: { face: nosuchface, size: 16 }\n' });
    const diags = new Diagnostics();
    expect(loadTemplate('mine', path.join(root, 'templates'), diags)).toBeUndefined();
    expect(diags.items).toContainEqual(expect.objectContaining({ code: 'template.unknownName', line: 3, params: { kind: 'face', name: 'nosuchface' } }));
  });

  it('every style role must name a style the template has (the table of src/template/styleRoles.ts)', () => {
    // One role named by a key path, at that key's line.
    const root = writeProject({ 'templates/mine.yaml': 'extends: jianbao\nquote:\n  labelStyle: nosuchstyle\n' });
    const diags = new Diagnostics();
    expect(loadTemplate('mine', path.join(root, 'templates'), diags)).toBeUndefined();
    expect(diags.items).toContainEqual(expect.objectContaining({ code: 'template.unknownName', line: 3, params: { kind: 'style', name: 'nosuchstyle' } }));
    // Every role of the table is checked: the built-in templates name all of them.
    for (const name of ['jianbao', 'gbt9704']) {
      const ok = new Diagnostics();
      const t = loadTemplate(name, undefined, ok)!;
      expect(ok.hasErrors()).toBe(false);
      for (const role of ALL_STYLE_ROLES) expect(t.styles[roleStyleName(t, role)], `${name}: ${role}`).toBeDefined();
    }
  });

  it('an unknown template names the ones there are', () => {
    const diags = new Diagnostics();
    expect(loadTemplate('nope', undefined, diags)).toBeUndefined();
    expect(diags.items[0]).toMatchObject({ code: 'template.notFound', params: { name: 'nope', available: 'gbt9704, jianbao' } });
  });
});
