// The progress line of a long build on a terminal: shown on stderr once the
// build has taken DELAY_MS, redrawn in place, and erased before anything
// else is printed and at the end, so the output reads as without it. Never
// when stderr is not a terminal, nor with --json or --quiet (the caller
// decides by `enabled`). The line is cut to the terminal's width: a line
// that wraps cannot be erased by returning to its start.

/** A build shorter than this shows no progress. */
export const DELAY_MS = 2000;

const ERASE = '\r\x1b[K';

export interface ProgressLine {
  /** What is being done now; drawn once the delay has passed. */
  show(what: (seconds: number) => string): void;
  /** Erase the line (before a result is printed); the next show() draws it again. */
  clear(): void;
  /** Erase the line for good. */
  stop(): void;
}

const SILENT: ProgressLine = { show() {}, clear() {}, stop() {} };

/** A progress line on `stream`; what is shown is told the seconds elapsed. */
export function progressLine(stream: NodeJS.WriteStream, enabled: boolean, delayMs = DELAY_MS): ProgressLine {
  if (!enabled) return SILENT;
  const start = performance.now();
  let current: ((seconds: number) => string) | undefined;
  let drawn = false;
  let stopped = false;
  const elapsed = () => performance.now() - start;
  const draw = () => {
    if (stopped || !current || elapsed() < delayMs) return;
    stream.write(`${ERASE}${fitColumns(current(Math.floor(elapsed() / 1000)), stream.columns)}`);
    drawn = true;
  };
  // Redrawn every second while the event loop is free (the writers'
  // stages, the threads of `build --all`); a stage that holds the thread
  // is drawn when it is told.
  const timer = setInterval(draw, 1000);
  timer.unref();
  const clear = () => {
    if (drawn) stream.write(ERASE);
    drawn = false;
  };
  return {
    show(what) {
      current = what;
      draw();
    },
    clear,
    stop() {
      clear();
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** East Asian wide and fullwidth characters, and emoji: two columns of a terminal (UAX #11, the common ranges). */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f680}-\u{1f6ff}\u{1f900}-\u{1f9ff}\u{1fa70}-\u{1faff}\u{20000}-\u{3fffd}]/u;
/** Combining marks and variation selectors take no column of their own. */
const COMBINING = /[\p{M}\ufe00-\ufe0f]/u;
/** The ellipsis that ends a cut line, and the columns it is given (two: a CJK terminal may draw it wide). */
const CUT = '…';
const CUT_COLUMNS = 2;

const columnsOf = (c: string): number => (COMBINING.test(c) ? 0 : WIDE.test(c) ? 2 : 1);

/**
 * `text` as it fits in a terminal `columns` wide, less the last column (a
 * line that fills it wraps on some terminals): cut, with an ellipsis where
 * there is room for one, where it would not. Wide characters take two
 * columns. Unknown width: as it is.
 */
export function fitColumns(text: string, columns: number | undefined): string {
  if (!columns || columns < 1) return text;
  const room = columns - 1;
  const chars = [...text];
  /** How many characters fit in `width` columns. */
  const fitting = (width: number): number => {
    let used = 0;
    let n = 0;
    while (n < chars.length && used + columnsOf(chars[n]!) <= width) used += columnsOf(chars[n++]!);
    // Marks after the last character that fits go with it.
    while (n < chars.length && columnsOf(chars[n]!) === 0) n++;
    return n;
  };
  if (fitting(room) === chars.length) return text;
  if (room < CUT_COLUMNS + 1) return chars.slice(0, fitting(room)).join('');
  return chars.slice(0, fitting(room - CUT_COLUMNS)).join('') + CUT;
}
