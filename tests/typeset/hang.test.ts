// Text after a list marker or a 报尾 label (报：, 送：) starts exactly at the
// hang on every line, the first included: justification stretches the text,
// never the space between the marker or label and it. Checked on the glyph
// positions of the typeset Layout, in both built-in templates.
import { describe, expect, it } from 'vitest';
import { MINIMAL } from '../helpers/project.js';
import { listItemOf, textNodeOf } from '../helpers/setTree.js';
import { glyphLines, lineText, typesetFiles } from '../helpers/typeset.js';

const ITEM = '第一项措施，内容较长，需要换行的时候后面的行应当与第一行的文字对齐，而不是与编号对齐，再长一点，再长一点。';
const SENT = '上海市文明办，上海市建交党委办公室，上海市建交系统文明办，上海市交通委文明办，上海市邮政管理局各处室、管理局、文明办，上海市快递行业协会，各快递企业';

describe.each([['jianbao'], ['gbt9704']])('in %s', (template) => {
  const { issue, layout, ctx } = typesetFiles({
    'issues/2024-09/issue.yaml': `${MINIMAL['issues/2024-09/issue.yaml']}template: ${template}\ndistribution:\n  报: [国家邮政局精神文明建设指导委员会]\n  送: ${SENT}\n`,
    'issues/2024-09/01-a.md': `---\ntitle: 测试文章\n---\n\n正文。\n\n1. ${ITEM}\n2. 第二项。\n`,
  });
  const page = layout.pages.at(-1)!;
  const x0 = page.textBlock.x;
  const lines = glyphLines(page, ctx);

  it('a list item: the marker at the indent, the text at the hang on every line', () => {
    const list = issue.articles[0]!.blocks[1]!;
    if (list.type !== 'list') throw new Error('no list');
    const model = list.items[0]!.blocks[0]!;
    const setting = listItemOf(layout, model);
    const at = lines.findIndex((l) => lineText(l).startsWith('1.第一项'));
    const item = lines.slice(at, at + textNodeOf(layout, model).lines.length);
    expect(item.length).toBeGreaterThan(2);
    expect(item.map(lineText).join('')).toBe(`1.${ITEM}`);
    expect(item[0]![0]!.x).toBeCloseTo(x0 + setting.label.x, 6);
    const texts = [item[0]!.slice(2), ...item.slice(1)];
    for (const l of texts) expect(l[0]!.x, lineText(l)).toBeCloseTo(x0 + setting.hang, 6);
    // Justified lines end on the measure: the stretch went between the text's characters.
    const last = item[0]!.at(-1)!;
    expect(last.x + ctx.fonts.face('fangsong').advance(last.ch.codePointAt(0)!) * 16 + ctx.geometry.charPitch - 16).toBeCloseTo(x0 + ctx.geometry.width, 3);
  });

  it('a 送 entry of three lines: the label one character in, the text after its full width on every line', () => {
    const inset = ctx.template.distribution.indent * 14;
    const hang = layout.issue.distribution!.entries[1]!.labelWidth;
    // Two full-width characters of 14 pt on the grid's tracking.
    expect(hang).toBeCloseTo(2 * 14 * (1 + ctx.geometry.trackingEm), 6);
    const at = lines.findIndex((l) => lineText(l).startsWith('送：'));
    const entry = lines.slice(at, at + 3);
    expect(entry.map(lineText).join('')).toBe(`送：${SENT}`);
    expect(entry[0]![0]!.x).toBeCloseTo(x0 + inset, 6);
    const texts = [entry[0]!.slice(2), ...entry.slice(1)];
    for (const l of texts) expect(l[0]!.x, lineText(l)).toBeCloseTo(x0 + inset + hang, 6);
  });
});
