/** Reading input files: text with errors that name the file, YAML or JSON by the file's name. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataFormatOf, parseDataText } from '../engine/data-text.js';
import { InputError } from '../engine/errors.js';

/** Reads a file as UTF-8 text; a missing or unreadable file is an InputError. */
export function readTextFile(cwd: string, file: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, expected a file'
          : code === 'EACCES'
            ? 'permission denied'
            : 'cannot be read';
    throw new InputError([{ path: file, message: why }]);
  }
}

export { dataFormatOf };

/** Reads and parses a YAML or JSON data file. */
export function readDataFile(cwd: string, file: string): unknown {
  return parseDataText(readTextFile(cwd, file), dataFormatOf(file), file);
}
