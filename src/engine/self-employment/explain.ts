/**
 * The figures of a solo-plan answer with the rule and citation behind each (Schedule SE,
 * Form 8959, Pub 560 worksheet, IRC 401(c)(2), 402(g), 415(c), 415(k)(4) and
 * Treas. Reg. 1.415(f)-1(f)), for `--explain` and for the household report.
 */
import { figure, type Figure } from '../explain.js';
import { formatUsd, rateValue, type Cents } from '../money.js';
import type { SoloEnd, SoloRoom } from './solo-room.js';

const u = (c: Cents): string => formatUsd(c);

function endFigures(key: string, name: string, e: SoloEnd, r: SoloRoom): Figure[] {
  const limitWhy = r.aggregation.applied
    ? `lesser of 100% of compensation (${u(e.compensation)}) and the ${u(r.aggregation.dollarRoomLeft)} the aggregated 403(b) leaves of the ${u(r.aggregation.dollarLimit)} limit (compensation from both employers counted for the combined limit)`
    : `lesser of the ${u(r.aggregation.dollarLimit)} dollar limit and 100% of compensation (${u(e.compensation)}); the plan's own limit`;
  return [
    figure(
      `${key}.${name}.employerContribution`,
      'Employer contribution',
      e.employerContribution,
      name === 'noEmployer'
        ? 'none, by choice: the other end of the trade-off'
        : r.business === 'self-employed'
          ? `Pub 560 Deduction Worksheet Step 13, set by ${r.worksheet?.employerBoundBy ?? 'step7'}`
          : `plan rate × wages (at most 401(a)(17)), within 415(c) after deferrals (bound by ${r.sCorp?.employerBoundBy ?? 'rate'})`,
      r.business === 'self-employed'
        ? 'IRS Pub 560 ch. 5; IRC 404(a)(3), 404(a)(8), 401(a)(17)'
        : 'IRC 404(a)(3)(A), 404(l), 404(n)',
    ),
    figure(
      `${key}.${name}.employeeDeferral`,
      'Employee deferral',
      e.employeeDeferral,
      `the 402(g) left after other plans (${u(r.deferralLimitLeft)}), at most compensation`,
      'IRC 402(g)(1); Pub 560 Deduction Worksheet Steps 9 and 15',
    ),
    figure(
      `${key}.${name}.catchUp`,
      'Catch-up',
      e.catchUp,
      `catch-up limit for the age (${u(r.catchUpLimit)}) less catch-ups elsewhere; outside 415(c)`,
      'IRC 414(v)(2), 414(v)(3)(A); Pub 560 Steps 16-18',
    ),
    figure(
      `${key}.${name}.compensation`,
      'Compensation',
      e.compensation,
      r.business === 'self-employed'
        ? 'net profit − deductible half of SE tax − the employer contribution for yourself; after-tax money does not reduce it'
        : 'W-2 wages from the corporation, including deferrals; distributions are not compensation',
      r.business === 'self-employed'
        ? 'IRC 401(c)(2), 415(c)(3)(B); IRS "Self-employed individuals – calculating your own retirement plan contribution"'
        : 'IRC 415(c)(3)(D), 404(a)(12)',
    ),
    figure(
      `${key}.${name}.limit415c`,
      '415(c) limit for this plan',
      e.limit415c,
      limitWhy,
      r.aggregation.citation,
    ),
    figure(
      `${key}.${name}.afterTaxRoom`,
      'After-tax room',
      e.afterTaxRoom,
      `415(c) limit ${u(e.limit415c)} − employer ${u(e.employerContribution)} − deferral ${u(e.employeeDeferral)}, not below zero`,
      'IRC 415(c)(1), 415(c)(2)',
    ),
    figure(
      `${key}.${name}.total`,
      'Total in',
      e.total,
      'employer + deferral + catch-up + after-tax room',
      'IRC 415(c), 414(v)',
    ),
    figure(
      `${key}.${name}.deduction`,
      'Deduction',
      e.deduction,
      'employer contribution + pre-tax deferrals and catch-ups (Roth and after-tax money are not deducted)',
      'IRS Pub 560 Step 21; Schedule 1 line 16; IRC 404(a)(8)',
    ),
  ];
}

/** Every figure of a solo-plan answer, keyed under `key` (e.g. `solo`). */
export function explainSoloRoom(r: SoloRoom, key = 'solo'): Figure[] {
  const out: Figure[] = [];
  const se = r.scheduleSe;
  if (se) {
    out.push(
      figure(
        `${key}.netEarningsFromSelfEmployment`,
        'Net earnings from self-employment (Schedule SE line 6)',
        se.line6NetEarnings,
        se.belowFloor
          ? 'net earnings under the Schedule SE floor: none (no SE tax)'
          : '92.35% of net profit',
        'IRC 1402(a)(12), 1402(b); Schedule SE lines 4a-6',
      ),
      figure(
        `${key}.seTax`,
        'Self-employment tax (Schedule SE line 12)',
        se.line12SeTax,
        `12.4% × min(line 6, wage base left after W-2 wages ${u(se.line9WageBaseLeft)}) + 2.9% × line 6`,
        'IRC 1401(a), 1401(b)(1); Schedule SE lines 7-12',
      ),
      figure(
        `${key}.halfSeTaxDeduction`,
        'Deductible half of SE tax (Schedule SE line 13)',
        se.line13Deduction,
        'half of line 12, rounded half-up to the cent',
        'IRC 164(f); Schedule 1 line 15',
      ),
      figure(
        `${key}.additionalMedicareTaxOnSeIncome`,
        'Additional Medicare Tax on SE income (Form 8959 line 13)',
        se.additionalMedicare.line13OnSeIncome,
        `0.9% × (SE income − the ${u(se.additionalMedicare.line9Threshold)} threshold less Medicare wages, not below zero); not part of the deduction`,
        'IRC 1401(b)(2); Form 8959 Part II',
      ),
    );
  }
  const ws = r.worksheet;
  if (ws) {
    out.push(
      figure(
        `${key}.worksheet.step3NetEarnings`,
        'Pub 560 Step 3: net profit less half SE tax',
        ws.step3NetEarnings,
        `Step 1 ${u(ws.step1NetProfit)} − Step 2 ${u(ws.step2SeTaxDeduction)}; Step 4 rate ${rateValue(ws.step4SelfEmployedRate).toFixed(6)}`,
        'IRS Pub 560 ch. 5, Deduction Worksheet for Self-Employed',
      ),
    );
  }
  out.push(
    ...endFigures(key, 'maxEmployer', r.maxEmployer, r),
    ...endFigures(key, 'noEmployer', r.noEmployer, r),
  );
  return out;
}
