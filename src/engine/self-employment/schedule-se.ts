/**
 * Schedule SE (long form) line by line for one person, and Form 8959 (Additional Medicare Tax)
 * on its self-employment income with the threshold reduced by Medicare wages (IRC 1401,
 * 1402(a)(12), 1402(b), 164(f), 1401(b)(2); Schedule SE and Form 8959 instructions).
 *
 * Rounding: every line that multiplies by a rate is rounded to the cent, half-up (`applyRate`).
 * The forms allow whole dollars; the engine keeps cents and leaves whole-dollar rounding to
 * display. The Additional Medicare Tax is reported beside the SE tax and is not part of the
 * deductible half.
 */
import { inputError } from '../errors.js';
import { applyRate, nonNegative, type Cents } from '../money.js';
import { rate, usd, type YearParameters } from '../params/index.js';
import { form8959, type Form8959 } from '../tax/additional-medicare.js';
import type { FilingStatus } from '../tax/filing-status.js';
import { dollarsOf, percentOf } from './param-text.js';

export interface ScheduleSeInput {
  /** Line 3: net profit from self-employment (Schedule C line 31, K-1 box 14 code A); may be negative. */
  readonly netProfit: Cents;
  /** Line 8a/8d: W-2 Social Security wages and tips (box 3 + box 7) from all jobs. */
  readonly w2SocialSecurityWages: Cents;
  /** Form 8959 line 1: W-2 Medicare wages and tips (box 5) from all jobs. */
  readonly w2MedicareWages: Cents;
  readonly filingStatus: FilingStatus;
}
export interface ScheduleSe {
  readonly line3NetProfit: Cents;
  /** Line 4a: line 3 × the net-earnings factor if more than zero, otherwise line 3. */
  readonly line4a: Cents;
  /** Line 4c (= line 6 here; church income and optional methods are not modelled): 0 below the floor. */
  readonly line6NetEarnings: Cents;
  /** True when line 4a is under the floor: no SE tax (line 4c instruction). */
  readonly belowFloor: boolean;
  /** Line 7: the Social Security wage base. */
  readonly line7WageBase: Cents;
  /** Line 8d: W-2 Social Security wages. */
  readonly line8dWages: Cents;
  /** Line 9: line 7 − line 8d, not below zero: wage base left for SE income. */
  readonly line9WageBaseLeft: Cents;
  /** Line 10: the OASDI rate × the smaller of line 6 or line 9. */
  readonly line10Oasdi: Cents;
  /** Line 11: the Medicare rate × line 6. */
  readonly line11Medicare: Cents;
  /** Line 12: self-employment tax (Schedule 2 line 4). */
  readonly line12SeTax: Cents;
  /** Line 13: deductible half (Schedule 1 line 15). */
  readonly line13Deduction: Cents;
  /** Form 8959 for these wages and this self-employment income. */
  readonly additionalMedicare: Form8959;
  /** One sentence per line that matters, for reports. */
  readonly why: readonly string[];
}

function assertAmount(field: string, c: Cents, allowNegative = false): void {
  if (!Number.isSafeInteger(c)) throw inputError(field, 'must be a whole number of cents');
  if (!allowNegative && c < 0) throw inputError(field, 'must not be negative');
}

/** Schedule SE lines 3-13 and Form 8959's Additional Medicare Tax for one person. */
export function scheduleSe(params: YearParameters, input: ScheduleSeInput): ScheduleSe {
  assertAmount('netProfit', input.netProfit, true);
  assertAmount('w2SocialSecurityWages', input.w2SocialSecurityWages);
  assertAmount('w2MedicareWages', input.w2MedicareWages);
  const pay = params.payroll;
  const line3 = input.netProfit;
  // Line 4a: only a positive profit is reduced (IRC 1402(a)(12)).
  const line4a = line3 > 0 ? applyRate(line3, rate(pay.seNetEarningsFactor)) : line3;
  const floor = usd(pay.seMinimumNetEarnings);
  const belowFloor = line4a < floor;
  const line6 = belowFloor ? 0 : line4a;
  const line7 = usd(pay.socialSecurityWageBase);
  const line8d = input.w2SocialSecurityWages;
  const line9 = nonNegative(line7 - line8d);
  const line10 = applyRate(Math.min(line6, line9), rate(pay.seOasdiRate));
  const line11 = applyRate(line6, rate(pay.seMedicareRate));
  const line12 = line10 + line11;
  // Line 13: half of line 12, rounded to the cent half-up (E-8: 7,064.775 → 7,064.78).
  const line13 = applyRate(line12, rate(pay.seDeductibleShare));
  const additionalMedicare = form8959(params, input.filingStatus, {
    medicareWages: input.w2MedicareWages,
    seIncome: line6,
  });

  const why = belowFloor
    ? [
        `net earnings (line 4a) under the ${dollarsOf(pay.seMinimumNetEarnings)} floor: no SE tax (IRC 1402(b))`,
      ]
    : [
        `line 4a: ${percentOf(pay.seNetEarningsFactor)} of net profit (IRC 1402(a)(12))`,
        'line 9: the Social Security wage base minus W-2 Social Security wages, not below zero',
        `line 10: ${percentOf(pay.seOasdiRate)} of the smaller of line 6 and line 9; line 11: ${percentOf(pay.seMedicareRate)} of line 6, no cap`,
        `line 13: ${percentOf(pay.seDeductibleShare)} of the SE tax is deductible (IRC 164(f)); the ${percentOf(pay.additionalMedicareRate)} Additional Medicare Tax is not`,
      ];
  return {
    line3NetProfit: line3,
    line4a,
    line6NetEarnings: line6,
    belowFloor,
    line7WageBase: line7,
    line8dWages: line8d,
    line9WageBaseLeft: line9,
    line10Oasdi: line10,
    line11Medicare: line11,
    line12SeTax: line12,
    line13Deduction: line13,
    additionalMedicare,
    why,
  };
}
