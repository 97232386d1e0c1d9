/**
 * The `plan` report's Roth IRA section, per person: the IRA limit, the direct Roth IRA
 * contribution against its MAGI phase-out (IRC 408A(c)(3)), the deduction of a traditional IRA
 * contribution (IRC 219(g)), and the backdoor's Form 8606 with the roll-in fix (IRC 408(d)(2),
 * 408(d)(3)(A)(ii)), every amount a Figure, with the findings it raises.
 */
import { isoDate, type IsoDate } from '../dates.js';
import { figure, type Figure } from '../explain.js';
import { formatUsd, type Cents } from '../money.js';
import { paramsFor, usd } from '../params/index.js';
import type { PhaseOutStatus } from '../roth-ira/phase-out.js';
import type { PersonIraYear, RollInPlan } from '../roth-ira/household.js';
import type { Finding } from './model.js';

/** Prices a change in this year's return: the tax on added income, or saved by a deduction. */
export interface TaxPricer {
  readonly onIncome: (amount: Cents) => Cents;
  readonly ofDeduction: (amount: Cents) => Cents;
}

export interface RothIraBackdoorReport {
  readonly contribution: Figure;
  readonly conversion: Figure;
  readonly iraBalances: Figure;
  readonly basis: Figure;
  readonly yearEndValue: Figure;
  readonly nontaxable: Figure;
  readonly taxable: Figure;
  readonly basisCarried: Figure;
  readonly taxNow: Figure;
  readonly rollIn: Figure;
  readonly taxableWithRollIn: Figure;
  readonly taxNowWithRollIn: Figure;
  readonly rollInSaves: Figure;
  readonly rollInPlans: readonly Omit<RollInPlan, 'index'>[];
  /** The roll-in must be done by this date (the conversion's December 31, Form 8606 line 6). */
  readonly rollInBy: IsoDate;
}

export interface RothIraPersonReport {
  readonly person: string;
  readonly name: string;
  readonly magi: Figure;
  readonly magiSource: 'given' | 'estimated';
  readonly compensation: Figure;
  readonly contributionLimit: Figure;
  readonly catchUp: Figure;
  readonly activeParticipant: boolean;
  readonly activePlans: readonly string[];
  readonly roth: {
    readonly rule: string;
    readonly phaseOutStart: Figure;
    readonly phaseOutEnd: Figure;
    readonly status: PhaseOutStatus;
    readonly limit: Figure;
    readonly allowed: Figure;
    readonly planned: Figure;
    readonly excess: Figure;
    readonly excessTax: Figure;
  };
  readonly deduction: {
    readonly rule: string;
    readonly phaseOutStart: Figure | null;
    readonly phaseOutEnd: Figure | null;
    readonly status: PhaseOutStatus;
    readonly limit: Figure;
    readonly contribution: Figure;
    readonly deductible: Figure;
    readonly nondeductible: Figure;
  };
  readonly backdoor: RothIraBackdoorReport | null;
  /** Plans whose after-tax money reaches Roth only at separation, with the knock-on. */
  readonly rothLiteKnockOn: {
    readonly plans: readonly string[];
    readonly explanation: string;
  } | null;
}

export interface RothIraSection {
  readonly people: readonly RothIraPersonReport[];
  readonly findings: readonly Finding[];
}

