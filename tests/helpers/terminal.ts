// Running the CLI on a pseudo-terminal, as in a console window: util-linux
// `script` gives the child a terminal for stdin, stdout and stderr alike and
// copies everything written to it. `screen` is what stays visible once
// carriage returns and "erase to end of line" have done their work.
import { spawn } from 'node:child_process';
import { CLI } from './project.js';
import { childEnv } from './cli.js';

export interface TerminalRun {
  status: number | null;
  /** Every byte the command wrote to the terminal. */
  raw: string;
  /** The lines left on the terminal, without trailing blanks. */
  screen: string[];
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Run `node bin/bulletin.js ...args` in `cwd` on a pseudo-terminal; SIGKILL after `timeoutMs`. */
export function runInTerminal(cwd: string, args: string[], env: NodeJS.ProcessEnv = childEnv(), timeoutMs = 120_000): Promise<TerminalRun> {
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let raw = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (raw += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, raw, screen: renderScreen(raw) });
    });
  });
}

/** The visible lines of terminal output: `\r` returns to the start of the line, `ESC[K` erases from the cursor to its end. */
export function renderScreen(raw: string): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let col = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\n') {
      lines.push(line.join('').trimEnd());
      line = [];
      col = 0;
    } else if (ch === '\r') {
      col = 0;
    } else if (raw.startsWith('\x1b[K', i)) {
      line = line.slice(0, col);
      i += 2;
    } else if (ch === '\x1b') {
      // Another escape (colour): skipped up to its final letter.
      const m = /^\x1b\[[0-9;?]*[A-Za-z]/.exec(raw.slice(i));
      i += m ? m[0].length - 1 : 0;
    } else {
      line[col++] = ch;
    }
  }
  if (line.length > 0) lines.push(line.join('').trimEnd());
  return lines.filter((l, i, all) => l !== '' || i < all.length - 1);
}
