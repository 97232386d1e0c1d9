/**
 * The web editor's draft: edits by path, number fields that keep what was typed, validation by
 * the CLI's own parseScenario, and undo/redo.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PHYSICIAN_EXAMPLE } from '../../src/engine/scenario/examples.js';
import {
  checkDraft,
  getAt,
  issuesByPath,
  numberFromText,
  pruneEmpty,
  setAt,
  type Draft,
} from '../../web/src/state/draft.js';
import { historyReducer, initialHistory } from '../../web/src/state/history.js';

const example = (): Draft => structuredClone(PHYSICIAN_EXAMPLE);
const TODAY = '2026-06-01';

describe('draft paths', () => {
  it('sets a nested value without changing the original', () => {
    const d = example();
    const next = setAt(d, ['jobs', 0, 'wages'], 200000);
    expect(getAt(next, ['jobs', 0, 'wages'])).toBe(200000);
    expect(getAt(d, ['jobs', 0, 'wages'])).toBe(300000);
    expect(getAt(next, ['jobs', 1])).toBe(getAt(d, ['jobs', 1]));
  });

  it('removes a key set to undefined and keeps the field order', () => {
    const d = setAt(example(), ['jobs', 0, 'priorYearFicaWages'], undefined);
    expect(Object.keys(getAt(d, ['jobs', 0]) as object)).toEqual([
      'id',
      'person',
      'employer',
      'type',
      'wages',
    ]);
  });

  it('a value set and read back at any path is the same (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 4 }),
        fc.integer(),
        (path, value) => {
          expect(getAt(setAt({}, path, value), path)).toBe(value);
        },
      ),
    );
  });
});

describe('number fields keep the text', () => {
  it.each([
    ['300000', 300000],
    ['65,000.50', 65000.5],
    ['$1,234', 1234],
    ['  42 ', 42],
    ['-5', -5],
    ['', undefined],
    ['30O000', '30O000'],
    ['1e5', '1e5'],
    ['12.', 12],
  ])('%j reads as %j', (text, value) => {
    expect(numberFromText(text)).toBe(value);
  });

  it('a typed non-number goes to the schema, which names the field', () => {
    const d = setAt(example(), ['jobs', 0, 'wages'], numberFromText('30O000'));
    const checked = checkDraft(d, TODAY);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(issuesByPath(checked.issues).get('jobs[0].wages')).toEqual([
      'expected an amount in dollars (a number, e.g. 12000.50), got the text "30O000"',
    ]);
    // The draft still holds what was typed.
    expect(getAt(d, ['jobs', 0, 'wages'])).toBe('30O000');
  });

  it('a negative amount is the schema’s message, at its path', () => {
    const checked = checkDraft(setAt(example(), ['jobs', 1, 'netProfit'], -1), TODAY);
    expect(checked.ok ? [] : checked.issues).toEqual([
      { path: 'jobs[1].netProfit', message: 'must not be negative, got -1' },
    ]);
  });

  it('the example validates', () => {
    expect(checkDraft(example(), TODAY).ok).toBe(true);
  });
});

describe('empty optional sections', () => {
  it('drops an ACP estimate without its rate and a cash balance plan without amounts', () => {
    let d = setAt(example(), ['plans', 0, 'acp'], { safeHarbor: false });
    d = setAt(d, ['plans', 1, 'cashBalance'], { pbgcCovered: false });
    const p = pruneEmpty(d);
    expect(getAt(p, ['plans', 0, 'acp'])).toBeUndefined();
    expect(getAt(p, ['plans', 1, 'cashBalance'])).toBeUndefined();
  });

  it('keeps a ticked safe harbor so the missing rate is reported', () => {
    const d = pruneEmpty(setAt(example(), ['plans', 0, 'acp'], { safeHarbor: true }));
    const checked = checkDraft(d, TODAY);
    expect(checked.ok ? [] : checked.issues.map((i) => i.path)).toEqual([
      'plans[0].acp.expectedNhceAcp',
    ]);
  });
});

describe('undo and redo', () => {
  it('typing in one field is one step; undo and redo walk the steps', () => {
    const d0 = example();
    let h = initialHistory(d0);
    const d1 = setAt(d0, ['jobs', 0, 'wages'], 2);
    const d2 = setAt(d1, ['jobs', 0, 'wages'], 20);
    const d3 = setAt(d2, ['filingStatus'], 'mfj');
    h = historyReducer(h, { type: 'edit', draft: d1, field: 'jobs[0].wages' });
    h = historyReducer(h, { type: 'edit', draft: d2, field: 'jobs[0].wages' });
    h = historyReducer(h, { type: 'edit', draft: d3, field: null });
    expect(h.past).toEqual([d0, d2]);
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toBe(d2);
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toBe(d0);
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toBe(d0);
    h = historyReducer(h, { type: 'redo' });
    expect(h.present).toBe(d2);
    // A new edit after undo drops the redo steps.
    h = historyReducer(h, { type: 'edit', draft: d1, field: 'x' });
    expect(h.future).toEqual([]);
    expect(historyReducer(h, { type: 'redo' })).toBe(h);
  });

  it('undo after any sequence of edits returns to an earlier draft (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', null), { maxLength: 20 }), (fields) => {
        const drafts: Draft[] = [{ n: 0 }];
        let h = initialHistory(drafts[0] ?? {});
        fields.forEach((f, i) => {
          const d = { n: i + 1 };
          drafts.push(d);
          h = historyReducer(h, { type: 'edit', draft: d, field: f });
        });
        while (h.past.length > 0) h = historyReducer(h, { type: 'undo' });
        expect(h.present).toBe(drafts[0]);
        while (h.future.length > 0) h = historyReducer(h, { type: 'redo' });
        expect(h.present).toBe(drafts[drafts.length - 1]);
      }),
    );
  });
});