function backdoorReport(
  y: PersonIraYear,
  year: number,
  price: TaxPricer,
  k: (n: string) => string,
): RothIraBackdoorReport | null {
  const b = y.backdoor;
  if (!b) return null;
  const l = b.asPlanned.lines;
  const w = b.withRollIn.lines;
  const taxNow = price.onIncome(l.line18);
  const taxNowFixed = price.onIncome(w.line18);
  return {
    contribution: figure(
      k('backdoor.contribution'),
      'Traditional IRA contribution',
      b.contribution,
      `planned; ${formatUsd(y.deduction.nondeductible)} of it nondeductible (Form 8606 line 1)`,
      'IRC 219, 408(o); Form 8606 line 1',
    ),
    conversion: figure(
      k('backdoor.conversion'),
      'Converted to Roth IRA',
      b.conversion,
      y.iras.conversion === undefined ? 'the contribution, converted right after it' : 'planned',
      'IRC 408A(d)(3); Form 8606 line 8',
    ),
    iraBalances: figure(
      k('backdoor.iraBalances'),
      'Traditional, SEP, SIMPLE and rollover IRAs',
      b.iraBalances,
      'their value at December 31 without this year’s contribution and conversion, from the scenario',
      'IRC 408(d)(2); Form 8606 line 6',
    ),
    basis: figure(
      k('backdoor.basis'),
      'Basis from earlier years',
      l.line2,
      'last year’s Form 8606 line 14, from the scenario',
      'Form 8606 line 2',
    ),
    yearEndValue: figure(
      k('backdoor.yearEndValue'),
      'IRAs on December 31 (line 6)',
      l.line6 ?? 0,
      'the balances plus the contribution less the conversion',
      'IRC 408(d)(2)(A); Form 8606 line 6',
      [k('backdoor.iraBalances'), k('backdoor.contribution'), k('backdoor.conversion')],
    ),
    nontaxable: figure(
      k('backdoor.nontaxable'),
      'Nontaxable part of the conversion (line 17)',
      l.line17,
      'the conversion times basis (line 5) over line 6 plus the conversion (line 9)',
      'IRC 408(d)(2), 72(e)(8); Form 8606 lines 5–11, 17',
      [
        k('backdoor.basis'),
        k('backdoor.contribution'),
        k('backdoor.yearEndValue'),
        k('backdoor.conversion'),
      ],
    ),
    taxable: figure(
      k('backdoor.taxable'),
      'Taxable conversion (line 18)',
      l.line18,
      'the conversion less its nontaxable part: the pro-rata cost of the IRA money on December 31',
      'IRC 408A(d)(3)(A); Form 8606 line 18',
      [k('backdoor.conversion'), k('backdoor.nontaxable')],
    ),
    basisCarried: figure(
      k('backdoor.basisCarried'),
      'Basis carried to next year (line 14)',
      l.line14,
      'basis not used by the conversion',
      'Form 8606 line 14',
      [k('backdoor.basis'), k('backdoor.contribution'), k('backdoor.nontaxable')],
    ),
    taxNow: figure(
      k('backdoor.taxNow'),
      'Tax on the taxable conversion',
      taxNow,
      'the household’s federal, state and NIIT with the taxable conversion added, less without it',
      'IRC 1(j), 1411, 408A(d)(3); state rate an assumption',
      [k('backdoor.taxable')],
    ),
    rollIn: figure(
      k('backdoor.rollIn'),
      'Pre-tax IRA money to roll into a plan',
      b.rollIn,
      'the IRA balances less the basis (a plan takes only pre-tax money), at most what the conversion leaves',
      'IRC 408(d)(3)(A)(ii), 408(d)(3)(H)',
      [k('backdoor.iraBalances'), k('backdoor.basis')],
    ),
    taxableWithRollIn: figure(
      k('backdoor.taxableWithRollIn'),
      'Taxable conversion after the roll-in',
      w.line18,
      'Form 8606 again with the rolled-in money out of line 6',
      'IRC 408(d)(2); Form 8606 lines 6, 18',
      [k('backdoor.rollIn'), k('backdoor.conversion')],
    ),
    taxNowWithRollIn: figure(
      k('backdoor.taxNowWithRollIn'),
      'Tax on the conversion after the roll-in',
      taxNowFixed,
      'the same tax with the taxable conversion after the roll-in',
      'IRC 1(j), 1411, 408A(d)(3); state rate an assumption',
      [k('backdoor.taxableWithRollIn')],
    ),
    rollInSaves: figure(
      k('backdoor.rollInSaves'),
      'Tax the roll-in saves',
      taxNow - taxNowFixed,
      'tax on the conversion as planned less after the roll-in',
      'IRC 408(d)(2); plans are not aggregated with IRAs',
      [k('backdoor.taxNow'), k('backdoor.taxNowWithRollIn')],
    ),
    rollInPlans: y.rollInPlans.map(({ plan, employer, accepts }) => ({ plan, employer, accepts })),
    rollInBy: isoDate(year, 12, 31),
  };
}

