/** The CLI's window on the world: output streams and terminal facts, injectable for tests. */
import { readSync } from 'node:fs';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when stdout is a terminal (progress bars, colour). */
  readonly isTTY: boolean;
  /** Directory relative file paths are resolved against. */
  readonly cwd: string;
  /**
   * Reads standard input to its end or until more than `maxBytes` bytes have come (then stops:
   * the caller refuses the input); absent when there is no standard input to read.
   */
  readonly readStdin?: (maxBytes: number) => Uint8Array;
}

/** Sleeps `ms` milliseconds (waiting for a non-blocking descriptor to have data). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Reads descriptor `fd` until its end, or until more than `maxBytes` bytes have been read: at
 * most `maxBytes + 1` bytes are ever held, so an endless source (`/dev/zero`) costs nothing.
 * `expected` (a regular file's size) sizes the first buffer; it grows as more comes.
 */
export function readBounded(fd: number, maxBytes: number, expected = 65_536): Uint8Array {
  let buf = Buffer.allocUnsafe(Math.min(maxBytes, Math.max(expected, 1023)) + 1);
  let n = 0;
  while (n <= maxBytes) {
    if (n === buf.length) {
      const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buf.length * 2));
      buf.copy(bigger, 0, 0, n);
      buf = bigger;
    }
    let got: number;
    try {
      got = readSync(fd, buf, n, buf.length - n, null);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'EAGAIN') {
        pause(10);
        continue;
      }
      if (code === 'EOF') break;
      throw e;
    }
    if (got === 0) break;
    n += got;
  }
  return buf.subarray(0, n);
}

/** The real process streams. */
export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: (process.stdout as { isTTY?: boolean }).isTTY === true,
    cwd: process.cwd(),
    readStdin: (maxBytes) => readBounded(0, maxBytes),
  };
}

/** Writes a value as pretty JSON to stdout. */
export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
