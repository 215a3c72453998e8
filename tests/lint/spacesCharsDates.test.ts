// space.betweenHan, space.trailing, char.fullWidthAlnum, date.zeroPadded,
// date.future, title.tooLong. Bodies start on line 5; the issue date is 2024-09-30.
import { describe, expect, it } from 'vitest';
import { at, fixAndRelint, lintArticle } from './helpers.js';

describe('space.betweenHan', () => {
  const R = 'space.betweenHan';

  it('flags ASCII spaces between Chinese characters and fixes them by removal', () => {
    const linted = lintArticle('中文 字符\n\n你好， 世界\n\n甲  乙\n');
    expect(at(linted.findings, R)).toEqual(['5:3', '7:4', '9:2']);
    expect(linted.findings[0]!.fix).toEqual({ line: 5, col: 3, find: ' ', replacement: '' });
    const { text, again } = fixAndRelint(linted, R);
    expect(text).toContain('中文字符\n\n你好，世界\n\n甲乙\n');
    expect(at(again, R)).toEqual([]);
  });

  it('flags an ideographic space between Chinese characters in running text, without a fix', () => {
    const { findings } = lintArticle('中文　字符\n');
    expect(at(findings, R)).toEqual(['5:3']);
    expect(findings[0]!.fix).toBeUndefined();
    expect(findings[0]!.message.en).toContain('U+3000');
  });

  it('accepts one ideographic space between the phrases of a quoted name or of a title', () => {
    const { findings } = lintArticle('在“半马苏河　工运记忆”展厅内，《为爱接力　向‘新’而行》。\n', {
      front: 'title:\n  - 圆通与中国残联深化战略合作\n  - 持续推进“圆梦行动”　助残就业创业\n',
    });
    expect(at(findings, R)).toEqual([]);
  });

  it('reports, without a fix, an ASCII space or a double space inside a quoted name or a title', () => {
    const { findings } = lintArticle('在“半马苏河 工运记忆”展厅，“甲　　乙”\n', { front: 'title: 持续推进 助残就业\n' });
    expect(at(findings, R)).toEqual(['2:12', '5:7', '5:18']);
    expect(findings.every((f) => f.fix === undefined)).toBe(true);
  });

  it('leaves spaces next to Latin letters and digits alone', () => {
    const body = '2024 年 8 月 26 日\n\n使用 Word 软件\n\nHello world\n';
    expect(at(lintArticle(body).findings, R)).toEqual([]);
  });
});

describe('space.trailing', () => {
  const R = 'space.trailing';

  it('flags trailing spaces and tabs, in the body and the front-matter, and fixes them', () => {
    const linted = lintArticle('文字  \n\n另一段\t\n  \n最后 \n', { front: 'title: 标题 \n' });
    expect(at(linted.findings, R)).toEqual(['2:10', '5:3', '7:4', '8:1', '9:3']);
    const { text, again } = fixAndRelint(linted, R);
    expect(text).toBe('---\ntitle: 标题\n---\n\n文字\n\n另一段\n\n最后\n');
    expect(at(again, R)).toEqual([]);
  });

  it('flags two trailing spaces that make a hard break, suggesting a backslash, without a fix', () => {
    const { findings } = lintArticle('第一行  \n第二行\n');
    expect(at(findings, R)).toEqual(['5:4']);
    expect(findings[0]!.fix).toBeUndefined();
    expect(findings[0]!.message.en).toContain('backslash');
    expect(findings[0]!.message.zh).toContain('反斜杠');
  });

  it('leaves a backslash hard break and clean lines alone', () => {
    expect(at(lintArticle('第一行\\\n第二行\n').findings, R)).toEqual([]);
  });
});

