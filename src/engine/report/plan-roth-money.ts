/**
 * The `plan` report's "Roth money this year" per person: Roth deferrals and catch-up (IRC 402A),
 * the Mega Backdoor (after-tax money converted in the plan or rolled out, Notice 2014-54; or
 * Roth-lite, at separation), the backdoor or direct Roth IRA (IRC 408A), the total, the tax
 * each costs now, and the order and dates to do them.
 */
import { isoDate, type IsoDate } from '../dates.js';
import { figure, type Figure } from '../explain.js';
import type { HouseholdReport } from '../household/report.js';
import { formatUsd, type Cents } from '../money.js';
import { paramsFor } from '../params/index.js';
import type { PersonIraYear } from '../roth-ira/household.js';
import type { RothIraSection, TaxPricer } from './plan-roth-ira.js';

export type RothMoneyKind =
  | 'roth-deferral'
  | 'roth-catch-up'
  | 'mega-backdoor'
  | 'mega-backdoor-roth-lite'
  | 'backdoor-roth-ira'
  | 'direct-roth-ira';

export interface RothMoneyItem {
  readonly kind: RothMoneyKind;
  /** The plan, for plan money; null for IRA money. */
  readonly plan: string | null;
  readonly amount: Figure;
  readonly taxNow: Figure;
  /** When the money is Roth: this year, or at separation from the employer (Roth-lite). */
  readonly rothWhen: 'this-year' | 'at-separation';
}

export interface RothMoneyStep {
  readonly order: number;
  readonly action: string;
  /** The last day to do it. */
  readonly by: IsoDate;
}

export interface RothMoneyPerson {
  readonly person: string;
  readonly name: string;
  readonly items: readonly RothMoneyItem[];
  readonly total: Figure;
  readonly taxNow: Figure;
  readonly steps: readonly RothMoneyStep[];
}

const LABEL: Record<RothMoneyKind, string> = {
  'roth-deferral': 'Roth deferrals',
  'roth-catch-up': 'Roth catch-up',
  'mega-backdoor': 'Mega Backdoor (after-tax, converted at once)',
  'mega-backdoor-roth-lite': 'Mega Backdoor, Roth-lite (Roth at separation)',
  'backdoor-roth-ira': 'Backdoor Roth IRA (conversion)',
  'direct-roth-ira': 'Direct Roth IRA contribution',
};

