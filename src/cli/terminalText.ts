// Text taken from the input (file names, issue names, words of an article)
// may hold control characters: ESC starts a sequence that moves the cursor,
// clears the screen or sets the window title, BEL rings, a line feed in a
// file name starts a line that looks like another message. Before it reaches
// a terminal each such character is written as an escape (\x1b, \x07, \n),
// never raw: C0 controls, DEL and C1 controls (docs/interface.md §4, "Escaped").

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const CONTROL_BUT_LINE_ENDS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeOne(c: string): string {
  return NAMED[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** One piece of a message (a file name, a message's words): every control escaped, tab and line feed too. */
export function escapeControls(s: string): string {
  return s.replace(CONTROL, escapeOne);
}

/** Lines for the terminal: every control escaped but the tab and the line feed that end and lay out lines. */
export function terminalLines(s: string): string {
  return s.replace(CONTROL_BUT_LINE_ENDS, escapeOne);
}
