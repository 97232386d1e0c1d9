/**
 * The lines of Schedule SE, Form 8959 and the Pub 560 Deduction Worksheet for Self-Employed as
 * Figures named as on the forms, each with the rule that fills it, the form line it is and the
 * lines it is computed from (Schedule SE and Form 8959 instructions; IRS Pub 560 ch. 5).
 */
import { figure, rateFigure, type Figure, type RateFigure } from '../explain.js';
import { rateValue } from '../money.js';
import type { YearParameters } from '../params/index.js';
import type { Form8959 } from '../tax/additional-medicare.js';
import { dollarsOf, percentOf } from './param-text.js';
import type { DeductionWorksheet } from './pub560-deduction-worksheet.js';
import type { ScheduleSe } from './schedule-se.js';

export interface ScheduleSeLines {
  readonly line3NetProfit: Figure;
  readonly line4a: Figure;
  readonly line6NetEarnings: Figure;
  readonly line7WageBase: Figure;
  readonly line8dWages: Figure;
  readonly line9WageBaseLeft: Figure;
  readonly line10Oasdi: Figure;
  readonly line11Medicare: Figure;
  readonly line12SeTax: Figure;
  readonly line13Deduction: Figure;
}

export interface Form8959Lines {
  readonly line1MedicareWages: Figure;
  readonly line5Threshold: Figure;
  readonly line6WagesOverThreshold: Figure;
  readonly line7OnWages: Figure;
  readonly line8SeIncome: Figure;
  readonly line9Threshold: Figure;
  readonly line10Wages: Figure;
  readonly line11ReducedThreshold: Figure;
  readonly line12Excess: Figure;
  readonly line13OnSeIncome: Figure;
  readonly line18Total: Figure;
}

export interface WorksheetLines {
  readonly step1NetProfit: Figure;
  readonly step2SeTaxDeduction: Figure;
  readonly step3NetEarnings: Figure;
  readonly step4SelfEmployedRate: RateFigure;
  readonly step5: Figure;
  readonly step6CompLimitTimesPlanRate: Figure;
  readonly step7: Figure;
  readonly step8DollarLimit: Figure;
  readonly step9ElectiveDeferrals: Figure;
  readonly step10: Figure;
  readonly step11: Figure;
  readonly step12HalfOfStep11: Figure;
  readonly maxEmployerContribution: Figure;
  readonly step13EmployerContribution: Figure;
  readonly step14: Figure;
  readonly step15Deferrals: Figure;
  readonly step16: Figure;
  readonly step17CatchUp: Figure;
  readonly step18CatchUp: Figure;
  readonly step19: Figure;
  readonly step20Roth: Figure;
  readonly step21MaxDeduction: Figure;
}

const SE = 'Schedule SE (Form 1040)';

