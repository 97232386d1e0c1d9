/**
 * Import and export of scenario files, the same YAML/JSON the CLI reads. A file the CLI would
 * reject shows the CLI's messages and opens nothing.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import type { InputIssue } from '../../../src/engine/errors.js';
import { today } from '../state/draft.js';
import {
  describeIssues,
  exportScenarioText,
  fileNameFor,
  importScenarioText,
  type ExportFormat,
} from '../state/files.js';
import type { Workspace } from '../state/workspace.js';

/** Saves text as a file through a Blob URL (no network). */
export function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

export function FileButtons(props: { ws: Workspace }): ReactNode {
  const input = useRef<HTMLInputElement>(null);
  const [rejected, setRejected] = useState<{ file: string; issues: readonly InputIssue[] } | null>(
    null,
  );
  const id = useId();
  const exportAs = (format: ExportFormat): void => {
    download(
      exportScenarioText(props.ws.draft, format),
      fileNameFor(props.ws.draft, format),
      format === 'json' ? 'application/json' : 'text/yaml',
    );
  };
  return (
    <>
      <button
        type="button"
        onClick={() => {
          exportAs('yaml');
        }}
      >
        Export YAML
      </button>
      <button
        type="button"
        onClick={() => {
          exportAs('json');
        }}
      >
        Export JSON
      </button>
      <button
        type="button"
        onClick={() => {
          input.current?.click();
        }}
      >
        Import file
      </button>
      <input
        ref={input}
        id={id}
        type="file"
        accept=".yaml,.yml,.json,application/json,text/yaml"
        className="visually-hidden"
        aria-label="Import a scenario file (YAML or JSON)"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          void file.text().then(async (text) => {
            const r = importScenarioText(text, file.name, today());
            if (r.ok) {
              setRejected(null);
              await props.ws.openNew(r.draft);
              window.location.hash = '#/';
            } else {
              setRejected({ file: file.name, issues: r.issues });
            }
          });
        }}
      />
      {rejected && (
        <div className="import-error" role="alert">
          <p>
            <strong>{rejected.file}</strong> was not opened: the scenario file has problems (the CLI
            says the same).
          </p>
          <pre>{describeIssues(rejected.issues).join('\n')}</pre>
          <button
            type="button"
            onClick={() => {
              setRejected(null);
            }}
          >
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
