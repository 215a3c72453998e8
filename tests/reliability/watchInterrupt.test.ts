// Ctrl+C in `build --watch` (src/cli/buildCommand.ts, untilInterrupted):
// between rebuilds it ends the watch with exit 0; during a rebuild it stops
// the rebuild as any build is stopped — its temporaries removed, the earlier
// outputs byte for byte as they were, exit 130 (SIGINT) or 143 (SIGTERM).
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { start } from '../helpers/cli.js';
import { MINIMAL, writeProject } from '../helpers/project.js';
import { childEnv, temporaries } from './helpers.js';

const PARA = '为贯彻落实《“十四五”上海市邮政业发展规划》，推动快递业与制造业深度融合发展。';
const WATCHING = /watching for changes/;

function exitOf(child: ReturnType<typeof start>['child']): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('close', (c) => resolve(c))));
}

describe('Ctrl+C in build --watch', () => {
  it('between rebuilds ends the watch: exit 0', async () => {
    const root = writeProject(MINIMAL);
    const run = start(root, ['build', '2024-09', '--watch', '--lang', 'en'], childEnv());
    await run.waitFor(WATCHING);
    run.child.kill('SIGINT');
    expect(await exitOf(run.child), run.output()).toBe(0);
    expect(run.output()).not.toContain('interrupted');
  }, 60_000);

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s during a rebuild stops it: temporaries removed, the earlier outputs as they were, exit %i', async (signal, status) => {
    let body = '';
    for (let n = 0; Buffer.byteLength(body) < 600_000; n++) body += `${PARA}第${n}段。\n\n`;
    const article = path.join('issues/2024-09/01-a.md');
    const root = writeProject({ ...MINIMAL, [article]: `---\ntitle: 长文\n---\n\n${body}` });
    const out = path.join(root, 'out');
    const run = start(root, ['build', '2024-09', '--watch', '--format', 'pdf', '--lang', 'en'], childEnv());
    await run.waitFor(WATCHING, 90_000);
    await run.waitFor(/wrote out[\\/]2024-09\.pdf/, 90_000);
    const before = readFileSync(path.join(out, '2024-09.pdf'));
    const from = run.output().length;
    appendFileSync(path.join(root, article), '\n新加的一段。\n');
    // The rebuild takes seconds for this article: a temporary named as its writer names one (src/atomicWrite.ts) stands for its work.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    writeFileSync(path.join(out, `.2024-09.pdf.${run.child.pid}.0badc0de.tmp`), 'being written');
    expect(run.output().slice(from), 'the rebuild is still under way').not.toMatch(/rebuilt/);
    run.child.kill(signal);
    expect(await exitOf(run.child), run.output()).toBe(status);
    expect(run.output().slice(from)).toContain('interrupted');
    expect(temporaries(out)).toEqual([]);
    expect(readFileSync(path.join(out, '2024-09.pdf')).equals(before)).toBe(true);
  }, 180_000);
});