/** The summary for every person with Roth money this year. */
export function rothMoneySection(
  r: HouseholdReport,
  years: readonly PersonIraYear[],
  ira: RothIraSection,
  price: TaxPricer,
): RothMoneyPerson[] {
  const year = r.taxYear;
  const dec31 = isoDate(year, 12, 31);
  const ip = paramsFor(year).ira;
  const due = isoDate(year + 1, ip.returnDueMonth.value, ip.returnDueDay.value);
  const out: RothMoneyPerson[] = [];
  for (const y of years) {
    const k = (n: string): string => `rothMoney.${y.person}.${n}`;
    const items: RothMoneyItem[] = [];
    const steps: Omit<RothMoneyStep, 'order'>[] = [];
    const add = (
      kind: RothMoneyKind,
      plan: string | null,
      amount: Cents,
      taxNow: Cents,
      taxWhy: string,
      citation: string,
      inputs: readonly string[],
      amountWhy = 'from the plan report',
    ): void => {
      const key = k(plan ? `${plan}.${kind}` : kind);
      items.push({
        kind,
        plan,
        amount: figure(`${key}.amount`, LABEL[kind], amount, amountWhy, citation, inputs),
        taxNow: figure(
          `${key}.taxNow`,
          `Tax now: ${LABEL[kind]}`,
          taxNow,
          taxWhy,
          'IRC 1(j), 1411; state rate an assumption',
          [`${key}.amount`],
        ),
        rothWhen: kind === 'mega-backdoor-roth-lite' ? 'at-separation' : 'this-year',
      });
    };
    const asPreTax =
      'the tax the same money would save as a pre-tax deferral (federal, state and NIIT)';
    const b = y.backdoor;
    const personIra = ira.people.find((p) => p.person === y.person);
    if (b && b.rollIn > 0 && b.taxable > b.taxableWithRollIn) {
      const to =
        y.rollInPlans.map((p) => p.plan).join(' or ') || 'an employer plan that accepts roll-ins';
      steps.push({
        action: `Roll ${formatUsd(b.rollIn)} of pre-tax IRA money (not the basis) into ${to}`,
        by: dec31,
      });
    }
    for (const p of r.plans.filter((x) => x.person === y.person)) {
      if (p.deferralRoth.cents > 0) {
        add(
          'roth-deferral',
          p.id,
          p.deferralRoth.cents,
          price.ofDeduction(p.deferralRoth.cents),
          asPreTax,
          'IRC 402A(a), 402(g)',
          [p.deferralRoth.key],
        );
        steps.push({
          action: `${p.id}: ${formatUsd(p.deferralRoth.cents)} of Roth deferrals, spread over the year’s paychecks (402(g) counts by calendar year)`,
          by: dec31,
        });
      }
      if (p.catchUpType === 'roth' && p.catchUp.cents > 0) {
        add(
          'roth-catch-up',
          p.id,
          p.catchUp.cents,
          price.ofDeduction(p.catchUp.cents),
          asPreTax,
          'IRC 414(v), 402A',
          [p.catchUp.key],
        );
        steps.push({
          action: `${p.id}: Roth catch-up of ${formatUsd(p.catchUp.cents)}`,
          by: dec31,
        });
      }
      if (p.afterTax.cents > 0 && p.verdict.kind === 'full') {
        add(
          'mega-backdoor',
          p.id,
          p.afterTax.cents,
          0,
          'after-tax money is not deductible either way; converted right after each contribution it has no earnings to tax',
          'IRC 402A(c)(4), 408A(d)(3); Notice 2014-54',
          [p.afterTax.key],
        );
        steps.push({
          action: `${p.id}: after-tax contributions of ${formatUsd(p.afterTax.cents)}, each converted to Roth right after it is made`,
          by: dec31,
        });
      }
      if (p.afterTax.cents > 0 && p.verdict.kind === 'roth-lite') {
        add(
          'mega-backdoor-roth-lite',
          p.id,
          p.afterTax.cents,
          0,
          'after-tax money is not deductible either way; its earnings stay pre-tax until the split at separation',
          'Notice 2014-54; IRC 72(e)(8)',
          [p.afterTax.key],
        );
        steps.push({
          action: `${p.id}: after-tax contributions of ${formatUsd(p.afterTax.cents)}; at separation, basis to a Roth IRA and earnings straight into the next plan`,
          by: dec31,
        });
      }
    }
    if (b && b.conversion > 0) {
      const bd = personIra?.backdoor;
      add(
        'backdoor-roth-ira',
        null,
        b.conversion,
        bd?.taxNow.cents ?? 0,
        b.taxable > b.taxableWithRollIn
          ? `the tax on the taxable conversion as planned (Form 8606 line 18); ${formatUsd(bd?.taxNowWithRollIn.cents ?? 0)} after the roll-in`
          : 'the tax on the taxable conversion (Form 8606 line 18)',
        'IRC 408A(d)(3); Form 8606',
        bd ? [bd.conversion.key, bd.taxNow.key] : [],
        'the planned conversion, from the scenario',
      );
      steps.push({
        action:
          b.contribution > 0
            ? `Contribute ${formatUsd(b.contribution)} to a traditional IRA, then convert ${formatUsd(b.conversion)} to a Roth IRA right after it`
            : `Convert ${formatUsd(b.conversion)} of traditional IRA money to a Roth IRA`,
        by: dec31,
      });
    }
    const direct = Math.min(y.roth.planned, y.roth.allowed);
    if (direct > 0) {
      add(
        'direct-roth-ira',
        null,
        direct,
        0,
        'a Roth IRA contribution is never deductible',
        'IRC 408A(c)(1), 408A(c)(3)',
        personIra ? [personIra.roth.planned.key, personIra.roth.allowed.key] : [],
        'the planned direct Roth IRA contribution, at most what is allowed',
      );
      steps.push({
        action: `Contribute ${formatUsd(direct)} directly to a Roth IRA for ${String(year)}`,
        by: due,
      });
    }
    if (items.length === 0) continue;
    const total = items.reduce((s, i) => s + i.amount.cents, 0);
    const tax = items.reduce((s, i) => s + i.taxNow.cents, 0);
    out.push({
      person: y.person,
      name: y.name,
      items,
      total: figure(
        k('total'),
        'Roth money this year',
        total,
        'the sum of the items (Roth-lite money counted at its after-tax contribution)',
        'IRC 402A, 408A',
        items.map((i) => i.amount.key),
      ),
      taxNow: figure(
        k('taxNow'),
        'Tax it costs now',
        tax,
        'the sum of the items’ tax now',
        'IRC 1(j), 1411',
        items.map((i) => i.taxNow.key),
      ),
      steps: steps.map((s, i) => ({ order: i + 1, ...s })),
    });
  }
  return out;
}
