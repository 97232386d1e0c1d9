/**
 * Properties of the paycheck planner over random payroll inputs: no schedule passes the 402(g)
 * limit with catch-up across employers (IRC 402(g)(1), 414(v)) or a plan's 415(c) limit (IRC
 * 415(c)(1)) unless the pay stub already had, no source passes its target, and every paycheck
 * whose net pay is below zero carries a warning.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paychecksReport } from '../src/engine/report/paychecks.js';
import { parseScenario } from '../src/engine/scenario/validate.js';
import { payrollScenario } from './hostile/payroll.js';

describe('paycheck planner properties', () => {
  it('never passes a limit or a target, and warns of every negative net pay', () => {
    fc.assert(
      fc.property(payrollScenario, (input) => {
        const r = paychecksReport(parseScenario(input));
        for (const person of r.people) {
          const start = person.yearToDate.cents + person.otherPlans.cents;
          const cap = Math.max(person.target.cents, start);
          for (const c of r.paychecks) expect(c.ytdDeferrals.cents).toBeLessThanOrEqual(cap);
          if (start >= person.target.cents)
            expect(r.paychecks.every((c) => c.deferral.cents === 0)).toBe(true);
        }
        for (const j of r.jobs) {
          const ytd = j.afterTax === null ? 0 : j.additions.cents - j.afterTax.planned.cents;
          for (const src of [j.deferral, j.afterTax])
            if (src) expect(src.planned.cents).toBeLessThanOrEqual(src.target.cents);
          const room = j.limit415c.cents - j.otherAdditions.cents;
          const over = r.findings.some(
            (f) => f.severity === 'error' && f.message.includes('415(c)'),
          );
          if (!over) expect(j.additions.cents).toBeLessThanOrEqual(room);
          // past the limit only when the pay stub already was: nothing more is planned
          else if (j.additions.cents > room) {
            expect(j.deferral?.planned.cents ?? 0).toBe(0);
            expect(j.afterTax?.planned.cents ?? 0).toBe(0);
          }
          expect(ytd).toBeGreaterThanOrEqual(0);
        }
        for (const c of r.paychecks) {
          expect(Number.isSafeInteger(c.netPay.cents)).toBe(true);
          if (c.netPay.cents < 0)
            expect(
              r.findings.some((f) => f.severity === 'warning' && f.message.includes(c.date)),
            ).toBe(true);
        }
      }),
      { numRuns: 200, seed: 15 },
    );
  });
});
