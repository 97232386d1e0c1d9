/**
 * A household's income taxes for one year from a few totals: federal ordinary income tax on
 * AGI less the standard deduction (IRC 1(j), 63(c)), a flat state tax on the same base, the NIIT
 * with MAGI = AGI (IRC 1411) and the Additional Medicare Tax (IRC 3101(b)(2), 1401(b)(2)); the
 * marginal rate; and what each above-the-line deduction is worth (pre-tax deferrals, a
 * deductible employer contribution for a self-employed owner, half of SE tax), counting the
 * change in NIIT. All income is taxed at ordinary rates (no capital gains rates).
 */
import { inputError } from '../errors.js';
import { type Cents, rateValue } from '../money.js';
import { usd } from '../params/index.js';
import { incomeTaxFor } from '../params/income-tax/index.js';
import { additionalMedicareTax } from './additional-medicare.js';
import type { FilingStatus } from './filing-status.js';
import { marginalRate } from './marginal.js';
import { netInvestmentIncomeTax } from './niit.js';
import { ordinaryIncomeTax } from './ordinary.js';
import { stateIncomeTax } from './state.js';

export interface HouseholdTaxInput {
  readonly year: number;
  readonly status: FilingStatus;
  /** All income before the listed deductions (wages before pre-tax deferrals, net profit, interest, …). */
  readonly grossIncome: Cents;
  /** Above-the-line deductions, each with a key (e.g. `preTaxDeferrals`, `halfSeTax`). */
  readonly deductions: readonly { readonly key: string; readonly amount: Cents }[];
  /** Net investment income (part of grossIncome). */
  readonly netInvestmentIncome: Cents;
  /** Medicare wages of the return and self-employment income, for the Additional Medicare Tax. */
  readonly medicareWages: Cents;
  readonly seIncome: Cents;
  /** Flat state marginal rate (0.05 = 5%). */
  readonly stateRate: number;
  /** Itemized deductions, if larger than the standard deduction (default: standard). */
  readonly itemized?: Cents;
}

export interface HouseholdTax {
  readonly agi: Cents;
  readonly taxableIncome: Cents;
  readonly federal: Cents;
  readonly state: Cents;
  readonly niit: Cents;
  readonly additionalMedicare: Cents;
  readonly total: Cents;
  /** Federal bracket rate of the next dollar, plus the state rate. */
  readonly marginalRate: number;
  /** Per deduction: the income tax (federal + state + NIIT) it saves against adding it back. */
  readonly deductionValues: readonly {
    readonly key: string;
    readonly amount: Cents;
    readonly saved: Cents;
  }[];
}

function incomeTaxes(
  input: HouseholdTaxInput,
  addBack: Cents,
): {
  agi: Cents;
  taxableIncome: Cents;
  federal: Cents;
  state: Cents;
  niit: Cents;
} {
  const taken = input.deductions.reduce((s, d) => s + d.amount, 0) - addBack;
  const agi = input.grossIncome - taken;
  const std = usd(incomeTaxFor(input.year).standardDeduction[input.status]);
  const taxableIncome = Math.max(0, agi - Math.max(std, input.itemized ?? 0));
  const federal = ordinaryIncomeTax(input.year, input.status, taxableIncome);
  const state = stateIncomeTax(taxableIncome, input.stateRate);
  const niit = netInvestmentIncomeTax(input.year, input.status, {
    magi: agi,
    netInvestmentIncome: input.netInvestmentIncome,
  });
  return { agi, taxableIncome, federal, state, niit };
}

/** The household's taxes, marginal rate and the value of each deduction. */
export function householdTax(input: HouseholdTaxInput): HouseholdTax {
  if (input.grossIncome < 0) throw inputError('grossIncome', 'must not be negative');
  input.deductions.forEach((d, i) => {
    if (d.amount < 0) throw inputError(`deductions[${String(i)}].amount`, 'must not be negative');
  });
  const base = incomeTaxes(input, 0);
  const amt = additionalMedicareTax(input.year, input.status, {
    wages: input.medicareWages,
    seIncome: input.seIncome,
  });
  const withOthers = base.federal + base.state + base.niit;
  const deductionValues = input.deductions.map((d) => {
    const w = incomeTaxes(input, d.amount);
    return { key: d.key, amount: d.amount, saved: w.federal + w.state + w.niit - withOthers };
  });
  return {
    ...base,
    additionalMedicare: amt.total,
    total: withOthers + amt.total,
    marginalRate:
      rateValue(marginalRate(input.year, input.status, base.taxableIncome)) + input.stateRate,
    deductionValues,
  };
}
