/**
 * Progress for long exports: on a terminal, one redrawn status line per recording in flight;
 * otherwise (CI, pipes) only the finished lines, so logs stay readable.
 */
export interface Progress {
  update(key: string, text: string): void;
  clear(key: string): void;
  /** A line that stays: a recording finished, was skipped or failed. */
  done(text: string): void;
}

export function createProgress(stream: NodeJS.WriteStream, quiet = false): Progress {
  const live = new Map<string, string>();
  const tty = stream.isTTY === true;
  let drawn = 0;
  const erase = () => {
    if (drawn > 0) stream.write(`\x1b[${drawn}A\x1b[0J`);
    drawn = 0;
  };
  const draw = () => {
    const width = stream.columns || 100;
    for (const text of live.values()) stream.write(`${text.slice(0, width - 1)}\n`);
    drawn = live.size;
  };
  return {
    update(key, text) {
      live.set(key, text);
      if (!tty || quiet) return;
      erase();
      draw();
    },
    clear(key) {
      live.delete(key);
    },
    done(text) {
      if (quiet) return;
      if (tty) erase();
      stream.write(`${text}\n`);
      if (tty) draw();
    },
  };
}
