/**
 * A progress line for long commands (import, seed): kept up to date in place on stderr, at most every 100 ms, and
 * only when stderr is a terminal — stdout stays the result, and a pipe or a log file gets no carriage returns.
 */
export interface ProgressLine {
  /** Shows the line (a `final` one always, others at most every 100 ms). */
  show(text: string, final?: boolean): void;
  /** Removes the line before the result or an error is printed. */
  clear(): void;
}

export function progressLine(stream: { isTTY?: boolean; write(text: string): unknown } = process.stderr, clock: () => number = Date.now): ProgressLine {
  const on = stream.isTTY === true;
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  return {
    show(text, final = false) {
      if (!on) return;
      const now = clock();
      if (!final && now - last < 100) return;
      last = now;
      shown = true;
      stream.write(`\r${text}\u001b[K`);
    },
    clear() {
      if (on && shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
