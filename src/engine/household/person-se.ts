/**
 * The person's one Schedule SE in the household: every Schedule C job of the person is a
 * business on it, and the W-2 wages of the person's other jobs fill lines 8a (box 3) and Form
 * 8959 line 1 (box 5) (Schedule SE and Form 8959 instructions; IRC 1402(b)(1)).
 */
import { usd, type YearParameters } from '../params/index.js';
import type { Scenario } from '../scenario/schema.js';
import { personScheduleSe, type PersonScheduleSe } from '../self-employment/person-schedule-se.js';
import { jobPay } from './work.js';

/** The Schedule SE of `person`, or undefined when the person has no Schedule C job. */
export function personSeOf(
  p: YearParameters,
  s: Scenario,
  person: string,
): PersonScheduleSe | undefined {
  const jobs = s.jobs.filter((j) => j.person === person);
  const businesses = jobs.filter((j) => j.type === 'schedule-c');
  if (businesses.length === 0) return undefined;
  const wageJobs = jobs.filter((j) => j.type !== 'schedule-c');
  return personScheduleSe(p, {
    businesses: businesses.map((j) => ({ id: j.id, netProfit: j.netProfit ?? 0 })),
    w2SocialSecurityWages: wageJobs.reduce(
      (a, j) =>
        a + (j.socialSecurityWages ?? Math.min(jobPay(j), usd(p.payroll.socialSecurityWageBase))),
      0,
    ),
    w2MedicareWages: wageJobs.reduce((a, j) => a + jobPay(j), 0),
    filingStatus: s.filingStatus,
  });
}