/** Schedule SE lines 3-13 as Figures keyed `${key}.lineN…`. */
export function scheduleSeLines(key: string, p: YearParameters, se: ScheduleSe): ScheduleSeLines {
  const pay = p.payroll;
  const k = (name: string): string => `${key}.${name}`;
  return {
    line3NetProfit: figure(
      k('line3NetProfit'),
      'Schedule SE line 3: net profit',
      se.line3NetProfit,
      'net profit from Schedule C line 31 (or K-1 box 14 code A)',
      `${SE} line 3`,
    ),
    line4a: figure(
      k('line4a'),
      'Schedule SE line 4a',
      se.line4a,
      `${percentOf(pay.seNetEarningsFactor)} of line 3 when it is more than zero, otherwise line 3`,
      `IRC 1402(a)(12); ${SE} line 4a`,
      [k('line3NetProfit')],
    ),
    line6NetEarnings: figure(
      k('line6NetEarnings'),
      'Schedule SE line 6: net earnings from self-employment',
      se.line6NetEarnings,
      se.belowFloor
        ? `line 4a is under ${dollarsOf(pay.seMinimumNetEarnings)}: no SE tax, so zero`
        : `line 4a (${dollarsOf(pay.seMinimumNetEarnings)} or more; church income and the optional methods are not modelled)`,
      `IRC 1402(b); ${SE} lines 4c-6`,
      [k('line4a')],
    ),
    line7WageBase: figure(
      k('line7WageBase'),
      'Schedule SE line 7: Social Security wage base',
      se.line7WageBase,
      'the maximum earnings subject to the Social Security part of the tax',
      `${pay.socialSecurityWageBase.citation}; ${SE} line 7`,
    ),
    line8dWages: figure(
      k('line8dWages'),
      'Schedule SE line 8d: W-2 Social Security wages',
      se.line8dWages,
      'Social Security wages and tips from W-2 box 3 (and box 7) of every job',
      `${SE} lines 8a-8d`,
    ),
    line9WageBaseLeft: figure(
      k('line9WageBaseLeft'),
      'Schedule SE line 9: wage base left',
      se.line9WageBaseLeft,
      'line 7 − line 8d, not below zero',
      `${SE} line 9`,
      [k('line7WageBase'), k('line8dWages')],
    ),
    line10Oasdi: figure(
      k('line10Oasdi'),
      'Schedule SE line 10: Social Security part',
      se.line10Oasdi,
      `${percentOf(pay.seOasdiRate)} of the smaller of line 6 and line 9, rounded half-up to the cent`,
      `IRC 1401(a); ${SE} line 10`,
      [k('line6NetEarnings'), k('line9WageBaseLeft')],
    ),
    line11Medicare: figure(
      k('line11Medicare'),
      'Schedule SE line 11: Medicare part',
      se.line11Medicare,
      `${percentOf(pay.seMedicareRate)} of line 6, no cap, rounded half-up to the cent`,
      `IRC 1401(b)(1); ${SE} line 11`,
      [k('line6NetEarnings')],
    ),
    line12SeTax: figure(
      k('line12SeTax'),
      'Schedule SE line 12: self-employment tax',
      se.line12SeTax,
      'line 10 + line 11',
      `IRC 1401; ${SE} line 12; Schedule 2 line 4`,
      [k('line10Oasdi'), k('line11Medicare')],
    ),
    line13Deduction: figure(
      k('line13Deduction'),
      'Schedule SE line 13: deduction for half of SE tax',
      se.line13Deduction,
      `${percentOf(pay.seDeductibleShare)} of line 12, rounded half-up to the cent`,
      `IRC 164(f); ${SE} line 13; Schedule 1 line 15`,
      [k('line12SeTax')],
    ),
  };
}

const F8959 = 'Form 8959';

