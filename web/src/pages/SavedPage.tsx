/** Saved scenarios: open, rename, duplicate and delete (with undo); import and export files. */
import { useState, type ReactNode } from 'react';
import type { SavedScenario } from '../state/storage.js';
import type { Workspace } from '../state/workspace.js';
import { FileButtons } from './FileButtons.js';

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

function Row(props: {
  rec: SavedScenario;
  ws: Workspace;
  current: boolean;
  onDelete: () => void;
}): ReactNode {
  const { rec, ws } = props;
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(rec.name);
  const inputId = `rename-${rec.id}`;
  return (
    <li className={props.current ? 'current' : undefined}>
      {editing ? (
        <form
          className="rename"
          onSubmit={(e) => {
            e.preventDefault();
            void ws.rename(rec, name.trim() || rec.name).then(() => {
              setEditing(false);
            });
          }}
        >
          <label htmlFor={inputId}>New name for “{rec.name}”</label>
          <input
            id={inputId}
            value={name}
            autoFocus
            onChange={(e) => {
              setName(e.target.value);
            }}
          />
          <button type="submit">Save name</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setEditing(false);
              setName(rec.name);
            }}
          >
            Cancel
          </button>
        </form>
      ) : (
        <div className="saved-name">
          <strong>{rec.name}</strong>
          {props.current && <span className="tag">open</span>}
          <span className="when">changed {when(rec.updatedAt)}</span>
        </div>
      )}
      {!editing && (
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              void ws.open(rec).then(() => {
                window.location.hash = '#/';
              });
            }}
            aria-label={`Open ${rec.name}`}
          >
            Open
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setName(rec.name);
              setEditing(true);
            }}
            aria-label={`Rename ${rec.name}`}
          >
            Rename
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              const copyName = `${rec.name} (copy)`;
              void ws
                .openNew({ ...structuredClone(rec.draft), name: copyName }, copyName)
                .then(() => {
                  window.location.hash = '#/';
                });
            }}
            aria-label={`Duplicate ${rec.name}`}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="danger"
            onClick={props.onDelete}
            aria-label={`Delete ${rec.name}`}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

export function SavedPage(props: { ws: Workspace }): ReactNode {
  const ws = props.ws;
  const [deleted, setDeleted] = useState<SavedScenario | null>(null);
  return (
    <div className="saved">
      <h1>Saved scenarios</h1>
      <p className="lead">
        Kept in this browser only (IndexedDB), saved as you type. Export a file to keep a copy or to
        run it with the command line: <code>npx megaroth plan FILE</code>.
      </p>
      <div className="toolbar plain">
        <FileButtons ws={ws} />
      </div>
      {ws.saveState === 'unavailable' && (
        <p className="stale-note">
          This browser does not let the page save; export a file to keep your work.
        </p>
      )}
      {deleted && (
        <div className="toast" role="status">
          Deleted “{deleted.name}”.{' '}
          <button
            type="button"
            onClick={() => {
              void ws.restore(deleted).then(() => {
                setDeleted(null);
              });
            }}
          >
            Undo
          </button>
        </div>
      )}
      <ul className="saved-list">
        {ws.records.map((rec) => (
          <Row
            key={rec.id}
            rec={rec}
            ws={ws}
            current={rec.id === ws.recordId}
            onDelete={() => {
              setDeleted(rec);
              void ws.remove(rec);
            }}
          />
        ))}
      </ul>
    </div>
  );
}
