// Controls in text from the input are escaped before the terminal; the
// colour of a diagnostic's severity (ours) is kept on a terminal.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/cli/report.js';
import { escapeControls, terminalLines } from '../../src/cli/terminalText.js';

describe('terminal text', () => {
  it('escapes C0, DEL and C1 controls, and nothing else', () => {
    expect(escapeControls('a\u0000b\u0007c\u001b[2Jd\u007fe\u0080f\u009bg')).toBe('a\\x00b\\x07c\\x1b[2Jd\\x7fe\\x80f\\x9bg');
    expect(escapeControls('x\ty\nz\r')).toBe('x\\ty\\nz\\r');
    expect(escapeControls('C:\\简报\\issues\\01 文章.md ¡\u00a0')).toBe('C:\\简报\\issues\\01 文章.md ¡\u00a0');
  });

  it('escapes the bidirectional controls and the line and paragraph separators, which make a name show as another', () => {
    // RLO: a terminal would show "gpj.exe" as "exe.jpg".
    expect(escapeControls('简报\u202egpj.exe')).toBe('简报\\u202egpj.exe');
    const layout = '\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    expect(escapeControls(layout)).toBe([...layout].map((c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`).join(''));
    expect(terminalLines(`a${layout}\n`)).not.toMatch(/[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    // Their neighbours, and the zero-width joiners text needs, stay as they are.
    expect(escapeControls('\u200b\u200c\u200d\u2027\u202f\u2065\u206a')).toBe('\u200b\u200c\u200d\u2027\u202f\u2065\u206a');
  });

  it('keeps the tab and line feed of lines', () => {
    expect(terminalLines('a\tb\nc\u001bd\re\n')).toBe('a\tb\nc\\x1bd\\re\n');
  });

  it('a coloured diagnostic has our colour codes and the file name escaped', () => {
    const paint = new Chalk({ level: 1 });
    const line = formatDiagnostic({ severity: 'error', code: 'link.outside', params: { name: '\u001b]0;t\u0007' }, file: '/x/\u001b[2J.md', line: 1, col: 1 }, 'en', paint);
    expect(line.startsWith('/x/\\x1b[2J.md:1:1: \u001b[31m\u001b[1merror')).toBe(true);
    expect(line).toContain('"\\x1b]0;t\\x07" is a link');
    // The only raw ESCs are the colour's own.
    expect(line.replace(/\u001b\[\d+m/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});
