/**
 * Schedule SE (long form) line by line for one person, and the Additional Medicare Tax on
 * self-employment income (Form 8959 Part II) with its threshold reduced by Medicare wages
 * (IRC 1401, 1402(a)(12), 1402(b), 164(f), 1401(b)(2); Schedule SE and Form 8959 instructions).
 *
 * Rounding: every line that multiplies by a rate is rounded to the cent, half-up (`applyRate`).
 * The forms allow whole dollars; the engine keeps cents and leaves whole-dollar rounding to
 * display. The 0.9% is reported beside the SE tax and is not part of the deductible half.
 */
import { inputError } from '../errors.js';
import { applyRate, nonNegative, type Cents } from '../money.js';
import { rate, usd, type YearParameters } from '../params/index.js';

/** Filing status for the Additional Medicare Tax threshold. */
export type FilingStatus = 'single' | 'mfj' | 'mfs' | 'hoh';

export const FILING_STATUSES: readonly FilingStatus[] = ['single', 'mfj', 'mfs', 'hoh'];

export interface ScheduleSeInput {
  /** Line 3: net profit from self-employment (Schedule C line 31, K-1 box 14 code A); may be negative. */
  readonly netProfit: Cents;
  /** Line 8a/8d: W-2 Social Security wages and tips (box 3 + box 7) from all jobs. */
  readonly w2SocialSecurityWages: Cents;
  /** Form 8959 line 4 (Medicare wages, W-2 box 5). Defaults to `w2SocialSecurityWages`. */
  readonly w2MedicareWages?: Cents;
  readonly filingStatus: FilingStatus;
}

/** Form 8959 Parts I and II for this person's wages and SE income. */
export interface AdditionalMedicareTax {
  /** Part I: 0.9% of Medicare wages above the filing-status threshold (lines 1-7). */
  readonly onWages: Cents;
  /** Line 8: self-employment income (Schedule SE line 6, if more than zero). */
  readonly line8SeIncome: Cents;
  /** Line 9: threshold for the filing status. */
  readonly line9Threshold: Cents;
  /** Line 10: Medicare wages (Part I line 4). */
  readonly line10Wages: Cents;
  /** Line 11: line 9 − line 10, not below zero: the threshold left for SE income. */
  readonly line11ReducedThreshold: Cents;
  /** Line 12: line 8 − line 11, not below zero. */
  readonly line12Excess: Cents;
  /** Line 13: line 12 × 0.9%: Additional Medicare Tax on self-employment income. */
  readonly line13OnSeIncome: Cents;
}

export interface ScheduleSe {
  readonly line3NetProfit: Cents;
  /** Line 4a: line 3 × 92.35% if more than zero, otherwise line 3. */
  readonly line4a: Cents;
  /** Line 4c (= line 6 here; church income and optional methods are not modelled): 0 below $400. */
  readonly line6NetEarnings: Cents;
  /** True when line 4a is under $400: no SE tax (line 4c instruction). */
  readonly belowFloor: boolean;
  /** Line 7: the Social Security wage base. */
  readonly line7WageBase: Cents;
  /** Line 8d: W-2 Social Security wages. */
  readonly line8dWages: Cents;
  /** Line 9: line 7 − line 8d, not below zero: wage base left for SE income. */
  readonly line9WageBaseLeft: Cents;
  /** Line 10: 12.4% × smaller of line 6 or line 9. */
  readonly line10Oasdi: Cents;
  /** Line 11: 2.9% × line 6. */
  readonly line11Medicare: Cents;
  /** Line 12: self-employment tax (Schedule 2 line 4). */
  readonly line12SeTax: Cents;
  /** Line 13: deductible half (Schedule 1 line 15). */
  readonly line13Deduction: Cents;
  readonly additionalMedicare: AdditionalMedicareTax;
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
  const medicareWages = input.w2MedicareWages ?? input.w2SocialSecurityWages;
  assertAmount('w2MedicareWages', medicareWages);
  const pay = params.payroll;
  const line3 = input.netProfit;
  // Line 4a: only a positive profit is reduced by 7.65% (IRC 1402(a)(12)).
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

  const threshold = usd(pay.additionalMedicareThreshold[input.filingStatus]);
  const amtRate = rate(pay.additionalMedicareRate);
  const onWages = applyRate(nonNegative(medicareWages - threshold), amtRate);
  const line8 = nonNegative(line6);
  const line11Amt = nonNegative(threshold - medicareWages);
  const line12Amt = nonNegative(line8 - line11Amt);
  const additionalMedicare: AdditionalMedicareTax = {
    onWages,
    line8SeIncome: line8,
    line9Threshold: threshold,
    line10Wages: medicareWages,
    line11ReducedThreshold: line11Amt,
    line12Excess: line12Amt,
    line13OnSeIncome: applyRate(line12Amt, amtRate),
  };

  const why = belowFloor
    ? [
        `net earnings (line 4a) under the $${String(pay.seMinimumNetEarnings.value)} floor: no SE tax (IRC 1402(b))`,
      ]
    : [
        'line 4a: 92.35% of net profit (IRC 1402(a)(12))',
        'line 9: the Social Security wage base minus W-2 Social Security wages, not below zero',
        'line 10: 12.4% of the smaller of line 6 and line 9; line 11: 2.9% of line 6, no cap',
        'line 13: half of the SE tax is deductible (IRC 164(f)); the 0.9% Additional Medicare Tax is not',
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