describe('char.fullWidthAlnum', () => {
  const R = 'char.fullWidthAlnum';

  it('flags full-width digits and letters, and fixes them to half-width', () => {
    const linted = lintArticle('２０２４年ＡＢＣ公司ｘ\n');
    expect(at(linted.findings, R)).toEqual(['5:1', '5:6', '5:11']);
    expect(linted.findings[0]!.message.zh).toBe('全角字母或数字应改为半角：“２０２４”→“2024”');
    const { text, again } = fixAndRelint(linted, R);
    expect(text).toContain('2024年ABC公司x\n');
    expect(at(again, R)).toEqual([]);
  });

  it('does not fix digits that would turn a paragraph into a Markdown list', () => {
    const { findings } = lintArticle('１. 文字\n\n第一行\n２) 续行\n\n甲１. 乙\n');
    expect(at(findings, R)).toEqual(['5:1', '8:1', '10:2']);
    expect(findings.map((f) => f.fix?.replacement)).toEqual([undefined, undefined, '1']);
  });

  it('leaves half-width text and full-width punctuation alone', () => {
    expect(at(lintArticle('2024年ABC公司（一）：“好”！\n').findings, R)).toEqual([]);
  });
});

describe('date.zeroPadded', () => {
  const R = 'date.zeroPadded';

  it('flags zero-padded months and days and fixes them', () => {
    const linted = lintArticle('2024年08月06日开会\n\n08月06日\n\n2024年 09 月\n');
    expect(at(linted.findings, R)).toEqual(['5:6', '5:9', '7:1', '7:4', '9:7']);
    expect(linted.findings[0]!.message.zh).toBe('日期数字不补零：写“8月”，不写“08月”');
    const { text, again } = fixAndRelint(linted, R);
    expect(text).toContain('2024年8月6日开会\n\n8月6日\n\n2024年 9 月\n');
    expect(at(again, R)).toEqual([]);
  });

  it('leaves unpadded dates, tens and times alone', () => {
    expect(at(lintArticle('2024年10月20日、8月6日、10:05、第05号、2008年\n').findings, R)).toEqual([]);
  });
});

describe('date.future', () => {
  const R = 'date.future';

  it('flags dates later than the issue date (2024-09-30), the year defaulting to the issue’s', () => {
    const { findings } = lintArticle('2024年10月3日开会\n\n10月3日开会\n\n将于明年1月1日实施\n\n2025 年 1 月 2 日\n');
    expect(at(findings, R)).toEqual(['5:1', '7:1', '9:5', '11:1']);
    expect(findings[0]!.message.en).toBe('the date 2024-10-03 is later than the issue date 2024-09-30; check it');
    expect(findings.every((f) => f.fix === undefined)).toBe(true);
  });

  it('leaves past dates, the issue date, month-only dates and impossible dates alone', () => {
    const body = '9月30日、2024年9月3日、2023年12月31日、去年12月1日、7月至12月、2月30日\n';
    expect(at(lintArticle(body).findings, R)).toEqual([]);
  });

  it('checks title lines too', () => {
    expect(at(lintArticle('正文。\n', { front: 'title: 10月8日活动预告\n' }).findings, R)).toEqual(['2:8']);
  });
});

describe('title.tooLong', () => {
  const R = 'title.tooLong';
  const threeLines = 'title:\n  - 第一行\n  - 第二行\n  - 第三行\n';

  it('flags a title with more lines than allowed (default 2), at its first line', () => {
    const { findings } = lintArticle('正文。\n', { front: threeLines });
    expect(at(findings, R)).toEqual(['3:5']);
    expect(findings[0]!.message.en).toBe('the title has 3 lines, more than the 2 the template allows; shorten it');
  });

  it('uses the typeset line count when given, and the maxTitleLines option', () => {
    const two = 'title:\n  - 第一行\n  - 第二行\n';
    expect(at(lintArticle('正文。\n', { front: two }).findings, R)).toEqual([]);
    const wrapped = lintArticle('正文。\n', { front: two, options: { titleLineCounts: [3] } });
    expect(at(wrapped.findings, R)).toEqual(['3:5']);
    expect(wrapped.findings[0]!.message.en).toContain('sets on 3 lines (written as 2; a line had to wrap)');
    expect(at(lintArticle('正文。\n', { front: threeLines, options: { maxTitleLines: 3 } }).findings, R)).toEqual([]);
    expect(at(lintArticle('正文。\n', { front: threeLines, options: { titleLineCounts: [2] } }).findings, R)).toEqual([]);
  });
});
