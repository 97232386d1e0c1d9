/**
 * Streams a census CSV file into the pure `CensusReader`: the file is read in 1 MiB chunks and
 * split into lines as it arrives, so the raw text is never held in memory whole (let alone
 * twice); only the parsed typed arrays grow.
 */
import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CensusReader, type CensusReadResult } from '../engine/acp/census-csv.js';
import { InputError } from '../engine/errors.js';

function fileProblem(file: string, e: unknown): InputError {
  const code = (e as { code?: string }).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a directory, expected a CSV file'
        : code === 'EACCES'
          ? 'permission denied'
          : 'cannot be read';
  return new InputError([{ path: file, message: why }]);
}

/** Reads and parses a census file; a missing or unreadable file is an InputError. */
export async function readCensusFile(cwd: string, file: string): Promise<CensusReadResult> {
  const path = resolve(cwd, file);
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw fileProblem(file, e);
  }
  // about 60 bytes a row in a typical census: size the arrays once
  const reader = new CensusReader(10_000, Math.ceil(size / 50) + 16);
  let carry = '';
  try {
    const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
    for await (const chunk of stream as AsyncIterable<string>) {
      let start = 0;
      let nl = chunk.indexOf('\n');
      if (nl >= 0 && carry !== '') {
        reader.line(carry + chunk.slice(0, nl));
        carry = '';
        start = nl + 1;
        nl = chunk.indexOf('\n', start);
      }
      while (nl >= 0) {
        reader.lineIn(chunk, start, nl);
        start = nl + 1;
        nl = chunk.indexOf('\n', start);
      }
      carry += chunk.slice(start);
    }
  } catch (e) {
    throw fileProblem(file, e);
  }
  if (carry !== '') reader.line(carry);
  return reader.finish();
}