/** Form 8959 lines 1-13 and 18 as Figures keyed `${key}.lineN…`. */
export function form8959Lines(key: string, p: YearParameters, f: Form8959): Form8959Lines {
  const amt = percentOf(p.payroll.additionalMedicareRate);
  const k = (name: string): string => `${key}.${name}`;
  const threshold = (line: string): Figure =>
    figure(
      k(line),
      `Form 8959 ${line.startsWith('line5') ? 'line 5' : 'line 9'}: threshold`,
      f.line5Threshold,
      'the threshold for the filing status',
      `IRC 3101(b)(2)(A), 1401(b)(2)(A); ${F8959} ${line.startsWith('line5') ? 'line 5' : 'line 9'}`,
    );
  return {
    line1MedicareWages: figure(
      k('line1MedicareWages'),
      'Form 8959 line 1: Medicare wages and tips',
      f.line1MedicareWages,
      'Medicare wages and tips from W-2 box 5 of every job (lines 2 and 3, unreported tips and Form 8919 wages, are not modelled)',
      `${F8959} lines 1-4`,
    ),
    line5Threshold: threshold('line5Threshold'),
    line6WagesOverThreshold: figure(
      k('line6WagesOverThreshold'),
      'Form 8959 line 6',
      f.line6WagesOverThreshold,
      'line 4 − line 5, not below zero',
      `${F8959} line 6`,
      [k('line1MedicareWages'), k('line5Threshold')],
    ),
    line7OnWages: figure(
      k('line7OnWages'),
      'Form 8959 line 7: Additional Medicare Tax on wages',
      f.line7OnWages,
      `${amt} of line 6, rounded half-up to the cent (withheld by employers above their own threshold)`,
      `IRC 3101(b)(2); ${F8959} line 7`,
      [k('line6WagesOverThreshold')],
    ),
    line8SeIncome: figure(
      k('line8SeIncome'),
      'Form 8959 line 8: self-employment income',
      f.line8SeIncome,
      'Schedule SE line 6, not below zero',
      `${F8959} line 8`,
    ),
    line9Threshold: threshold('line9Threshold'),
    line10Wages: figure(
      k('line10Wages'),
      'Form 8959 line 10: Medicare wages',
      f.line10Wages,
      'the Medicare wages of line 4',
      `${F8959} line 10`,
      [k('line1MedicareWages')],
    ),
    line11ReducedThreshold: figure(
      k('line11ReducedThreshold'),
      'Form 8959 line 11: threshold left for SE income',
      f.line11ReducedThreshold,
      'line 9 − line 10, not below zero: wages use the threshold first',
      `IRC 1401(b)(2)(B); ${F8959} line 11`,
      [k('line9Threshold'), k('line10Wages')],
    ),
    line12Excess: figure(
      k('line12Excess'),
      'Form 8959 line 12',
      f.line12Excess,
      'line 8 − line 11, not below zero',
      `${F8959} line 12`,
      [k('line8SeIncome'), k('line11ReducedThreshold')],
    ),
    line13OnSeIncome: figure(
      k('line13OnSeIncome'),
      'Form 8959 line 13: Additional Medicare Tax on self-employment income',
      f.line13OnSeIncome,
      `${amt} of line 12, rounded half-up to the cent; not part of the deductible half of SE tax`,
      `IRC 1401(b)(2); ${F8959} line 13`,
      [k('line12Excess')],
    ),
    line18Total: figure(
      k('line18Total'),
      'Form 8959 line 18: Additional Medicare Tax',
      f.line18Total,
      'line 7 + line 13',
      `${F8959} line 18; Schedule 2 line 11`,
      [k('line7OnWages'), k('line13OnSeIncome')],
    ),
  };
}

const WS = 'IRS Pub 560 ch. 5, Deduction Worksheet for Self-Employed';

