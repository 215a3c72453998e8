// The real sample issue (issues/2024-08) through the lint: every finding
// left must be a true one.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/project.js';
import { lintProject } from './helpers.js';

describe('the sample issue', () => {
  const { findings } = lintProject(REPO_ROOT, '2024-08');

  it('has exactly the true findings', () => {
    const summary = findings.map((f) => `${path.basename(f.file)}:${f.line}:${f.col} ${f.rule}`);
    expect(summary).toEqual([
      // “白天充分利用自然光照……做到空调、电脑等设备“人走断电”；……按需购餐杜绝浪费”:
      // a double quote opened directly inside a double quote; the inner pair
      // should be ‘人走断电’ (GB/T 15834: single quotes inside double quotes).
      '02-baoshan-energy-saving.md:11:96 punct.unpaired',
    ]);
    expect(findings[0]!.message.zh).toBe('双引号内再用引号应改用单引号‘’');
    expect(findings[0]!.fix).toBeUndefined();
  });

  it('accepts the deliberate ideographic spaces in quoted names and titles', () => {
    // 03: “半马苏河　工运记忆”, “半马苏河　工运之声”; 08 title: 持续推进“圆梦行动”　助残就业创业;
    // 09: “为爱接力　向‘新’而行”.
    expect(findings.filter((f) => f.rule === 'space.betweenHan')).toEqual([]);
  });
});
