/**
 * The year's dated checklist: the election changes by each payroll cut-off (plan terms), the
 * conversion or in-service rollover after each after-tax contribution when the plan does not
 * convert by itself (IRC 402A(c)(4); Notice 2014-54), the backdoor Roth IRA while the December
 * 31 balances are still to come (IRC 408(d)(2), 408A(d)(3)), the corrections of a limit passed
 * (IRC 402(g)(2); Rev. Proc. 2021-30), and the forms to expect (Form 1099-R codes, Form 5498,
 * Form 8606).
 */
import { addDays, addMonths, type IsoDate } from '../dates.js';
import { formatUsd } from '../money.js';
import { usd } from '../params/index.js';
import type { Scenario } from '../scenario/schema.js';
import {
  excessDeferralRefundBy,
  form1099RBy,
  form5498By,
  proRataDate,
  returnDue,
} from './deadlines.js';
import type { PaycheckPlan } from './planner.js';

export const STEP_KINDS = ['election', 'conversion', 'ira', 'correction', 'form'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface Step {
  readonly date: IsoDate;
  readonly kind: StepKind;
  readonly title: string;
  readonly detail: string;
  readonly citation: string;
}

/** Months from birth to age 59½ (IRC 72(t)(2)(A)(i)): the age at which code 7 replaces 2. */
const MONTHS_TO_59_HALF = 59 * 12 + 6;

/** The checklist of the plan, in date order. */
export function checklist(s: Scenario, plan: PaycheckPlan): Step[] {
  const steps: Step[] = [];
  const year = s.taxYear;
  const f1099 = form1099RBy(year);
  for (const j of plan.jobs) {
    const first = j.remaining.find((c) => c.electionPay > 0);
    const last = [...j.remaining].reverse().find((c) => c.electionPay > 0);
    const cutoff = j.payroll.elections.cutoffDays;
    const d = j.deferral;
    if (j.plan === undefined || d === null || first === undefined || last === undefined) continue;
    const at = j.afterTax;
    const elect = (text: string, atText: string | undefined): string =>
      `${j.deferralType} deferral ${text}${at ? `, after-tax ${atText ?? ''}` : ''}`;
    const due = addDays(first.date, -cutoff);
    const asOf = j.payroll.yearToDate?.asOf;
    steps.push({
      date: due,
      kind: 'election',
      title: `${j.plan.id}: elect ${elect(d.text, at?.text)}`,
      detail: `from the paycheck of ${first.date}, entered ${String(cutoff)} day(s) before it by the payroll cut-off${asOf !== undefined && due <= asOf ? `; that cut-off is not after the pay stub of ${asOf}: enter it at once` : ''}`,
      citation: 'plan terms (election change procedure)',
    });
    if (d.lastStep !== d.step || (at && at.lastStep !== at.step)) {
      steps.push({
        date: addDays(last.date, -cutoff),
        kind: 'election',
        title: `${j.plan.id}: for the last paycheck elect ${elect(d.lastText, at?.lastText)}`,
        detail: `the paycheck of ${last.date} lands on the limits${d.stops ? ' (the plan stops deferrals at the 402(g) limit, IRC 401(a)(30))' : ''}; change the elections for next year after it`,
        citation: 'IRC 402(g)(1), 415(c)(1); plan terms',
      });
    }
    const conversion = j.plan.inPlanConversion;
    if (at && at.planned > 0) {
      const atDates = j.remaining.filter((_, i) => (at.amounts[i] ?? 0) > 0).map((c) => c.date);
      if (
        conversion === 'on-request' ||
        (conversion === 'none' && j.plan.inServiceAfterTaxWithdrawal)
      ) {
        const what =
          conversion === 'on-request'
            ? 'request the in-plan Roth conversion of the after-tax money'
            : 'request an in-service withdrawal of the after-tax money as a direct rollover to a Roth IRA (earnings to a traditional IRA, or taxed)';
        for (const date of atDates)
          steps.push({
            date,
            kind: 'conversion',
            title: `${j.plan.id}: ${what} contributed on ${date}`,
            detail:
              'earnings before the conversion are taxable when converted: convert after each contribution (see the conversion cost by frequency)',
            citation:
              conversion === 'on-request'
                ? 'IRC 402A(c)(4); Notice 2014-54'
                : 'IRC 402(c)(2); Notice 2014-54',
          });
      }
      if (conversion !== 'none')
        steps.push({
          date: f1099.date,
          kind: 'form',
          title: `${j.plan.id}: Form 1099-R for the in-plan Roth conversions, code G in box 7`,
          detail:
            'the taxable amount is the earnings converted; the after-tax contributions are not taxed again',
          citation: `${f1099.citation}; IRC 402A(c)(4)`,
        });
      else if (j.plan.inServiceAfterTaxWithdrawal)
        steps.push({
          date: f1099.date,
          kind: 'form',
          title: `${j.plan.id}: Form 1099-R for the direct rollover of after-tax money, code G in box 7`,
          detail:
            'box 5 shows the after-tax contributions; earnings rolled to the Roth IRA are taxable',
          citation: `${f1099.citation}; Notice 2014-54`,
        });
    }
  }
  const refund = excessDeferralRefundBy(year);
  for (const person of plan.people) {
    if (person.excess > 0)
      steps.push({
        date: refund.date,
        kind: 'correction',
        title: `${person.id}: excess deferral of ${formatUsd(person.excess)} refunded with its earnings by ${refund.date}`,
        detail:
          'tell the plan that took the excess (the later employer, after a job change); taxed in the year deferred, its earnings in the year refunded',
        citation: refund.citation,
      });
    const birth = s.people.find((x) => x.id === person.id)?.birthDate;
    const code =
      birth !== undefined && addMonths(birth, MONTHS_TO_59_HALF) <= proRataDate(year).date
        ? '7'
        : '2';
    const p = plan.params.plan;
    const ira = usd(p.iraLimit) + (person.age >= p.catchUpAge.value ? usd(p.iraCatchUp) : 0);
    const yearEnd = proRataDate(year);
    steps.push({
      date: yearEnd.date,
      kind: 'ira',
      title: `${person.id}: backdoor Roth IRA by ${yearEnd.date}: up to ${formatUsd(ira)} nondeductible to a traditional IRA, then converted`,
      detail:
        'after any roll-in of pre-tax IRA money to the plan: the pre-tax IRA balances at the year end make the conversion taxable pro rata',
      citation: `${yearEnd.citation}; IRC 219(b)(5), 408A(d)(3)`,
    });
    steps.push({
      date: f1099.date,
      kind: 'form',
      title: `${person.id}: Form 1099-R for the Roth IRA conversion, code ${code} in box 7`,
      detail:
        code === '2'
          ? 'code 2: under age 59½, the 10% additional tax does not apply to a conversion'
          : 'code 7: age 59½ or over',
      citation: `${f1099.citation}; IRC 72(t)(2)(A)(i), 408A(d)(3)`,
    });
    const f5498 = form5498By(year);
    steps.push({
      date: f5498.date,
      kind: 'form',
      title: `${person.id}: Form 5498 for the IRA contribution and the Roth conversion`,
      detail: 'compare it with the Form 8606 you filed',
      citation: f5498.citation,
    });
    const due = returnDue(year);
    steps.push({
      date: due.date,
      kind: 'form',
      title: `${person.id}: Form 8606 with the return (Part I: nondeductible contribution; Part II: conversion)`,
      detail:
        'the basis of the nondeductible contribution keeps the conversion from being taxed twice',
      citation: due.citation,
    });
  }
  for (const f of plan.findings)
    if (f.severity === 'error' && f.message.includes('415(c)'))
      steps.push({
        date:
          plan.jobs.find((j) => f.path.startsWith(`jobs[${String(j.index)}]`))?.payroll.yearToDate
            ?.asOf ?? proRataDate(year).date,
        kind: 'correction',
        title: f.message,
        detail: f.fix ?? '',
        citation: 'IRC 415(c)(1); Rev. Proc. 2021-30, Appendix A, section .08',
      });
  return steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
