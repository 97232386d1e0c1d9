/** Reading input files (YAML or JSON) with errors that name the file and the line. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
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

/** Parses YAML (JSON is YAML too) into plain data; syntax errors name the line. */
export function parseDataText(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((err) => {
        const line = text.slice(0, err.pos[0]).split('\n').length;
        return {
          path: `${file}:${String(line)}`,
          message: `not valid YAML/JSON: ${err.message.split('\n')[0] ?? 'syntax error'}`,
        };
      }),
    );
  }
  return doc.toJS({ maxAliasCount: 100 }) as unknown;
}

/** Reads and parses a YAML or JSON data file. */
export function readDataFile(cwd: string, file: string): unknown {
  return parseDataText(readTextFile(cwd, file), file);
}