function range(
  k: (n: string) => string,
  which: 'roth' | 'deduction',
  start: Cents,
  end: Cents,
  citation: string,
): [Figure, Figure] {
  return [
    figure(
      k(`${which}.phaseOutStart`),
      'Phase-out starts above',
      start,
      'MAGI where the phase-out starts',
      citation,
    ),
    figure(
      k(`${which}.phaseOutEnd`),
      'Nothing allowed at or above',
      end,
      'MAGI where the limit reaches zero',
      citation,
    ),
  ];
}

function personReport(y: PersonIraYear, year: number, price: TaxPricer): RothIraPersonReport {
  const k = (n: string): string => `rothIra.${y.person}.${n}`;
  const p = paramsFor(year);
  const rr = y.roth.applicable.range ?? { start: 0, end: 0 };
  const [rStart, rEnd] = range(k, 'roth', rr.start, rr.end, y.roth.applicable.citation);
  const dr = y.deduction.applicable.range;
  const dRange = dr
    ? range(k, 'deduction', dr.start, dr.end, y.deduction.applicable.citation)
    : null;
  const roundRule = `the limit times (end − MAGI) over the range, rounded up to a multiple of ${formatUsd(usd(p.ira.reducedLimitMultiple))}, at least ${formatUsd(usd(p.ira.reducedLimitMinimum))}`;
  const magiKey = k('magi');
  const knock =
    y.rothLitePlans.length === 0
      ? null
      : {
          plans: y.rothLitePlans.map((x) => x.id),
          explanation: `At separation the Roth-lite split sends the after-tax basis to a Roth IRA and its earnings to a traditional IRA (Notice 2014-54). Earnings still in a traditional IRA on December 31 of a year with a backdoor enter its pro-rata (Form 8606 line 6): roll them directly into the next employer’s plan, or into a plan that accepts roll-ins before that December 31.`,
        };
  return {
    person: y.person,
    name: y.name,
    magi: figure(
      magiKey,
      'Modified AGI',
      y.magi,
      y.magiGiven
        ? 'given in the scenario'
        : 'estimated: wages and net profit less pre-tax deferrals, a self-employed owner’s employer contribution and half of SE tax; other income not counted',
      'IRC 408A(c)(3)(B)(i), 219(g)(3)(A); Pub 590-A Worksheets 1-1, 2-1',
    ),
    magiSource: y.magiGiven ? 'given' : 'estimated',
    compensation: figure(
      k('compensation'),
      'Compensation for the IRA limit',
      y.compensation,
      'wages and self-employment earned income; on a joint return the spouse’s too, less the spouse’s IRA contributions',
      'IRC 219(b)(1)(B), 219(c), 219(f)(1)',
    ),
    catchUp: figure(
      k('catchUp'),
      'IRA catch-up',
      y.catchUp,
      y.catchUp > 0
        ? `age ${String(y.age)} at December 31: ${p.plan.iraCatchUp.label}`
        : `under ${String(p.plan.catchUpAge.value)} at December 31`,
      p.plan.iraCatchUp.citation,
    ),
    contributionLimit: figure(
      k('contributionLimit'),
      'IRA contribution limit (traditional and Roth together)',
      y.limit,
      `${formatUsd(y.dollarLimit)} plus the catch-up, at most the compensation`,
      `${p.plan.iraLimit.citation}; IRC 219(b)(1), 408A(c)(2)`,
      [k('catchUp'), k('compensation')],
    ),
    activeParticipant: y.activeParticipant,
    activePlans: y.activePlans,
    roth: {
      rule: y.roth.applicable.rule,
      phaseOutStart: rStart,
      phaseOutEnd: rEnd,
      status: y.roth.status,
      limit: figure(
        k('roth.limit'),
        'Roth IRA limit after the phase-out',
        y.roth.reducedLimit,
        roundRule,
        'IRC 408A(c)(3)(A), 219(g)(2); Pub 590-A Worksheet 2-2',
        [k('contributionLimit'), magiKey, rStart.key, rEnd.key],
      ),
      allowed: figure(
        k('roth.allowed'),
        'Direct Roth IRA contribution allowed',
        y.roth.allowed,
        'the phase-out limit, at most the IRA limit less the traditional IRA contribution',
        'IRC 408A(c)(2), 408A(c)(3); Pub 590-A Worksheet 2-2 line 11',
        [k('roth.limit'), k('deduction.contribution')],
      ),
      planned: figure(
        k('roth.planned'),
        'Direct Roth IRA contribution planned',
        y.roth.planned,
        'from the scenario',
        'IRC 408A(c)',
      ),
      excess: figure(
        k('roth.excess'),
        'Excess Roth IRA contribution',
        y.roth.excess,
        'planned less allowed',
        'IRC 4973(f)',
        [k('roth.planned'), k('roth.allowed')],
      ),
      excessTax: figure(
        k('roth.excessTax'),
        'Excise tax a year while the excess stays',
        y.roth.excessTax,
        `${p.ira.excessContributionRate.label}: the rate times the excess`,
        p.ira.excessContributionRate.citation,
        [k('roth.excess')],
      ),
    },
    deduction: {
      rule: y.deduction.applicable.rule,
      phaseOutStart: dRange?.[0] ?? null,
      phaseOutEnd: dRange?.[1] ?? null,
      status: y.deduction.status,
      limit: figure(
        k('deduction.limit'),
        'Deduction limit after the phase-out',
        y.deduction.limit,
        dRange ? roundRule : 'no phase-out applies: the IRA limit',
        'IRC 219(g)(1), 219(g)(2); Pub 590-A Worksheet 1-2',
        dRange
          ? [k('contributionLimit'), magiKey, dRange[0].key, dRange[1].key]
          : [k('contributionLimit')],
      ),
      contribution: figure(
        k('deduction.contribution'),
        'Traditional IRA contribution planned',
        y.iras.contribution,
        'from the scenario',
        'IRC 219',
      ),
      deductible: figure(
        k('deduction.deductible'),
        'Deductible',
        y.deduction.deductible,
        'the contribution, at most the deduction limit',
        'IRC 219(a), 219(g)',
        [k('deduction.contribution'), k('deduction.limit')],
      ),
      nondeductible: figure(
        k('deduction.nondeductible'),
        'Nondeductible (basis, Form 8606 line 1)',
        y.deduction.nondeductible,
        'the contribution less the deductible part',
        'IRC 408(o); Form 8606 line 1',
        [k('deduction.contribution'), k('deduction.deductible')],
      ),
    },
    backdoor: backdoorReport(y, year, price, k),
    rothLiteKnockOn: knock,
  };
}

