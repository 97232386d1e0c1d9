/** The CLI's window on the world: output streams and terminal facts, injectable for tests. */

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when stdout is a terminal (progress bars, colour). */
  readonly isTTY: boolean;
  /** Directory relative file paths are resolved against. */
  readonly cwd: string;
  /** The descriptor a file argument `-` reads (0, standard input); absent: there is none. */
  readonly stdinFd?: number;
}

/** The real process streams. */
export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: (process.stdout as { isTTY?: boolean }).isTTY === true,
    cwd: process.cwd(),
    stdinFd: 0,
  };
}

/** Writes a value as pretty JSON to stdout. */
export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
