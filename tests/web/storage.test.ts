/**
 * Saved scenario records: the current version reads as is, an older (version 1) record is
 * migrated and opens as a valid scenario, and an unknown record is skipped.
 */
import { describe, expect, it } from 'vitest';
import { PHYSICIAN_EXAMPLE } from '../../src/engine/scenario/examples.js';
import { answerFor } from '../../web/src/state/workspace.js';
import {
  RECORD_VERSION,
  migrateRecord,
  recordFor,
  type SavedScenarioV1,
} from '../../web/src/state/storage.js';

const draft = (): Record<string, unknown> => structuredClone(PHYSICIAN_EXAMPLE);

describe('saved records', () => {
  it('a current record reads back unchanged', () => {
    const r = recordFor('id-1', draft());
    expect(r.version).toBe(RECORD_VERSION);
    expect(r.name).toBe(PHYSICIAN_EXAMPLE.name);
    expect(migrateRecord(structuredClone(r))).toEqual(r);
  });

  it('a version 1 record migrates and opens as the same scenario', () => {
    const v1: SavedScenarioV1 = {
      version: 1,
      id: 'old',
      name: 'Dr. Lee, saved last year',
      scenario: draft(),
      savedAt: Date.UTC(2026, 0, 15, 12, 0, 0),
    };
    const r = migrateRecord(structuredClone(v1));
    expect(r).toEqual({
      version: RECORD_VERSION,
      id: 'old',
      name: 'Dr. Lee, saved last year',
      draft: draft(),
      updatedAt: '2026-01-15T12:00:00.000Z',
    });
    const solo = answerFor(r?.draft ?? {}).report?.plans.find((p) => p.id === 'solo-401k');
    expect(solo?.afterTaxRoom.cents).toBe(2_267_408);
  });

  it.each([null, 'text', { version: 1 }, { id: 'x', version: 99, draft: {} }, { id: 'x' }])(
    'skips an unreadable record %j',
    (raw) => {
      expect(migrateRecord(raw)).toBeUndefined();
    },
  );
});
