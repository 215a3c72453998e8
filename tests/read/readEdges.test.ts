// Reading at the edges: line breaks next to bold text, 报尾 labels written
// with spaces, hidden and dangling files in an issue folder, article and
// image names that only look like they leave the folder.
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics, InputError } from '../../src/diagnostics.js';
import type { Inline } from '../../src/model.js';
import { loadProject } from '../../src/project/config.js';
import { issueSummaries } from '../../src/read/issueList.js';
import { readIssue } from '../../src/read/readIssue.js';
import { png } from '../helpers/images.js';
import { MINIMAL, writeProject } from '../helpers/project.js';

function read(root: string) {
  return readIssue(loadProject(root, new Diagnostics()), path.join(root, 'issues/2024-09'));
}

function plain(inlines: readonly Inline[]): string {
  return inlines.map((n) => (n.type === 'text' ? n.value : n.type === 'break' ? '\n' : plain(n.children))).join('');
}

function firstParagraph(body: string): string {
  const root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': `---\ntitle: 标题\n---\n\n${body}\n` });
  const block = read(root).issue.articles[0]!.blocks[0]!;
  if (block.type !== 'paragraph') throw new Error(block.type);
  return plain(block.children);
}

describe('a soft line break next to bold or emphasis', () => {
  it.each([
    ['The **bold**\nword', 'The bold word'],
    ['one word\n**bold** two', 'one word bold two'],
    ['an *emphasised*\n*word*', 'an emphasised word'],
    ['中文**加粗**\n继续', '中文加粗继续'],
    ['Latin\n**中文**', 'Latin中文'],
  ])('%j reads as %j', (body, text) => {
    expect(firstParagraph(body)).toBe(text);
  });
});

describe('the 报尾 labels', () => {
  it('a label written with spaces around it keeps its entry', () => {
    const root = writeProject({
      ...MINIMAL,
      'issues/2024-09/issue.yaml': `${MINIMAL['issues/2024-09/issue.yaml']}distribution:\n  "报 ": [甲单位, 乙单位]\n  送: 丙单位\n`,
    });
    const entries = read(root).issue.meta.distribution;
    expect(entries.map((e) => e.label)).toEqual(['报', '送']);
    expect(entries[0]).toMatchObject({ kind: 'list', recipients: ['甲单位', '乙单位'], pos: { line: 6 } });
  });
});

describe('files in an issue folder', () => {
  it('hidden files and dangling links are not articles, and do not stop the read', () => {
    const root = writeProject(MINIMAL);
    const dir = path.join(root, 'issues/2024-09');
    symlinkSync(path.join(root, 'nowhere.md'), path.join(dir, '.#01-a.md')); // an editor's lock file
    symlinkSync(path.join(root, 'nowhere.md'), path.join(dir, '02-gone.md'));
    const { issue } = read(root);
    expect(issue.articles.map((a) => path.basename(a.file))).toEqual(['01-a.md']);
    // The list of issues `bulletin new` copies from survives a dangling folder link too.
    symlinkSync(path.join(root, 'nowhere'), path.join(root, 'issues/2024-10'));
    expect(issueSummaries(path.join(root, 'issues')).map((s) => s.id)).toEqual(['2024-09']);
  });

  it('a name that starts with two dots is inside the folder; an absolute one is outside', () => {
    const root = writeProject({
      ...MINIMAL,
      'issues/2024-09/issue.yaml': `${MINIMAL['issues/2024-09/issue.yaml']}articles: [..a.md]\n`,
      'issues/2024-09/..a.md': '---\ntitle: 点开头\n---\n\n![图](..cover.png)\n',
      'issues/2024-09/..cover.png': png(20, 10),
    });
    const { issue } = read(root);
    expect(issue.articles[0]!.blocks[0]).toMatchObject({ type: 'image', widthPx: 20 });

    const outside = path.join(root, 'elsewhere.md');
    mkdirSync(path.dirname(outside), { recursive: true });
    const abs = writeProject({ ...MINIMAL, 'issues/2024-09/issue.yaml': `${MINIMAL['issues/2024-09/issue.yaml']}articles: ["${outside}"]\n` });
    let codes: string[] = [];
    try {
      read(abs);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      codes = err.diagnostics.map((d) => d.code);
    }
    expect(codes).toContain('issue.articleOutside');
  });
});
