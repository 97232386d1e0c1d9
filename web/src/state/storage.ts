/**
 * Saved scenarios in the browser's IndexedDB (through `idb`): one record per scenario with its
 * name and draft, written as the user edits, and the id of the scenario last open. Records
 * carry a version; older records are migrated when read.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Draft } from './draft.js';

/** The current record version. */
export const RECORD_VERSION = 2;

export interface SavedScenario {
  readonly version: typeof RECORD_VERSION;
  readonly id: string;
  readonly name: string;
  /** The scenario as the user left it (possibly with fields that do not validate yet). */
  readonly draft: Draft;
  /** ISO date-time of the last change. */
  readonly updatedAt: string;
}

/**
 * Version 1 kept the scenario under `scenario` and the time of the last save as milliseconds
 * since 1970.
 */
export interface SavedScenarioV1 {
  readonly version: 1;
  readonly id: string;
  readonly name: string;
  readonly scenario: Draft;
  readonly savedAt: number;
}

/** Brings a stored record of any known version to the current one; undefined if unreadable. */
export function migrateRecord(raw: unknown): SavedScenario | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r['id'] !== 'string') return undefined;
  const name = typeof r['name'] === 'string' ? r['name'] : 'Untitled scenario';
  if (r['version'] === RECORD_VERSION && isDraft(r['draft'])) {
    return raw as SavedScenario;
  }
  if (r['version'] === 1 && isDraft(r['scenario'])) {
    const savedAt = typeof r['savedAt'] === 'number' ? r['savedAt'] : 0;
    return {
      version: RECORD_VERSION,
      id: r['id'],
      name,
      draft: r['scenario'],
      updatedAt: new Date(savedAt).toISOString(),
    };
  }
  return undefined;
}

function isDraft(v: unknown): v is Draft {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

interface Schema extends DBSchema {
  scenarios: { key: string; value: unknown };
  meta: { key: string; value: string };
}

const DB_NAME = 'megaroth';

export interface Store {
  list(): Promise<SavedScenario[]>;
  get(id: string): Promise<SavedScenario | undefined>;
  put(record: SavedScenario): Promise<void>;
  remove(id: string): Promise<void>;
  currentId(): Promise<string | undefined>;
  setCurrentId(id: string): Promise<void>;
}

/** Opens the app's database. */
export async function openStore(): Promise<Store> {
  const db: IDBPDatabase<Schema> = await openDB<Schema>(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore('scenarios');
      d.createObjectStore('meta');
    },
  });
  // Writes run one after another so a slow write never lands after a newer one.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    async list() {
      const all = await db.getAll('scenarios');
      return all
        .map(migrateRecord)
        .filter((r): r is SavedScenario => r !== undefined)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },
    async get(id) {
      return migrateRecord(await db.get('scenarios', id));
    },
    put: (record) =>
      serial(async () => {
        await db.put('scenarios', record, record.id);
      }),
    remove: (id) =>
      serial(async () => {
        await db.delete('scenarios', id);
      }),
    async currentId() {
      return db.get('meta', 'current');
    },
    setCurrentId: (id) =>
      serial(async () => {
        await db.put('meta', id, 'current');
      }),
  };
}

/** A new record id. */
export function newId(): string {
  return crypto.randomUUID();
}

/** A record for `draft` named after it. */
export function recordFor(id: string, draft: Draft, name?: string): SavedScenario {
  const fromDraft = typeof draft['name'] === 'string' && draft['name'] !== '' ? draft['name'] : '';
  return {
    version: RECORD_VERSION,
    id,
    name: name ?? (fromDraft || 'Untitled scenario'),
    draft,
    updatedAt: new Date().toISOString(),
  };
}