/** The worksheet's steps 1-21 as Figures keyed `${key}.stepN…`. */
export function worksheetLines(
  key: string,
  p: YearParameters,
  ws: DeductionWorksheet,
  seTaxDeductionKey: string,
): WorksheetLines {
  const k = (name: string): string => `${key}.${name}`;
  const f = (
    name: string,
    step: string,
    amount: number,
    why: string,
    inputs: readonly string[] = [],
    cite = '',
  ): Figure =>
    figure(k(name), `Pub 560 ${step}`, amount, why, `${WS}, ${step}${cite}`, inputs.map(k));
  return {
    step1NetProfit: f(
      'step1NetProfit',
      'Step 1',
      ws.step1NetProfit,
      'net profit from Schedule C line 31 (or K-1 box 14 code A)',
    ),
    step2SeTaxDeduction: figure(
      k('step2SeTaxDeduction'),
      'Pub 560 Step 2',
      ws.step2SeTaxDeduction,
      'the deduction for half of SE tax (Schedule SE line 13)',
      `${WS}, Step 2; Schedule 1 line 15`,
      [seTaxDeductionKey],
    ),
    step3NetEarnings: f(
      'step3NetEarnings',
      'Step 3',
      ws.step3NetEarnings,
      'Step 1 − Step 2, not below zero: net earnings for the plan',
      ['step1NetProfit', 'step2SeTaxDeduction'],
      '; IRC 401(c)(2)',
    ),
    step4SelfEmployedRate: rateFigure(
      k('step4SelfEmployedRate'),
      'Pub 560 Step 4: self-employed rate',
      rateValue(ws.step4SelfEmployedRate),
      ws.step4Why,
      `${WS}, Step 4; Rate Table / Rate Worksheet for Self-Employed; IRC 404(a)(8)(D)`,
    ),
    step5: f('step5', 'Step 5', ws.step5, 'Step 3 × Step 4, rounded half-up to the cent', [
      'step3NetEarnings',
      'step4SelfEmployedRate',
    ]),
    step6CompLimitTimesPlanRate: f(
      'step6CompLimitTimesPlanRate',
      'Step 6',
      ws.step6CompLimitTimesPlanRate,
      `the ${dollarsOf(p.plan.compensationLimit)} compensation limit × the plan rate (not the reduced rate)`,
      [],
      `; ${p.plan.compensationLimit.citation}`,
    ),
    step7: f('step7', 'Step 7', ws.step7, 'the smaller of Step 5 and Step 6', [
      'step5',
      'step6CompLimitTimesPlanRate',
    ]),
    step8DollarLimit: f(
      'step8DollarLimit',
      'Step 8',
      ws.step8DollarLimit,
      'the 415(c) dollar limit, less the annual additions of plans aggregated with this one',
      [],
      `; ${p.plan.annualAdditionsLimit.citation}`,
    ),
    step9ElectiveDeferrals: f(
      'step9ElectiveDeferrals',
      'Step 9',
      ws.step9ElectiveDeferrals,
      'elective deferrals (pre-tax and Roth, no catch-up) wanted in this plan, within the 402(g) limit left after other plans',
      [],
      '; IRC 402(g)(1)',
    ),
    step10: f('step10', 'Step 10', ws.step10, 'Step 8 − Step 9, not below zero', [
      'step8DollarLimit',
      'step9ElectiveDeferrals',
    ]),
    step11: f('step11', 'Step 11', ws.step11, 'Step 3 − Step 9, not below zero', [
      'step3NetEarnings',
      'step9ElectiveDeferrals',
    ]),
    step12HalfOfStep11: f(
      'step12HalfOfStep11',
      'Step 12',
      ws.step12HalfOfStep11,
      'half of Step 11, rounded down to the cent so employer money and deferrals never pass 100% of compensation',
      ['step11'],
      '; IRC 415(c)(1)(B)',
    ),
    maxEmployerContribution: f(
      'maxEmployerContribution',
      'Step 13 (most allowed)',
      ws.maxEmployerContribution,
      'the smallest of Steps 7, 10 and 12',
      ['step7', 'step10', 'step12HalfOfStep11'],
    ),
    step13EmployerContribution: f(
      'step13EmployerContribution',
      'Step 13',
      ws.step13EmployerContribution,
      ws.employerBoundBy === 'election'
        ? 'the contribution elected, less than the most allowed'
        : `the smallest of Steps 7, 10 and 12, ${ws.step13Why}`,
      ['maxEmployerContribution'],
      '; IRC 404(a)(3), 404(a)(8)',
    ),
    step14: f('step14', 'Step 14', ws.step14, 'Step 3 − Step 13: compensation (IRC 401(c)(2))', [
      'step3NetEarnings',
      'step13EmployerContribution',
    ]),
    step15Deferrals: f(
      'step15Deferrals',
      'Step 15',
      ws.step15Deferrals,
      'the smaller of Step 9 and Step 14: the deferrals allowed',
      ['step9ElectiveDeferrals', 'step14'],
    ),
    step16: f('step16', 'Step 16', ws.step16, 'Step 14 − Step 15', ['step14', 'step15Deferrals']),
    step17CatchUp: f(
      'step17CatchUp',
      'Step 17',
      ws.step17CatchUp,
      'catch-up contributions wanted, within the catch-up limit left for the age',
      [],
      '; IRC 414(v)',
    ),
    step18CatchUp: f(
      'step18CatchUp',
      'Step 18',
      ws.step18CatchUp,
      'the smaller of Step 16 and Step 17: the catch-ups allowed',
      ['step16', 'step17CatchUp'],
    ),
    step19: f('step19', 'Step 19', ws.step19, 'Step 13 + Step 15 + Step 18', [
      'step13EmployerContribution',
      'step15Deferrals',
      'step18CatchUp',
    ]),
    step20Roth: f(
      'step20Roth',
      'Step 20',
      ws.step20Roth,
      'the designated Roth part of Steps 15 and 18 (not deductible)',
      ['step15Deferrals', 'step18CatchUp'],
      '; IRC 402A',
    ),
    step21MaxDeduction: f(
      'step21MaxDeduction',
      'Step 21',
      ws.step21MaxDeduction,
      'Step 19 − Step 20: the deduction for contributions for yourself',
      ['step19', 'step20Roth'],
      '; Schedule 1 line 16',
    ),
  };
}
