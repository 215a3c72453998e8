// The 报头 with texts longer than the sample's: an editor and date too long
// for one line together are set smaller, never one over the other, and the
// DOCX uses the size the typesetter chose; a name that would have to go below
// the template's minimum size stops the build at its line.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIssue } from '../../src/build.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadProject } from '../../src/project/config.js';
import { bulletin } from '../helpers/cli.js';
import { docxParts } from '../helpers/docx.js';
import { MINIMAL, writeProject } from '../helpers/project.js';
import { pdfPages } from '../helpers/stext.js';

const MM = 72 / 25.4;
const TEXT_LEFT = 31.7 * MM; // jianbao, odd page
const TEXT_RIGHT = TEXT_LEFT + 416;

describe('a masthead with a long editor line', () => {
  it('shrinks the editor and date line until both fit a character apart, in the PDF and the DOCX', async () => {
    const editor = '上海市邮政管理局党建工作领导小组办公室、文明办联合编';
    const root = writeProject({
      ...MINIMAL,
      'issues/2024-09/issue.yaml': MINIMAL['issues/2024-09/issue.yaml'].replace(/^editor: .*$/m, `editor: ${editor}`),
    });
    const result = await buildIssue(loadProject(root, new Diagnostics()), '2024-09');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    const line = pdfPages(path.join(root, 'out/2024-09.pdf'))[0]!.lines.find((l) => l.text.startsWith('上海市邮政管理局党建工作'))!;
    expect(line.text).toContain('2024年9月30日');
    const size = line.chars[0]!.size;
    expect(size).toBeLessThan(16);
    expect(size).toBeGreaterThanOrEqual(10.5); // the template's editorLine.minSize
    const editorEnd = line.chars[editor.length - 1]!;
    const dateStart = line.chars[editor.length]!;
    expect(dateStart.x - (editorEnd.x + size)).toBeGreaterThanOrEqual(size - 0.5);
    expect(line.chars[0]!.x).toBeGreaterThanOrEqual(TEXT_LEFT - 0.5);
    expect(line.chars.at(-1)!.x + size).toBeLessThanOrEqual(TEXT_RIGHT + 0.5);

    const doc = docxParts(path.join(root, 'out/2024-09.docx'))['word/document.xml']!;
    const paragraph = doc.match(/<w:pStyle w:val="EditorDate"\/>.*?<\/w:p>/s)![0];
    expect(paragraph).toContain(`<w:sz w:val="${size * 2}"/>`);
    expect(paragraph).toContain(editor);
  });
});

describe('a bulletin name too long for the masthead even at the smallest size', () => {
  it('is an error at its line in issue.yaml, and nothing is written', async () => {
    const root = writeProject({
      ...MINIMAL,
      'issues/2024-09/issue.yaml': MINIMAL['issues/2024-09/issue.yaml'].replace(/^title: .*$/m, `title: ${'党建、文明创建工作简报'.repeat(3)}`),
    });
    const r = bulletin(root, ['build', '2024-09', '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^issues\/2024-09\/issue\.yaml:2:8: error: .*too long for the masthead.*18 pt/m);
    expect(existsSync(path.join(root, 'out/2024-09.pdf'))).toBe(false);
  });
});
