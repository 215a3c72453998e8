// punct.halfWidth, punct.unpaired, punct.straightQuote, punct.ellipsis, punct.dash.
// Article bodies start on line 5 (front-matter `---`, `title: 标题`, `---`, blank).
import { describe, expect, it } from 'vitest';
import { at, fixAndRelint, lintArticle } from './helpers.js';

describe('punct.halfWidth', () => {
  const R = 'punct.halfWidth';

  it('flags , ; : ? ! . in Chinese text, at the offending character', () => {
    const { findings } = lintArticle('今天开会,讨论工作.\n\n甲;乙:丙\n\n是吗?好!\n\n真的?!\n');
    expect(at(findings, R)).toEqual(['5:5', '5:10', '7:2', '7:4', '9:3', '9:5', '11:3', '11:4']);
    const comma = findings.find((f) => f.rule === R && f.col === 5)!;
    expect(comma.message.zh).toBe('中文语境中应使用全角逗号“，”');
    expect(comma.message.en).toBe('use the full-width comma “，” in Chinese text');
    expect(comma.fix).toEqual({ line: 5, col: 5, find: ',', replacement: '，' });
  });

  it('flags a ( ) pair around or next to Chinese text', () => {
    const { findings } = lintArticle('(一)加强学习\n\n使用Office(Word)软件\n');
    expect(at(findings, R)).toEqual(['5:1', '5:3', '7:9', '7:14']);
    // Punctuation right after a URL is not part of it.
    expect(at(lintArticle('网址是https://a.cn/x,请访问\n').findings, R)).toEqual(['5:18']);
  });

  it('leaves numbers, URLs, e-mail addresses and Latin text alone', () => {
    const body = [
      '共1,000元，增长3.5倍，10:30开始，日期2024-08-26，比分3:2。',
      '访问https://example.com/a?b=1,2&c=d:e!查看。',
      '邮箱a.b@example.com联系。',
      '他说Hello, world! How are you?很好。',
      '青浦区“爱心直通车No.004”清凉补给站。',
      'Microsoft Office (Word) 2019 is used.',
      '使用Microsoft Office (Word) 2019版本。',
      '“好”。然后',
    ].join('\n\n');
    expect(at(lintArticle(`${body}\n`).findings, R)).toEqual([]);
  });

  it('places the column right after a Markdown escape, an entity, emphasis and a decomposed character', () => {
    const { findings } = lintArticle('\\*注意\\*今天,好\n\n&amp;甲,乙\n\n**加粗,文字**后\n\ncafe\u0301,中文\n');
    expect(at(findings, R)).toEqual(['5:9', '7:7', '9:5', '11:6']);
    // The fix is exactly the comma at that place.
    expect(findings.filter((f) => f.rule === R).map((f) => f.fix?.find)).toEqual([',', ',', ',', ',']);
  });

  it('places the column on a line that continues a paragraph, in a block quote and in a table', () => {
    const { findings } = lintArticle('第一行\n  第二行,继续\n\n> 引用第一行\n> 第二行,续\n\n| 甲,乙 | 丙 |\n|---|---|\n| 1 | 2 |\n');
    expect(at(findings, R)).toEqual(['6:6', '9:6', '11:4']);
  });

  it('lints the front-matter title, plain and double-quoted', () => {
    const plain = lintArticle('正文。\n', { front: 'title: 标题,测试\n' });
    expect(at(plain.findings, R)).toEqual(['2:10']);
    const quoted = lintArticle('正文。\n', { front: 'title:\n  - 第一行\n  - "标\\u9898,测试"\n' });
    expect(at(quoted.findings, R)).toEqual(['4:13']);
    expect(quoted.findings[0]!.fix).toEqual({ line: 4, col: 13, find: ',', replacement: '，' });
  });

  it('fixes to the full-width mark, taking the spaces around it; the fixed text is clean', () => {
    const linted = lintArticle('今天开会, 讨论工作.\n\n(一)加强学习; 提高认识 : 好?\n');
    const { text, skipped, again } = fixAndRelint(linted, R);
    expect(skipped).toBe(0);
    expect(text).toBe('---\ntitle: 标题\n---\n\n今天开会，讨论工作。\n\n（一）加强学习；提高认识：好？\n');
    expect(at(again, R)).toEqual([]);
  });
});

