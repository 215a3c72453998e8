// Hand-checked cases for the line-breaking rules of docs/format.md §7, on the
// jianbao grid (26 characters of 16 pt in 416 pt).
import { describe, expect, it } from 'vitest';
import { setLines, type MeasureSpec, type SetLine } from '../../src/typeset/setLines.js';
import { contextFor } from '../helpers/typeset.js';

const ctx = contextFor('jianbao');
const g = ctx.geometry;
const EM = g.body.size;
const han = (n: number) => '汉'.repeat(n);

function lay(text: string, spec: Partial<MeasureSpec> = {}): SetLine[] {
  return setLines([{ text, style: g.body }], { width: g.width, align: 'justify', ...spec }, ctx);
}
const texts = (lines: SetLine[]) => lines.map((l) => l.text);

/** Right edge of a line as set: a closing mark at the end counts half width. */
function rightEdge(line: SetLine): number {
  const last = line.glyphs.at(-1)!;
  return line.x + last.x + last.advance - last.atom.blankRight;
}

describe('forbidden line starts', () => {
  it('a comma after a full line: push-in impossible, so the last character moves down with it', () => {
    const lines = lay(`${han(26)}，${han(10)}`);
    expect(texts(lines)).toEqual([han(25), `${han(1)}，${han(10)}`]);
  });

  it('push-in: the comma squeezes in when the line has a mark whose blank can go', () => {
    const lines = lay(`${han(10)}，${han(15)}，${han(5)}`);
    expect(texts(lines)).toEqual([`${han(10)}，${han(15)}，`, han(5)]);
    // The mid-line comma gave up its blank half: the line still ends at the measure.
    const l = lines[0]!;
    const mid = l.glyphs[10]!;
    const next = l.glyphs[11]!;
    expect(next.x - mid.x).toBeCloseTo(EM / 2, 3);
    expect(l.glyphs.at(-1)!.x + EM / 2).toBeCloseTo(g.width, 3);
  });

  it.each([['。'], ['、'], ['”'], ['）'], ['》'], ['：'], ['；'], ['？'], ['！'], ['%'], ['·'], ['～'], ['…']])(
    '%s never starts a line',
    (mark) => {
      const lines = lay(`${han(26)}${mark}${han(30)}`);
      for (const line of lines.slice(1)) expect(line.text.startsWith(mark)).toBe(false);
    },
  );

  it('a single dash does not start a line, a doubled dash may', () => {
    expect(lay(`${han(26)}—${han(5)}`)[1]!.text.startsWith('—')).toBe(false);
    expect(texts(lay(`${han(26)}——${han(5)}`))).toEqual([han(26), `——${han(5)}`]);
  });
});

describe('forbidden line ends', () => {
  it.each([['“'], ['（'], ['《'], ['【'], ['‘'], ['「']])('%s never ends a line', (mark) => {
    const lines = lay(`${han(25)}${mark}${han(30)}`);
    expect(lines[0]!.text).toBe(han(25));
    expect(lines[1]!.text.startsWith(mark)).toBe(true);
  });
});

describe('units are never split', () => {
  it.each([
    ['——', '——'],
    ['……', '……'],
    ['2024.08', 'number with a point'],
    ['1,000', 'number with a comma'],
    ['10:30', 'time'],
    ['2024-08-26', 'date'],
    ['95.5%', 'percentage'],
    ['Hello', 'Latin word'],
    ['YFM118E', 'letters and digits'],
    ['？！', 'run of ？！'],
  ])('%s (%s) straddling the line end moves down whole', (unit) => {
    const lines = lay(`${han(25)}${unit}${han(10)}`);
    const joined = lines.map((l) => l.text);
    expect(joined.some((t) => t.includes(unit))).toBe(true);
    expect(joined.join('')).toBe(`${han(25)}${unit}${han(10)}`);
  });

  it('a unit longer than a whole line starts on the line it begins on, which is not stretched', () => {
    const url = 'https://www.example.gov.cn/very/long/path/to/a/document/about/express/delivery/2024-08.html';
    const lines = lay(`详见${han(10)}页面${url}。`);
    // The first line is filled by the URL's first pieces, not 14 characters spread over 26.
    expect([...lines[0]!.text].length).toBeGreaterThan(20);
    const gaps = lines[0]!.glyphs.slice(1).map((x, i) => x.x - lines[0]!.glyphs[i]!.x - lines[0]!.glyphs[i]!.advance);
    expect(Math.max(...gaps)).toBeLessThan(4);
    const digits = '1'.repeat(70);
    const n = lay(`编号为${digits}的文件`);
    expect([...n[0]!.text].length).toBeGreaterThan(30);
  });

  it('a URL longer than a line breaks after / . @ - only', () => {
    const url = 'https://www.example.gov.cn/very/long/path/to/a/document/about/express/delivery/2024-08.html';
    const lines = lay(`见${url}。`);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines.slice(0, -1)) expect(l.text).toMatch(/[/.@-]$/);
    expect(lines.map((l) => l.text).join('')).toBe(`见${url}。`);
  });
});

