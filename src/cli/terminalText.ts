// Text taken from the input (file names, issue names, words of an article)
// may hold control characters: ESC starts a sequence that moves the cursor,
// clears the screen or sets the window title, BEL rings, a line feed in a
// file name starts a line that looks like another message. Before it reaches
// a terminal each such character is written as an escape (\x1b, \x07, \n),
// never raw: C0 controls, DEL and C1 controls. So are the characters that
// make a terminal show text other than it is: the bidirectional controls
// (an RLO in a file name shows `gpj.exe` as `exe.jpg`) and the line and
// paragraph separators, which some terminals break lines at; they are
// written \u202e, \u2028 (docs/interface.md §4, "Escaped").

/** Bidirectional formatting characters (ALM, LRM, RLM, LRE … RLO, LRI … PDI) and the line and paragraph separators. */
const INVISIBLE_LAYOUT = String.raw`\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069`;
const CONTROL = new RegExp(String.raw`[\u0000-\u001f\u007f-\u009f` + INVISIBLE_LAYOUT + ']', 'g');
const CONTROL_BUT_LINE_ENDS = new RegExp(String.raw`[\u0000-\u0008\u000b-\u001f\u007f-\u009f` + INVISIBLE_LAYOUT + ']', 'g');
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeOne(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** The characters escapeControls escapes besides the C0 ones, for JSON, which escapes only C0 itself. */
export const ESCAPED_BEYOND_C0 = new RegExp(String.raw`[\u007f-\u009f` + INVISIBLE_LAYOUT + ']', 'g');

/** One piece of a message (a file name, a message's words): every control escaped, tab and line feed too. */
export function escapeControls(s: string): string {
  return s.replace(CONTROL, escapeOne);
}

/** Lines for the terminal: every control escaped but the tab and the line feed that end and lay out lines. */
export function terminalLines(s: string): string {
  return s.replace(CONTROL_BUT_LINE_ENDS, escapeOne);
}