describe('punct.unpaired', () => {
  const R = 'punct.unpaired';

  it('flags an unclosed opener and an unopened closer', () => {
    const { findings } = lintArticle('他说“好\n\n好”\n\n《规划\n');
    expect(at(findings, R)).toEqual(['5:3', '7:2', '9:1']);
    expect(findings[0]!.message.zh).toBe('「“」没有配对的「”」，请补上或删去');
    expect(findings[0]!.message.en).toBe('"“" has no matching "”"; add it or remove the "“"');
    expect(findings.every((f) => f.fix === undefined)).toBe(true);
  });

  it('flags wrongly nested (crossing) marks once', () => {
    const { findings } = lintArticle('（甲“乙）丙”\n');
    expect(at(findings, R)).toEqual(['5:5']);
    expect(findings[0]!.message.en).toContain('wrongly nested');
  });

  it('flags a double quote directly inside double quotes', () => {
    const { findings } = lintArticle('提出“白天，做到“人走断电”；节约”等细则\n');
    expect(at(findings, R)).toEqual(['5:9']);
    expect(findings[0]!.message.zh).toBe('双引号内再用引号应改用单引号‘’');
  });

  it('pairs within one paragraph, not across paragraphs', () => {
    expect(at(lintArticle('“甲\n\n乙”\n').findings, R)).toEqual(['5:1', '7:2']);
    // A paragraph spanning source lines is one unit.
    expect(at(lintArticle('“甲\n乙”\n').findings, R)).toEqual([]);
  });

  it('pairs within each title line', () => {
    const { findings } = lintArticle('正文。\n', { front: 'title:\n  - 持续推进“圆梦\n  - 行动”助残\n' });
    expect(at(findings, R)).toEqual(['3:9', '4:7']);
  });

  it('leaves correct nesting, apostrophes and full-width parentheses alone', () => {
    const body = '“甲‘乙’丙”\n\n《“十四五”上海市邮政业发展规划》\n\n他说don’t worry。\n\n（2+2）+（3+6）\n\n【行业动态】\n';
    expect(at(lintArticle(body).findings, R)).toEqual([]);
  });
});

describe('punct.straightQuote', () => {
  const R = 'punct.straightQuote';

  it('flags straight quotes in Chinese text and fixes a clean pair', () => {
    const linted = lintArticle('他说"好的"然后走了\n\n他说\'好\'\n');
    expect(at(linted.findings, R)).toEqual(['5:3', '5:6', '7:3', '7:5']);
    const { text, again } = fixAndRelint(linted, R);
    expect(text).toContain('他说“好的”然后走了\n\n他说‘好’\n');
    expect(at(again, R)).toEqual([]);
  });

  it('pairs across the lines of one paragraph', () => {
    const linted = lintArticle('他说"好\n的"然后\n');
    expect(at(linted.findings, R)).toEqual(['5:3', '6:2']);
    expect(fixAndRelint(linted, R).text).toContain('他说“好\n的”然后\n');
  });

  it('reports but does not fix an odd count or a quote next to a space', () => {
    const odd = lintArticle('他说"好的然后\n');
    expect(at(odd.findings, R)).toEqual(['5:3']);
    expect(odd.findings[0]!.fix).toBeUndefined();
    const spaced = lintArticle('他说" 好"然后\n');
    expect(at(spaced.findings, R)).toEqual(['5:3', '5:6']);
    expect(spaced.findings.every((f) => f.fix === undefined)).toBe(true);
  });

  it('leaves Latin quotes and apostrophes alone', () => {
    const body = 'He said "hi" to me.\n\n版本为v1.0 "beta"\n\nXi\'an是西安。\n\n访问https://a.cn/?q="x"查看。\n';
    expect(at(lintArticle(body).findings, R)).toEqual([]);
  });
});

describe('punct.ellipsis', () => {
  const R = 'punct.ellipsis';

  it('flags ..., 。。。, ···, a single … and ⋯ runs', () => {
    const { findings } = lintArticle('等等...\n\n等等。。。\n\n等等···\n\n等等…\n\n等等⋯⋯\n\n等等………\n');
    expect(at(findings, R)).toEqual(['5:3', '7:3', '9:3', '11:3', '13:3', '15:3']);
    expect(findings[0]!.message.zh).toBe('省略号应写作“……”（两个“…”）');
  });

  it('fixes to ……; the fixed text is clean', () => {
    const linted = lintArticle('等等...好\n\n等等。。。\n\n等等…\n\n等等⋯⋯\n');
    const { text, again } = fixAndRelint(linted, R);
    expect(text).toContain('等等……好\n\n等等……\n\n等等……\n\n等等……\n');
    expect(at(again, R)).toEqual([]);
  });

  it('leaves …… and ………… and Latin text alone', () => {
    const body = '等等……\n\n省略…………\n\nWait... what?\n\n版本1.2.3发布。\n';
    expect(at(lintArticle(body).findings, R)).toEqual([]);
  });
});

describe('punct.dash', () => {
  const R = 'punct.dash';

  it('flags a single — between Chinese characters and -- in Chinese text', () => {
    const { findings } = lintArticle('他说—这是\n\n他说--这是\n\n他说 -- 这是\n\n标题—“副标题”\n');
    expect(at(findings, R)).toEqual(['5:3', '7:3', '9:4', '11:3']);
  });

  it('fixes to ——, taking the spaces around --; the fixed text is clean', () => {
    const linted = lintArticle('他说—这是\n\n他说 -- 这是\n');
    const { text, again } = fixAndRelint(linted, R);
    expect(text).toContain('他说——这是\n\n他说——这是\n');
    expect(at(again, R)).toEqual([]);
  });

  it('leaves ——, ranges with digits, hyphens and Latin alone', () => {
    const body = '他说——这是\n\n日期2024-08-26\n\n8月14日—20日\n\n运行命令--help查看\n\nA--B\n\n— 3 —\n';
    expect(at(lintArticle(body).findings, R)).toEqual([]);
  });
});
