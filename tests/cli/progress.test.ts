// The progress line of a long build (src/cli/progress.ts): on a terminal it
// shows what the build is doing and is erased, so what stays on the screen
// is the same as without it; without a terminal, with --json or --quiet,
// nothing of it is written.
import { beforeAll, describe, expect, it } from 'vitest';
import { childEnv, runCli } from '../helpers/cli.js';
import { MINIMAL, writeProject } from '../helpers/project.js';
import { runInTerminal } from '../helpers/terminal.js';
import { fitColumns, progressLine } from '../../src/cli/progress.js';

const PARA = '为贯彻落实《“十四五”上海市邮政业发展规划》，推动快递业与制造业深度融合发展。';

/** What the progress line says, in English (src/cli/texts.ts): a stage and the seconds. */
const PROGRESS = /(reading|typesetting|rendering the (PDF|DOCX)|writing the files)… \(\d+ s\)/;

/** A project whose one article is about 1 MB: its build takes well over 2 s (checked below without a terminal). */
let root: string;
beforeAll(() => {
  let body = '';
  for (let n = 0; Buffer.byteLength(body) < 1_000_000; n++) body += `${PARA}第${n}段。\n\n`;
  root = writeProject({ ...MINIMAL, 'issues/2024-09/01-a.md': `---\ntitle: 长文\n---\n\n${body}` });
});

const WROTE = [/^wrote out\/2024-09\.pdf \(\d+ pages, \d+ KB\)$/, /^wrote out\/2024-09\.docx \(\d+ KB\)$/];

describe('the progress of a long build', () => {
  it('is shown on a terminal and erased: the screen holds only the results', async () => {
    const r = await runInTerminal(root, ['build', '2024-09', '--lang', 'en']);
    expect(r.status, r.raw).toBe(0);
    expect(r.raw).toMatch(PROGRESS);
    expect(r.screen, r.raw).toHaveLength(2);
    r.screen.forEach((line, i) => expect(line).toMatch(WROTE[i]!));
  }, 120_000);

  it('is not written with --quiet or --json, even on a terminal', async () => {
    const quiet = await runInTerminal(root, ['--quiet', 'build', '2024-09', '--lang', 'en']);
    expect(quiet.status, quiet.raw).toBe(0);
    expect(quiet.raw).toBe('');
    const json = await runInTerminal(root, ['build', '2024-09', '--json', '--lang', 'en']);
    expect(json.status, json.raw).toBe(0);
    expect(json.raw).not.toMatch(PROGRESS);
    expect(json.raw).not.toContain('\x1b[K');
    // The results go to stderr with --json, the same terminal as the report after them.
    expect(JSON.parse(json.raw.slice(json.raw.indexOf('{'))).ok).toBe(true);
  }, 180_000);

  it('is not written when stderr is not a terminal', async () => {
    const r = await runCli(root, ['build', '2024-09', '--lang', 'en'], childEnv());
    expect(r.status, r.stderr).toBe(0);
    expect(r.ms).toBeGreaterThan(2000);
    expect(r.stderr).toBe('');
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\r|\x1b/);
  }, 120_000);
});

/** Terminal columns of `s`, counted independently of progress.ts: CJK ideographs and fullwidth forms take two. */
const columnsOf = (s: string) => [...s].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uff60]/.test(c) ? 2 : /\p{M}/u.test(c) ? 0 : 1), 0);

describe('the progress line on a narrow terminal', () => {
  const LONG = '正在构建 2024-08：排版《上海市邮政快递行业 党建、文明创建工作简报》第十二篇文章…（12 秒）';

  it('is cut to the terminal width less one column, ending in an ellipsis, wide characters counted as two', () => {
    for (const columns of [10, 20, 33, 40, 80]) {
      const cut = fitColumns(LONG, columns);
      expect(columnsOf(cut), `${columns}: ${cut}`).toBeLessThanOrEqual(columns - 1);
      if (columnsOf(LONG) > columns - 1) {
        expect(cut.endsWith('…')).toBe(true);
        expect(LONG.startsWith(cut.slice(0, -1))).toBe(true);
        // Nothing more than needed is cut: one more character would not fit with the ellipsis' two columns.
        const next = [...LONG][[...cut].length - 1]!;
        expect(columnsOf(cut) - 1 + 2 + columnsOf(next)).toBeGreaterThan(columns - 1);
      }
    }
    expect(fitColumns(LONG, 200)).toBe(LONG);
    expect(fitColumns(LONG, undefined)).toBe(LONG);
    expect(fitColumns('e\u0301'.repeat(30), 12)).toBe('e\u0301'.repeat(9) + '…');
    // Too narrow for an ellipsis: what fits, without one.
    expect(fitColumns('ab', 2)).toBe('a');
    expect(fitColumns('简报', 3)).toBe('简');
    // Emoji are wide too.
    expect(fitColumns('🚀'.repeat(10), 11)).toBe('🚀'.repeat(4) + '…');
  });

  it('draws the cut line on the stream, as wide as the stream says it is', () => {
    const written: string[] = [];
    const stream = { columns: 24, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream;
    const line = progressLine(stream, true, 0);
    line.show(() => LONG);
    line.stop();
    const drawn = written[0]!.replace('\r\x1b[K', '');
    expect(columnsOf(drawn)).toBeLessThanOrEqual(23);
    expect(drawn.endsWith('…')).toBe(true);
  });
});
