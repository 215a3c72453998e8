// Where findings are placed: the source line and UTF-16 column of the
// offending character, through every kind of block and source markup.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintIssue } from '../../src/lint/lintIssue.js';
import { MINIMAL, writeProject } from '../helpers/project.js';
import { at, lintArticle, lintProject } from './helpers.js';

const R = 'punct.halfWidth';
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('finding positions', () => {
  it('in headings, list items (first and continuation lines) and image captions', () => {
    const body = '## 一、标题,甲\n\n1. 第一项,甲\n   续行,乙\n\n![图片说明,甲](images/a.png)\n';
    const { findings } = lintArticle(body, { files: { 'issues/2024-09/images/a.png': PNG } });
    expect(at(findings, R)).toEqual(['5:8', '7:7', '8:6', '10:7']);
  });

  it('after characters the model changed: an unknown entity, look-alikes, astral characters', () => {
    const { findings } = lintArticle('&hearts;甲,乙\n\n⋯⋯他说,好\n\n𠀀𠀀,甲\n\n\u30FB甲,乙\n');
    expect(at(findings, R)).toEqual(['5:10', '7:5', '9:5', '11:3']);
  });

  it('after an escape in the same Text node and in the line that continues it', () => {
    const { findings } = lintArticle('前文\\*注意\\[1\\]\n续行\\_甲,乙\n');
    expect(at(findings, R)).toEqual(['6:6']);
    expect(findings.find((f) => f.rule === R)!.fix).toEqual({ line: 6, col: 6, find: ',', replacement: '，' });
  });

  it('a fix covers the escape when the offending character is escaped, the column points at the character', () => {
    const linted = lintArticle('甲\\(乙\\)丙\n');
    expect(at(linted.findings, R)).toEqual(['5:3', '5:6']);
    expect(linted.findings.map((f) => f.fix)).toEqual([
      { line: 5, col: 2, find: '\\(', replacement: '（' },
      { line: 5, col: 5, find: '\\)', replacement: '）' },
    ]);
  });

  it('sorted by file, line and column across articles and rules; deterministic', () => {
    const root = writeProject({
      'issues/2024-09/issue.yaml': MINIMAL['issues/2024-09/issue.yaml'],
      'issues/2024-09/01-a.md': '---\ntitle: 甲,乙\n---\n\n中文 字符,好...\n',
      'issues/2024-09/02-b.md': '---\ntitle: 标题\n---\n\n２０２４年08月\n',
    });
    const first = lintProject(root);
    const list = first.findings.map((f) => `${path.basename(f.file)}:${f.line}:${f.col} ${f.rule}`);
    expect(list).toEqual([
      '01-a.md:2:9 punct.halfWidth',
      '01-a.md:5:3 space.betweenHan',
      '01-a.md:5:6 punct.halfWidth',
      '01-a.md:5:8 punct.ellipsis',
      '02-b.md:5:1 char.fullWidthAlnum',
      '02-b.md:5:6 date.zeroPadded',
    ]);
    expect(lintIssue(first.issue, first.sources)).toEqual(first.findings);
  });

  it('without the source text, places findings at the text node and offers no fix', () => {
    const linted = lintArticle('甲,乙\n');
    const findings = lintIssue(linted.issue, new Map());
    expect(at(findings, R)).toEqual(['5:1']);
    expect(findings[0]!.fix).toBeUndefined();
  });
});
