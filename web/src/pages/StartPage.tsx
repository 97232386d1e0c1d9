/** Start from a situation: the example scenarios in one sentence each, or an empty one. */
import type { ReactNode } from 'react';
import { SUPPORTED_YEARS } from '../../../src/engine/params/index.js';
import { SITUATIONS, emptyDraft } from '../situations.js';
import type { Workspace } from '../state/workspace.js';

export function StartPage(props: { ws: Workspace }): ReactNode {
  const start = (draft: Record<string, unknown>): void => {
    void props.ws.openNew(structuredClone(draft)).then(() => {
      window.location.hash = '#/';
    });
  };
  const year = SUPPORTED_YEARS[SUPPORTED_YEARS.length - 1] ?? new Date().getFullYear();
  return (
    <div className="start">
      <h1>Start from a situation</h1>
      <p className="lead">
        Pick the one closest to yours; it opens filled in, and you change what differs. Each opens
        as a new saved scenario, in this browser only.
      </p>
      <ul className="situations">
        {SITUATIONS.map((s) => (
          <li key={s.key}>
            <button
              type="button"
              className="situation"
              onClick={() => {
                start(s.draft);
              }}
            >
              <strong>{s.title}</strong>
              <span>{s.sentence}</span>
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="situation empty"
            onClick={() => {
              start(emptyDraft(year));
            }}
          >
            <strong>Start empty</strong>
            <span>One person, no jobs or plans yet: you add them.</span>
          </button>
        </li>
      </ul>
    </div>
  );
}
