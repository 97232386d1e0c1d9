/**
 * The open scenario: its undo history, its record in the browser's storage (saved on every
 * change), its validation against the scenario schema and, when valid, its plan report. The
 * last valid report stays available (marked stale) while the draft has errors.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { InputError, type InputIssue } from '../../../src/engine/errors.js';
import { DEFAULT_GROWTH_ASSUMPTIONS } from '../../../src/engine/project/from-household.js';
import { planReport, type PlanCommandReport } from '../../../src/engine/report/plan.js';
import { PHYSICIAN_EXAMPLE } from '../../../src/engine/scenario/examples.js';
import { checkDraft, pruneEmpty, setAt, today, type Draft, type Path } from './draft.js';
import { historyReducer, initialHistory } from './history.js';
import { newId, openStore, recordFor, type SavedScenario, type Store } from './storage.js';

export type SaveState = 'loading' | 'saving' | 'saved' | 'unavailable';

export interface Answer {
  readonly report: PlanCommandReport | null;
  /** The last valid report, while the draft has errors. */
  readonly stale: boolean;
  readonly issues: readonly InputIssue[];
  /** Milliseconds the engine took for this draft (validation and report). */
  readonly engineMs: number;
}

/** The plan report for a draft: the scenario is validated exactly as the CLI does. */
export function answerFor(draft: Draft): {
  report: PlanCommandReport | null;
  issues: readonly InputIssue[];
} {
  const checked = checkDraft(draft, today());
  if (!checked.ok) return { report: null, issues: checked.issues };
  try {
    return { report: planReport(checked.scenario, DEFAULT_GROWTH_ASSUMPTIONS), issues: [] };
  } catch (e) {
    if (e instanceof InputError) return { report: null, issues: e.issues };
    throw e;
  }
}

export const EXAMPLE_DRAFT = PHYSICIAN_EXAMPLE as unknown as Draft;

export function useWorkspace() {
  const [history, dispatch] = useReducer(
    historyReducer,
    structuredClone(EXAMPLE_DRAFT),
    initialHistory,
  );
  const [store, setStore] = useState<Store | null>(null);
  const [recordId, setRecordId] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('loading');
  const [records, setRecords] = useState<SavedScenario[]>([]);
  const loaded = useRef<Draft | null>(null);

  const refresh = useCallback(async (s: Store) => {
    setRecords(await s.list());
  }, []);

  // Open the store and the scenario last open (the built-in example on a first visit).
  useEffect(() => {
    const run = { live: true };
    void (async () => {
      try {
        const s = await openStore();
        const id = await s.currentId();
        let rec = id === undefined ? undefined : await s.get(id);
        if (!rec) {
          const first = (await s.list())[0];
          rec = first ?? recordFor(newId(), structuredClone(EXAMPLE_DRAFT));
          if (!first) await s.put(rec);
          await s.setCurrentId(rec.id);
        }
        if (!run.live) return;
        loaded.current = rec.draft;
        dispatch({ type: 'reset', draft: rec.draft });
        setRecordId(rec.id);
        setStore(s);
        setSaveState('saved');
        await refresh(s);
      } catch {
        if (run.live) setSaveState('unavailable');
      }
    })();
    return () => {
      run.live = false;
    };
  }, [refresh]);

  // Save every change.
  const present = history.present;
  useEffect(() => {
    if (!store || recordId === null || present === loaded.current) return;
    setSaveState('saving');
    void store
      .put(recordFor(recordId, present))
      .then(() => refresh(store))
      .then(() => {
        setSaveState('saved');
      })
      .catch(() => {
        setSaveState('unavailable');
      });
  }, [present, store, recordId, refresh]);

  const lastGood = useRef<PlanCommandReport | null>(null);
  const answer: Answer = useMemo(() => {
    const t0 = performance.now();
    const a = answerFor(present);
    const engineMs = performance.now() - t0;
    if (a.report) lastGood.current = a.report;
    return {
      report: a.report ?? lastGood.current,
      stale: a.report === null && lastGood.current !== null,
      issues: a.issues,
      engineMs,
    };
  }, [present]);

  const edit = useCallback(
    (path: Path, value: unknown, field?: string) => {
      dispatch({
        type: 'edit',
        draft: pruneEmpty(setAt(history.present, path, value)),
        field: field ?? null,
      });
    },
    [history.present],
  );
  const replace = useCallback((draft: Draft) => {
    dispatch({ type: 'edit', draft: pruneEmpty(draft), field: null });
  }, []);

  /** Opens a saved scenario (or saves `draft` as a new one and opens it). */
  const open = useCallback(
    async (rec: SavedScenario) => {
      loaded.current = rec.draft;
      dispatch({ type: 'reset', draft: rec.draft });
      setRecordId(rec.id);
      if (store) {
        await store.setCurrentId(rec.id);
        await refresh(store);
      }
    },
    [store, refresh],
  );
  const openNew = useCallback(
    async (draft: Draft, name?: string) => {
      const rec = recordFor(newId(), draft, name);
      if (store) await store.put(rec);
      await open(rec);
    },
    [store, open],
  );
  const remove = useCallback(
    async (rec: SavedScenario) => {
      if (!store) return;
      await store.remove(rec.id);
      if (rec.id === recordId) {
        const next = (await store.list())[0];
        if (next) await open(next);
        else await openNew(structuredClone(EXAMPLE_DRAFT));
      }
      await refresh(store);
    },
    [store, recordId, open, openNew, refresh],
  );
  const restore = useCallback(
    async (rec: SavedScenario) => {
      if (!store) return;
      await store.put(rec);
      await refresh(store);
    },
    [store, refresh],
  );
  const rename = useCallback(
    async (rec: SavedScenario, name: string) => {
      if (rec.id === recordId) {
        replace({ ...history.present, name });
        return;
      }
      if (!store) return;
      const draft = { ...rec.draft, name };
      await store.put({ ...rec, name, draft, updatedAt: new Date().toISOString() });
      await refresh(store);
    },
    [store, recordId, replace, history.present, refresh],
  );

  return {
    draft: present,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    undo: () => {
      dispatch({ type: 'undo' });
    },
    redo: () => {
      dispatch({ type: 'redo' });
    },
    edit,
    replace,
    answer,
    saveState,
    records,
    recordId,
    open,
    openNew,
    remove,
    restore,
    rename,
  };
}

export type Workspace = ReturnType<typeof useWorkspace>;
