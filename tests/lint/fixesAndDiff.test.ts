// applyFixes and unifiedDiff.
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/lint/applyFixes.js';
import { unifiedDiff } from '../../src/lint/unifiedDiff.js';
import type { LintFix } from '../../src/lint/types.js';

describe('applyFixes', () => {
  const source = '第一行,好\n第二行...\n第三行\n';

  it('replaces each find at its place and nothing else', () => {
    const fixes: LintFix[] = [
      { line: 2, col: 4, find: '...', replacement: '……' },
      { line: 1, col: 4, find: ',', replacement: '，' },
    ];
    const result = applyFixes(source, fixes);
    expect(result.text).toBe('第一行，好\n第二行……\n第三行\n');
    expect(result.applied).toEqual([fixes[1], fixes[0]]);
    expect(result.skipped).toEqual([]);
  });

  it('skips a fix whose find is no longer at its place, and one beyond the text', () => {
    const stale: LintFix = { line: 1, col: 4, find: ';', replacement: '；' };
    const moved: LintFix = { line: 2, col: 5, find: '...', replacement: '……' };
    const noLine: LintFix = { line: 9, col: 1, find: 'x', replacement: 'y' };
    const acrossLineEnd: LintFix = { line: 1, col: 5, find: '好\n第', replacement: '' };
    const good: LintFix = { line: 3, col: 1, find: '第三', replacement: '第3' };
    const result = applyFixes(source, [stale, moved, noLine, acrossLineEnd, good]);
    expect(result.text).toBe('第一行,好\n第二行...\n第3行\n');
    expect(result.applied).toEqual([good]);
    expect(result.skipped).toEqual([stale, moved, noLine, acrossLineEnd]);
  });

  it('skips a fix that overlaps one already applied', () => {
    const a: LintFix = { line: 1, col: 1, find: '第一', replacement: '甲' };
    const b: LintFix = { line: 1, col: 2, find: '一行', replacement: '乙' };
    const result = applyFixes(source, [a, b]);
    expect(result.text).toBe('甲行,好\n第二行...\n第三行\n');
    expect(result.skipped).toEqual([b]);
  });

  it('counts columns in UTF-16 code units, like the model', () => {
    const text = '𠀀𠀀,好\n';
    expect(applyFixes(text, [{ line: 1, col: 5, find: ',', replacement: '，' }]).text).toBe('𠀀𠀀，好\n');
  });
});

describe('unifiedDiff', () => {
  it('prints --- a/ +++ b/ and @@ hunks with three lines of context', () => {
    const before = ['一', '二', '三', '四,', '五', '六', '七', '八', '九', '十', '十一', '十二...', '十三', ''].join('\n');
    const after = before.replace('四,', '四，').replace('十二...', '十二……');
    expect(unifiedDiff('issues/2024-09/01-a.md', before, after)).toBe(
      [
        '--- a/issues/2024-09/01-a.md',
        '+++ b/issues/2024-09/01-a.md',
        '@@ -1,7 +1,7 @@',
        ' 一',
        ' 二',
        ' 三',
        '-四,',
        '+四，',
        ' 五',
        ' 六',
        ' 七',
        '@@ -9,5 +9,5 @@',
        ' 九',
        ' 十',
        ' 十一',
        '-十二...',
        '+十二……',
        ' 十三',
        '',
      ].join('\n'),
    );
  });

  it('merges changes close together into one hunk and marks a missing final newline', () => {
    expect(unifiedDiff('a.md', 'a\nb\nc\nd', 'a\nB\nc\nD')).toBe(
      ['--- a/a.md', '+++ b/a.md', '@@ -1,4 +1,4 @@', ' a', '-b', '+B', ' c', '-d', '\\ No newline at end of file', '+D', '\\ No newline at end of file', ''].join('\n'),
    );
  });

  it('prints a one-line file without a count, and nothing for equal texts', () => {
    expect(unifiedDiff('a.md', 'x\n', 'y\n')).toBe('--- a/a.md\n+++ b/a.md\n@@ -1 +1 @@\n-x\n+y\n');
    expect(unifiedDiff('a.md', 'same\n', 'same\n')).toBe('');
  });
});