function findingsOf(y: PersonIraYear, r: RothIraPersonReport, year: number): Finding[] {
  const path = `people[${String(y.index)}].iras`;
  const out: Finding[] = [];
  if (!y.magiGiven && (y.iras.rothContribution > 0 || y.iras.contribution > 0)) {
    out.push({
      severity: 'info',
      path: `${path}.modifiedAgi`,
      message: `Modified AGI estimated from the scenario’s pay at ${formatUsd(y.magi)}; other income (interest, gains, a spouse’s income outside the scenario) is not counted.`,
      fix: 'Give modifiedAgi for the phase-outs to use the return’s figure.',
    });
  }
  if (y.roth.excess > 0) {
    out.push({
      severity: 'warning',
      path: `${path}.rothContribution`,
      message: `The direct Roth IRA contribution of ${formatUsd(y.roth.planned)} is ${formatUsd(y.roth.excess)} over what is allowed (${formatUsd(y.roth.allowed)}; ${r.roth.rule}, MAGI ${formatUsd(y.magi)}): an excess contribution, taxed ${formatUsd(y.roth.excessTax)} (IRC 4973) for each year it stays in the Roth IRA.`,
      fix: `By the return due date including extensions, recharacterize the excess with its earnings as a traditional IRA contribution (IRC 408A(d)(6); Treas. Reg. 1.408A-5) — then convert it, a backdoor — or withdraw it with its net income attributable (IRC 408(d)(4); Treas. Reg. 1.408-11; the earnings are taxable). Better: contribute to a traditional IRA and convert.`,
    });
  }
  if (y.traditionalExcess > 0) {
    out.push({
      severity: 'warning',
      path: `${path}.contribution`,
      message: `The traditional IRA contribution is ${formatUsd(y.traditionalExcess)} over the IRA limit of ${formatUsd(y.limit)}: an excess contribution (IRC 4973(b)).`,
      fix: `Contribute at most ${formatUsd(y.limit)}, or withdraw the excess with its earnings by the return due date (IRC 408(d)(4)).`,
    });
  }
  const b = y.backdoor;
  if (b && b.taxable > b.taxableWithRollIn && b.rollIn > 0) {
    const yes = y.rollInPlans.filter((x) => x.accepts === 'yes').map((x) => x.plan);
    const askPlans = y.rollInPlans.filter((x) => x.accepts === 'ask');
    const ask = askPlans.map((x) => x.plan);
    const where =
      yes.length > 0
        ? `into ${yes.join(' or ')} (it accepts roll-ins)`
        : ask.length > 0
          ? `into ${ask.join(' or ')} if the plan accepts roll-ins`
          : 'into an employer plan that accepts roll-ins (none of this person’s plans in the scenario does; a solo 401(k) of a side business can)';
    out.push({
      severity: 'warning',
      path: `${path}.contribution`,
      message: `Pro-rata: with ${formatUsd(b.iraBalances)} in traditional, SEP, SIMPLE and rollover IRAs on December 31, ${formatUsd(b.taxable)} of the ${formatUsd(b.conversion)} backdoor conversion is taxable (${formatUsd(r.backdoor?.taxNow.cents ?? 0)} of tax).`,
      fix: `Before December 31, ${String(year)}, roll the ${formatUsd(b.rollIn)} of pre-tax IRA money (not the basis) ${where}; then ${formatUsd(b.taxableWithRollIn)} is taxable.`,
    });
    for (const a of askPlans) {
      out.push({
        severity: 'question',
        path: `plans[${String(a.index)}].acceptsIraRollIns`,
        message: `Ask the administrator of ${a.plan}: does the plan accept a roll-in of pre-tax IRA money (IRC 408(d)(3)(A)(ii)), and by when must it arrive to be out of the IRA by December 31?`,
        fix: 'Record the answer as acceptsIraRollIns on the plan.',
      });
    }
  }
  if (r.rothLiteKnockOn && (y.iras.contribution > 0 || y.iras.conversion !== undefined)) {
    out.push({
      severity: 'info',
      path: `${path}.contribution`,
      message: `${r.rothLiteKnockOn.plans.join(', ')}: ${r.rothLiteKnockOn.explanation}`,
    });
  }
  return out;
}

/** The Roth IRA section of the plan report for every person with IRA fields or plans. */
export function rothIraSection(
  years: readonly PersonIraYear[],
  year: number,
  price: TaxPricer,
): RothIraSection {
  const people: RothIraPersonReport[] = [];
  const findings: Finding[] = [];
  for (const y of years) {
    const r = personReport(y, year, price);
    people.push(r);
    findings.push(...findingsOf(y, r, year));
  }
  return { people, findings };
}
