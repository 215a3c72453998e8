// A rebuild that reuses what earlier builds read and set (BuildCaches: the
// preview's) gives exactly the Layout and the diagnostics of a build from
// nothing, after every kind of save: text appended, a list, table or
// 编者按 changed, an article removed or added, issue.yaml changed, an image
// replaced, a template changed. And it does reuse: unchanged articles keep
// their set-tree nodes.
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareIssue, type Prepared } from '../../src/build.js';
import { BuildCaches } from '../../src/buildCaches.js';
import { articlesOf } from '../../src/typeset/documentMetadata.js';
import { png } from '../helpers/images.js';
import { copySampleProject, loadProjectOrThrow, REPO_ROOT } from '../helpers/project.js';

/** Every kind of block, a fallback character (喆) and one no font has (U+E000). */
const RICH = `---
title: 各类内容的测试文章
section: 测试栏目
source: 测试单位
---

## 一级标题

正文里有**加粗**和*强调*，还有李喆的名字和私用区\uE000字符。

1. 第一项
2. 第二项，稍长一些，写到能折行为止，再多写一些字让它确实折到第二行上去。
   - 嵌套的一项

> 编者按：这是一段编者按，放在方框里。
>
> 编者按的第二段。

| 项目 | 数量 |
| --- | ---: |
| 快递 | 12 |
| 邮件 | 3 |

![一张图的说明](images/a.jpg)

### 二级标题

最后一段。
`;

function dropModel(p: Prepared) {
  return { layout: p.layout, diagnostics: p.diagnostics.items };
}

describe('rebuilding with the preview’s caches', () => {
  it('gives the Layout and diagnostics of a build from nothing, after each kind of save', () => {
    const root = copySampleProject();
    const dir = path.join(root, 'issues/2024-08');
    mkdirSync(path.join(dir, 'images'));
    copyFileSync(path.join(REPO_ROOT, 'tests/fixtures/images/gradient.jpg'), path.join(dir, 'images/a.jpg'));
    writeFileSync(path.join(dir, '06b-rich.md'), RICH);
    const project = loadProjectOrThrow(root);
    const caches = new BuildCaches();
    const build = (changed: string[]) => {
      caches.changed(changed, project);
      let incremental: Prepared;
      try {
        incremental = prepareIssue(project, "2024-08", { drafts: true, caches });
      } catch (err) {
        throw new Error(JSON.stringify((err as { diagnostics?: unknown }).diagnostics));
      }
      const fresh = prepareIssue(project, '2024-08', { drafts: true });
      expect(dropModel(incremental)).toEqual(dropModel(fresh));
      return incremental;
    };
    const file = (name: string) => path.join(dir, name);

    let previous = build([]);
    expect(previous.diagnostics.items.some((d) => d.code === 'glyph.missing')).toBe(true);
    expect(previous.diagnostics.items.some((d) => d.code === 'glyph.fallback')).toBe(true);
    const saves: Array<[string, () => string[]]> = [
      ['a paragraph appended', () => (appendFileSync(file('03-qingpu-putuo-party-building.md'), '\n新加的一段文字，把后面的文章都往后推。\n'), [file('03-qingpu-putuo-party-building.md')])],
      ['a list item and a table cell changed', () => (writeFileSync(file('06b-rich.md'), RICH.replace('第一项', '改过的第一项').replace('| 12 |', '| 1200 |')), [file('06b-rich.md')])],
      ['the 编者按 longer', () => (writeFileSync(file('06b-rich.md'), RICH.replace('放在方框里。', '放在方框里，'.repeat(30))), [file('06b-rich.md')])],
      ['an image replaced', () => (writeFileSync(file('images/a.jpg'), png(900, 300)), [file('images/a.jpg')])],
      ['an article removed', () => (rmSync(file('02-baoshan-energy-saving.md')), [file('02-baoshan-energy-saving.md')])],
      ['an article added first', () => (writeFileSync(file('00-new.md'), '---\ntitle: 新的第一篇\n---\n\n第一篇的正文，含喆字。\n'), [file('00-new.md')])],
      ['issue.yaml changed', () => {
        const yaml = file('issue.yaml');
        writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('date: 2024-08-26', 'date: 2024-09-02\nnumber: 9'));
        return [yaml];
      }],
      ['a file saved unchanged', () => (writeFileSync(file('05-fengxian-jinshan-symposium.md'), readFileSync(file('05-fengxian-jinshan-symposium.md'))), [file('05-fengxian-jinshan-symposium.md')])],
      ['a project template', () => {
        const tpl = path.join(root, 'templates/jianbao.yaml');
        mkdirSync(path.dirname(tpl), { recursive: true });
        writeFileSync(tpl, 'extends: jianbao\ncolors:\n  red: { rgb: "#CC0000", cmyk: [0, 100, 100, 10] }\n');
        return [tpl];
      }],
    ];
    for (const [what, save] of saves) {
      const changed = save();
      const next = build(changed);
      const before = new Map(articlesOf(previous.layout.issue).map((a) => [a.model.file, a]));
      const reused = articlesOf(next.layout.issue).filter((a) => before.get(a.model.file) === a);
      if (what === 'a project template') expect(reused, what).toEqual([]);
      else expect(reused.length, what).toBeGreaterThanOrEqual(articlesOf(next.layout.issue).length - 1);
      previous = next;
    }
  });
});
