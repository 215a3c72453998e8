// The 报头's lines shrink to fit, never below their template minSize; a line
// that would have to is an error at the place that wrote it — the 期号 too.
import { describe, expect, it } from 'vitest';
import { MINIMAL } from '../helpers/project.js';
import { typesetFiles } from '../helpers/typeset.js';

const ISSUE = MINIMAL['issues/2024-09/issue.yaml'];
/** jianbao with a smallest size for the 期号 line. */
const TEMPLATE = { 'templates/jianbao.yaml': 'extends: jianbao\nmasthead:\n  number:\n    minSize: 14\n' };
const tooLong = (d: { code: string }) => d.code === 'masthead.tooLong';

describe('the 期号 line', () => {
  it('too long even at its minSize is an error at the number in issue.yaml, and set at minSize', () => {
    const number = '二〇二四年第十二期增刊（庆祝中华人民共和国成立七十五周年暨行业精神文明建设专刊）';
    const { layout, diagnostics } = typesetFiles({ ...TEMPLATE, 'issues/2024-09/issue.yaml': `${ISSUE}number: ${number}\n` });
    expect(diagnostics.filter(tooLong)).toEqual([
      expect.objectContaining({ severity: 'error', params: { text: number, size: 14 }, file: expect.stringMatching(/issue\.yaml$/), line: 5, col: 9 }),
    ]);
    expect(layout.issue.masthead.number!.size).toBe(14);
  });

  it('a little too long is set smaller, in steps of the template’s sizeStep, with no error', () => {
    const number = '二〇二四年第十二期增刊（庆祝行业精神文明创建工作建设专刊）';
    const { layout, diagnostics } = typesetFiles({ ...TEMPLATE, 'issues/2024-09/issue.yaml': `${ISSUE}number: ${number}\n` });
    expect(diagnostics.filter(tooLong)).toEqual([]);
    const size = layout.issue.masthead.number!.size;
    expect(size).toBeLessThan(16);
    expect(size).toBeGreaterThanOrEqual(14);
    expect(size % 0.5).toBe(0);
  });
});

describe('the other lines', () => {
  it('an organisation too long even at its minSize is an error at its line', () => {
    const organization = '上海市邮政快递行业党建工作领导小组、精神文明建设委员会联合办公室';
    const { diagnostics } = typesetFiles({ 'issues/2024-09/issue.yaml': ISSUE.replace(/^organization: .*$/m, `organization: ${organization}`) });
    expect(diagnostics.filter(tooLong)).toEqual([expect.objectContaining({ params: { text: organization, size: 16 }, line: 1, col: 15 })]);
  });
});
