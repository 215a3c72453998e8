// The progress line of a long build on a terminal: shown on stderr once the
// build has taken DELAY_MS, redrawn in place, and erased before anything
// else is printed and at the end, so the output reads as without it. Never
// when stderr is not a terminal, nor with --json or --quiet (the caller
// decides by `enabled`).

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
    stream.write(`${ERASE}${current(Math.floor(elapsed() / 1000))}`);
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
