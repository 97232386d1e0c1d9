/**
 * Undo and redo over drafts. Typing in one field makes one step (edits to the same field in a
 * row replace each other); any other change starts a new step.
 */
import type { Draft } from './draft.js';

export interface History {
  readonly past: readonly Draft[];
  readonly present: Draft;
  readonly future: readonly Draft[];
  /** The field the last step edited, so the next keystroke there joins it. */
  readonly lastField: string | null;
}

export type HistoryAction =
  | { readonly type: 'edit'; readonly draft: Draft; readonly field: string | null }
  | { readonly type: 'reset'; readonly draft: Draft }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' };

const LIMIT = 200;

export function initialHistory(draft: Draft): History {
  return { past: [], present: draft, future: [], lastField: null };
}

export function historyReducer(h: History, a: HistoryAction): History {
  switch (a.type) {
    case 'edit': {
      if (a.draft === h.present) return h;
      const joins = a.field !== null && a.field === h.lastField && h.past.length > 0;
      return {
        past: joins ? h.past : [...h.past, h.present].slice(-LIMIT),
        present: a.draft,
        future: [],
        lastField: a.field,
      };
    }
    case 'reset':
      return initialHistory(a.draft);
    case 'undo': {
      const prev = h.past[h.past.length - 1];
      if (prev === undefined) return h;
      return {
        past: h.past.slice(0, -1),
        present: prev,
        future: [h.present, ...h.future],
        lastField: null,
      };
    }
    case 'redo': {
      const [next, ...rest] = h.future;
      if (next === undefined) return h;
      return { past: [...h.past, h.present], present: next, future: rest, lastField: null };
    }
  }
}
