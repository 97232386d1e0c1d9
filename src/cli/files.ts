/**
 * Reading input files: text with errors that name the file, YAML or JSON by the file's name.
 * `-` is standard input. Every input file (scenario, ledger, Roth history, growth inputs) is at
 * most `MAX_INPUT_BYTES` of UTF-8 text: a larger file is refused from its size without being
 * read, and a device (`/dev/zero`), a directory or a socket is refused before any reading. A
 * pipe (standard input, `<(…)`) is read up to one byte past the limit and then refused, so no
 * input can make the CLI hold more than the limit.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  dataFormatOf,
  MAX_INPUT_BYTES,
  parseDataText,
  requireMapping,
  sizeText,
} from '../engine/data-text.js';
import { InputError } from '../engine/errors.js';
import type { Io } from './io.js';

/** The file argument that means standard input. */
export const STDIN = '-';

/** The name errors give a file: the argument as written, or `(standard input)` for `-`. */
export function sourceName(file: string): string {
  return file === STDIN ? '(standard input)' : file;
}

function refuse(file: string, message: string): never {
  throw new InputError([{ path: sourceName(file), message }]);
}

/** Why a file cannot be opened or read, from the system's error code. */
function whyUnreadable(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, expected a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'no such file (a part of the path is not a directory)';
  return `cannot be read${code ? ` (${code})` : ''}`;
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
function readBounded(fd: number, maxBytes: number, expected = 65_536): Uint8Array {
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

/** Reads the bytes of FILE (or standard input), refusing what is not a bounded text file. */
function readBytes(io: Io, file: string): Uint8Array {
  if (file === STDIN) {
    if (io.stdinFd === undefined) refuse(file, 'standard input cannot be read here');
    try {
      return readBounded(io.stdinFd, MAX_INPUT_BYTES);
    } catch (e) {
      refuse(file, whyUnreadable(e));
    }
  }
  let fd: number;
  try {
    fd = openSync(resolve(io.cwd, file), 'r');
  } catch (e) {
    refuse(file, whyUnreadable(e));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) refuse(file, 'is a directory, expected a file');
    if (!st.isFile() && !st.isFIFO()) {
      refuse(
        file,
        'is not a regular file (a device or socket); give a file, or - for standard input',
      );
    }
    if (st.size > MAX_INPUT_BYTES) refuse(file, tooLarge(st.size));
    return readBounded(fd, MAX_INPUT_BYTES, st.isFile() ? st.size : undefined);
  } catch (e) {
    if (e instanceof InputError) throw e;
    refuse(file, whyUnreadable(e));
  } finally {
    closeSync(fd);
  }
}

function tooLarge(size?: number): string {
  const got = size === undefined ? '' : ` (${String(size)} bytes)`;
  return `larger than ${sizeText(MAX_INPUT_BYTES)}${got}, the most an input file may hold`;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads FILE (`-`: standard input) as UTF-8 text; a missing, unreadable, oversized or binary
 * file is an InputError naming it.
 */
export function readTextFile(io: Io, file: string): string {
  const bytes = readBytes(io, file);
  if (bytes.length > MAX_INPUT_BYTES) refuse(file, tooLarge());
  if (bytes.includes(0)) refuse(file, 'is not a text file (it holds NUL bytes)');
  try {
    return UTF8.decode(bytes);
  } catch {
    refuse(file, 'is not UTF-8 text');
  }
}

/**
 * Runs `read` (which reads FILE and checks what it holds); a problem it reports with no place,
 * a problem with the whole file, is reported under the file's name.
 */
export function naming<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const source = sourceName(file);
    throw new InputError(e.issues.map((i) => (i.path ? i : { ...i, path: source })));
  }
}

export { dataFormatOf };

/**
 * Reads and parses a YAML or JSON data file that holds a mapping of fields; `what` says what it
 * holds ("a Roth history"), for the message when it holds something else.
 */
export function readDataFile(io: Io, file: string, what: string): Record<string, unknown> {
  const source = sourceName(file);
  const data = parseDataText(readTextFile(io, file), dataFormatOf(file), source);
  requireMapping(data, source, what);
  return data;
}
