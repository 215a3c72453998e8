// What a notice writes that is not a mistake: deadlines and appointed days
// later than the issue date (date.future), a space between a unit and a
// name on a 落款 line (space.betweenHan reports it without a fix), and a
// 编者按 label with a half-width colon (recognised, and fixed to the
// full-width one). Bodies start on line 5; the issue date is 2024-09-30.
import { describe, expect, it } from 'vitest';
import { afterQuoteLabel } from '../../src/text/quoteLabel.js';
import { at, fixAndRelint, lintArticle } from './helpers.js';

describe('date.future in a notice', () => {
  const R = 'date.future';

  it('leaves deadlines and appointed days alone', () => {
    const body = '请于10月10日前报送。\n\n定于10月2日举行。\n\n即日起至10月31日止。\n\n自10月8日起施行。\n\n截至10月15日。\n';
    expect(at(lintArticle(body).findings, R)).toEqual([]);
  });

  it('still flags a later date a report gives as its own', () => {
    expect(at(lintArticle('10月3日，学校召开会议。\n').findings, R)).toEqual(['5:1']);
  });

  it('leaves the dates of a table (a timetable) alone', () => {
    const body = '| 日期 | 内容 |\n|---|---|\n| 10月2日 | 开班 |\n';
    expect(at(lintArticle(body).findings, R)).toEqual([]);
  });
});

describe('space.betweenHan on a signature line', () => {
  const R = 'space.betweenHan';

  it('reports a space between a unit and a name without a fix, in lines ended by hard breaks', () => {
    const { findings } = lintArticle('正文。\n\n党委宣传部 张明\\\n2024年9月20日\n');
    expect(at(findings, R)).toEqual(['7:6']);
    expect(findings.find((f) => f.rule === R)!.fix).toBeUndefined();
    expect(findings.find((f) => f.rule === R)!.message.en).toContain('signature line');
  });

  it('and in a paragraph followed by a date alone', () => {
    const { findings } = lintArticle('正文。\n\n党委宣传部 张明\n\n2024年9月20日\n');
    expect(at(findings, R)).toEqual(['7:6']);
    expect(findings.find((f) => f.rule === R)!.fix).toBeUndefined();
  });

  it('still removes a stray space in running text, and accepts an ideographic space on a signature line', () => {
    const linted = lintArticle('这是 正文，很长的一句。\n\n党委宣传部　张明\\\n2024年9月20日\n');
    expect(at(linted.findings, R)).toEqual(['5:3']);
    const { text } = fixAndRelint(linted, R);
    expect(text).toContain('这是正文，');
    expect(text).toContain('党委宣传部　张明');
  });
});

describe('编者按 with a half-width colon', () => {
  const para = (value: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, value, pos: { file: 'a.md', line: 5, col: 3 } }], pos: { file: 'a.md', line: 5, col: 3 } });

  it('is the label: what follows it is the note', () => {
    expect(afterQuoteLabel(para('编者按: 本期刊发。'), '编者按：')).toEqual([expect.objectContaining({ value: '本期刊发。' })]);
    expect(afterQuoteLabel(para('编者按：本期刊发。'), '编者按：')).toEqual([expect.objectContaining({ value: '本期刊发。' })]);
    expect(afterQuoteLabel(para('编者说: 本期刊发。'), '编者按：')).toBeUndefined();
  });

  it('check --fix writes the full-width colon', () => {
    const linted = lintArticle('> 编者按: 本期刊发一篇通知。\n');
    expect(at(linted.findings, 'punct.halfWidth')).toEqual(['5:6']);
    const { text, again } = fixAndRelint(linted, 'punct.halfWidth');
    expect(text).toContain('> 编者按：本期刊发一篇通知。');
    expect(at(again, 'punct.halfWidth')).toEqual([]);
  });
});
