/**
 * Parsing YAML or JSON text into plain data, with syntax errors that name the file and line.
 * No file system access, so the web app reads imported files with the same messages as the CLI.
 */
import { parseDocument } from 'yaml';
import { InputError } from '../engine/errors.js';

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
