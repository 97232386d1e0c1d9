/**
 * Reads YAML or JSON text into plain data, with syntax errors that name the source and the
 * line (`household.yaml:12`). The engine's input formats are checked after this step.
 */
import { parseDocument } from 'yaml';
import { InputError } from './errors.js';

/** How a text is written: YAML 1.2, or JSON (read strictly: every scalar a JSON value). */
export type DataFormat = 'yaml' | 'json';

/** A `.json` file is read as JSON, any other as YAML. */
export function dataFormatOf(file: string): DataFormat {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

/** Parses `text` into plain data; every syntax error becomes an issue at `source:line`. */
export function parseDataText(text: string, format: DataFormat, source: string): unknown {
  const doc = parseDocument(text, {
    prettyErrors: false,
    uniqueKeys: true,
    ...(format === 'json' ? { schema: 'json' } : {}),
  });
  if (doc.errors.length > 0) {
    const what = format === 'json' ? 'JSON' : 'YAML';
    throw new InputError(
      doc.errors.map((err) => {
        const line = text.slice(0, err.pos[0]).split('\n').length;
        return {
          path: `${source}:${String(line)}`,
          message: `not valid ${what}: ${err.message.split('\n')[0] ?? 'syntax error'}`,
        };
      }),
    );
  }
  return doc.toJS({ maxAliasCount: 100 }) as unknown;
}
