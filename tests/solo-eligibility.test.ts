/**
 * Solo 401(k) eligibility with employees listed by hours: a year of service is 1,000 hours
 * (IRC 410(a)(3)(A)) at 21 or older (IRC 410(a)(1)(A)); long-term part-time employees with 500
 * hours in two consecutive years from 2025 (three in 2024) must be allowed to defer (IRC
 * 401(k)(2)(D); SECURE 2.0 §125); anyone else may be excluded (IRS "One-Participant 401(k)
 * Plans").
 */
import { describe, expect, it } from 'vitest';
import { planHousehold } from '../src/engine/household/plan-household.js';
import { parseScenario } from '../src/engine/scenario/validate.js';

const withStaff = (year: number, employees: { age?: number; hours: number[] }[]) =>
  planHousehold(
    parseScenario({
      version: 1,
      taxYear: year,
      filingStatus: 'single',
      people: [{ id: 'p', birthDate: '1975-01-01' }],
      jobs: [
        {
          id: 'b',
          person: 'p',
          employer: 'Biz',
          type: 'schedule-c',
          netProfit: 100_000,
          employees,
        },
      ],
      plans: [{ id: 'solo', job: 'b', type: 'solo-401k' }],
    }),
  ).findings.filter((f) => f.path === 'plans[0].type');

describe('the business with employees check', () => {
  it('excludes an employee under 1,000 hours and not long-term part-time', () => {
    const f = withStaff(2026, [{ age: 30, hours: [600, 400] }]);
    expect(f.map((x) => x.severity)).toEqual(['info']);
  });
  it('counts an employee with 1,000 hours this year', () => {
    const f = withStaff(2026, [{ age: 30, hours: [1_000] }]);
    expect(f.map((x) => x.severity)).toEqual(['error']);
    expect(f[0]?.message).toMatch(/year of service/);
  });
  it('counts a long-term part-time employee from 2025: 500 hours in each of two years', () => {
    expect(withStaff(2025, [{ age: 30, hours: [500, 520] }]).map((x) => x.severity)).toEqual([
      'error',
    ]);
    // In 2024 the rule asked for three consecutive years: two are not enough.
    expect(withStaff(2024, [{ age: 30, hours: [500, 520] }]).map((x) => x.severity)).toEqual([
      'info',
    ]);
    expect(withStaff(2024, [{ age: 30, hours: [500, 520, 900] }]).map((x) => x.severity)).toEqual([
      'error',
    ]);
    // 2023: no long-term part-time rule yet.
    expect(withStaff(2023, [{ age: 30, hours: [900, 900, 900] }]).map((x) => x.severity)).toEqual([
      'info',
    ]);
  });
  it('excludes an employee under 21 whatever the hours', () => {
    expect(withStaff(2026, [{ age: 19, hours: [2_000] }]).map((x) => x.severity)).toEqual(['info']);
  });
});
