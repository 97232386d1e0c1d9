/**
 * The "start from a situation" screen: every example file (read at build time) is offered in
 * one sentence, opens a valid scenario, and the first is the built-in physician example.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GROWTH_ASSUMPTIONS } from '../../src/engine/project/from-household.js';
import { planReport } from '../../src/engine/report/plan.js';
import { PHYSICIAN_EXAMPLE } from '../../src/engine/scenario/examples.js';
import { parseScenario } from '../../src/engine/scenario/validate.js';
import { SITUATIONS, emptyDraft } from '../../web/src/situations.js';
import { answerFor } from '../../web/src/state/workspace.js';

describe('situations', () => {
  it('offers every valid example file', () => {
    const files = readdirSync('examples')
      .filter((f) => f.endsWith('.yaml') && f !== 'invalid.yaml')
      .map((f) => f.replace(/\.yaml$/, ''))
      .sort();
    expect(SITUATIONS.map((s) => s.key).sort()).toEqual(files);
  });

  it.each(SITUATIONS.map((s) => [s.key, s] as const))(
    '%s: one sentence, a valid scenario and a report',
    (_key, s) => {
      expect(s.sentence).toMatch(/^[A-Z][^.]*\.$/);
      const scenario = parseScenario(structuredClone(s.draft), { today: '2026-06-01' });
      expect(planReport(scenario, DEFAULT_GROWTH_ASSUMPTIONS).plans.length).toBeGreaterThan(0);
    },
  );

  it('the first is the built-in example', () => {
    expect(SITUATIONS[0]?.draft).toEqual(PHYSICIAN_EXAMPLE);
  });

  it('the built-in example answers $22,674.08 of after-tax room in the solo 401(k)', () => {
    const a = answerFor(structuredClone(PHYSICIAN_EXAMPLE));
    const solo = a.report?.plans.find((p) => p.id === 'solo-401k');
    expect(solo?.afterTaxRoom.cents).toBe(2_267_408);
  });

  it('an empty start asks for the birth date and nothing else', () => {
    const a = answerFor(emptyDraft(2026));
    expect(a.report).toBeNull();
    expect(a.issues).toEqual([{ path: 'people[0].birthDate', message: 'required' }]);
  });
});