describe('punctuation', () => {
  it('two adjacent marks take 1.5 em: the blank between them goes', () => {
    const [line] = lay('他说。”然后', { align: 'left' });
    const [period, quote, after] = [line!.glyphs[2]!, line!.glyphs[3]!, line!.glyphs[4]!];
    expect(quote.x - period.x).toBeCloseTo(EM / 2, 3);
    expect(after.x - quote.x).toBeCloseTo(EM, 3);
  });

  it('a closing mark then an opening one: 1.5 em', () => {
    const [line] = lay('规划》《关于', { align: 'left' });
    const g2 = line!.glyphs;
    // 》 half width, 《 keeps its blank on the left.
    expect(g2[3]!.x - g2[2]!.x).toBeCloseTo(EM / 2, 3);
    expect(g2[4]!.x - g2[3]!.x).toBeCloseTo(EM, 3);
  });

  it('two opening marks: the second loses its left blank', () => {
    const [line] = lay('落实《“十四五', { align: 'left' });
    const g2 = line!.glyphs;
    // “ is drawn half an em to the left, so the pair takes 1.5 em.
    expect(g2[3]!.x - g2[2]!.x).toBeCloseTo(EM / 2, 3);
    expect(g2[4]!.x - g2[3]!.x).toBeCloseTo(EM, 3);
  });

  it('a closing mark at a line end is set half width', () => {
    const lines = lay(`${han(25)}，${han(10)}`);
    const first = lines[0]!;
    expect(first.text).toBe(`${han(25)}，`);
    // 25.5 em of material stretched over the measure: the comma's glyph starts half an em before the edge.
    expect(first.x + first.glyphs.at(-1)!.x).toBeCloseTo(g.width - EM / 2, 3);
  });

  it('half-width marks next to Latin or digits are not compressed', () => {
    const [line] = lay('（2+2）+（3+6）', { align: 'left' });
    const gl = line!.glyphs;
    // ）+: the bracket keeps its blank half on the right.
    expect(gl[5]!.x - gl[4]!.x).toBeCloseTo(EM, 3);
  });
});

describe('justification', () => {
  it('every line but the last fills the measure exactly, by equal space between characters', () => {
    const text = '为贯彻落实《“十四五”上海市邮政业发展规划》《关于促进本市快递业与制造业深度融合发展的实施意见》，加快构建上海“（2+2）+（3+6）+（4+5）”现代化产业体系，推进快递业与集成电路、生物医药、人工智能三大先导产业。';
    const lines = lay(text, { firstIndent: 2 * g.charPitch });
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines.slice(0, -1)) {
      expect(l.justified).toBe(true);
      expect(Math.abs(rightEdge(l) - g.width)).toBeLessThan(0.01);
      // Equal space between the single characters of the line (no marks squeezed in this text's lines).
      const gaps = l.glyphs.slice(1).map((x, i) => x.x - l.glyphs[i]!.x - l.glyphs[i]!.advance);
      const plain = gaps.filter((_, i) => l.glyphs[i]!.atom.kind === 'cjk' && l.glyphs[i + 1]!.atom.kind === 'cjk');
      for (const gap of plain) expect(gap).toBeCloseTo(plain[0]!, 6);
    }
    // The last line is not stretched.
    expect(rightEdge(lines.at(-1)!)).toBeLessThanOrEqual(g.width + 0.01);
    expect(lines.map((l) => l.text).join('')).toBe(text);
  });

  it('Latin words keep their letter spacing; only the spaces and boundaries stretch', () => {
    const lines = lay(`${han(18)}使用 Microsoft Word 编辑${han(20)}`);
    const first = lines[0]!;
    const letters = first.glyphs.filter((x) => /[A-Za-z]/.test(x.ch));
    for (let i = 1; i < letters.length; i++) {
      if (letters[i]!.atom === letters[i - 1]!.atom) {
        expect(letters[i]!.x - letters[i - 1]!.x).toBeCloseTo(letters[i - 1]!.advance, 6);
      }
    }
  });

  it('ASCII punctuation clings to its Latin word: no stretch between "dog" and "."', () => {
    const lines = lay(`${han(10)}The quick brown fox jumps over the lazy dog. (Word) and 1,000, then${han(20)}`);
    for (const l of lines) {
      for (let i = 1; i < l.glyphs.length; i++) {
        if (/[.,)]/.test(l.glyphs[i]!.ch) || l.glyphs[i - 1]!.ch === '(') {
          expect(l.glyphs[i]!.x - l.glyphs[i - 1]!.x - l.glyphs[i - 1]!.advance, `${l.glyphs[i - 1]!.ch}${l.glyphs[i]!.ch}`).toBeCloseTo(0, 6);
        }
      }
    }
  });

  it('no space is added between Chinese and digits; typed spaces are a quarter em', () => {
    const [line] = lay('2024年8月', { align: 'left' });
    const gl = line!.glyphs;
    expect(gl[4]!.x - (gl[3]!.x + gl[3]!.advance)).toBeCloseTo(0, 6);
    const [spaced] = lay('2024 年', { align: 'left' });
    const s = spaced!.glyphs;
    expect(s[4]!.x - (s[3]!.x + s[3]!.advance)).toBeCloseTo(EM / 4, 6);
  });

  it('a hard line break ends a line without stretching it', () => {
    const lines = setLines(
      [{ text: han(10), style: g.body }, { lineBreak: true, style: g.body }, { text: han(10), style: g.body }],
      { width: g.width, align: 'justify' },
      ctx,
    );
    expect(texts(lines)).toEqual([han(10), han(10)]);
    expect(lines[0]!.justified).toBe(false);
  });
});

describe('the gbt9704 grid', () => {
  it('28 characters of 16 pt at a 15.79 pt pitch fill 156 mm', () => {
    const c = contextFor('gbt9704');
    const lines = setLines([{ text: han(60), style: c.geometry.body }], { width: c.geometry.width, align: 'justify' }, c);
    expect(lines[0]!.glyphs).toHaveLength(28);
    expect(lines[0]!.glyphs[1]!.x - lines[0]!.glyphs[0]!.x).toBeCloseTo(15.79, 2);
  });
});
