/**
 * `megaroth solo`: the quick answer for a Solo 401(k) on Schedule C / partnership income or
 * S-corp wages beside W-2 jobs — Schedule SE, the Pub 560 employer contribution, the 402(g)
 * left after other plans, the plan's 415(c) room (aggregated with a 403(b) when the participant
 * controls the business) and the after-tax room at both ends of the trade-off.
 */
import { Option } from 'commander';
import { InputError, inputError } from '../../engine/errors.js';
import { formatUsd, percentRate, rateValue, toDollars, type Cents } from '../../engine/money.js';
import { paramsFor, SUPPORTED_YEARS } from '../../engine/params/index.js';
import {
  explainSoloRoom,
  FILING_STATUSES,
  soloRoom,
  type FilingStatus,
  type RateRounding,
  type SoloEnd,
  type SoloRoom,
} from '../../engine/self-employment/index.js';
import { printJson } from '../io.js';
import {
  parseChoiceOption,
  parseIntOption,
  moneyOption,
  parseNumberOption,
  parseYearOption,
} from '../options.js';
import { renderPairs, renderTable } from '../table.js';
import type { Register } from './index.js';

interface SoloOptions {
  readonly year: number;
  readonly netProfit?: Cents;
  readonly sCorpWages?: Cents;
  readonly w2Wages: Cents;
  readonly deferralsElsewhere: Cents;
  readonly '403bAdditions': Cents;
  readonly '403bCompensation'?: Cents;
  readonly age: number;
  readonly planRate: number;
  readonly rothDeferrals?: boolean;
  readonly rateRounding: RateRounding;
  readonly filingStatus: FilingStatus;
  readonly json?: boolean;
  readonly explain?: boolean;
}

const money = moneyOption;

/** Engine field names → the option a user typed, so errors name the flag. */
const FLAG_OF: Readonly<Record<string, string>> = {
  deferralsElsewhere: '--deferrals-elsewhere',
  planRate: '--plan-rate',
  age: '--age',
  rateRounding: '--rate-rounding',
  netProfit: '--net-profit',
  wages: '--s-corp-wages',
  w2SocialSecurityWages: '--w2-wages',
  'aggregated403b.annualAdditions': '--403b-additions',
  'aggregated403b.compensation': '--403b-compensation',
};

function parseRounding(raw: string): RateRounding {
  const t = raw.trim().toLowerCase();
  if (t === 'full') return { kind: 'full' };
  if (t === 'table') return { kind: 'places', places: 6 };
  return { kind: 'places', places: parseIntOption('--rate-rounding', t, 3, 12) };
}

function parsePlanRate(raw: string): number {
  const n = parseNumberOption('--plan-rate', raw, 0, 100);
  if (n > 25) {
    throw inputError(
      '--plan-rate',
      `a profit-sharing plan rate must be from 0 to 25 (percent; the IRC 404(a)(3)(A) deduction limit), got ${raw.trim()}`,
    );
  }
  return n;
}

const d = toDollars;

function endJson(e: SoloEnd): Record<string, number> {
  return {
    employerContribution: d(e.employerContribution),
    employeeDeferral: d(e.employeeDeferral),
    catchUp: d(e.catchUp),
    compensation: d(e.compensation),
    limit415c: d(e.limit415c),
    afterTaxRoom: d(e.afterTaxRoom),
    total: d(e.total),
    deduction: d(e.deduction),
  };
}

/** The JSON document of `megaroth solo --json` (dollars with cents). */
export function soloJson(year: number, r: SoloRoom): Record<string, unknown> {
  const se = r.scheduleSe;
  const ws = r.worksheet;
  return {
    year,
    business: r.business,
    netEarningsFromSelfEmployment: d(se?.line6NetEarnings ?? 0),
    seTax: d(se?.line12SeTax ?? 0),
    halfSeTaxDeduction: d(se?.line13Deduction ?? 0),
    additionalMedicareTaxOnSeIncome: d(se?.additionalMedicare.line13OnSeIncome ?? 0),
    ...endJson(r.maxEmployer),
    noEmployerContribution: endJson(r.noEmployer),
    deferralLimitLeft: d(r.deferralLimitLeft),
    catchUpLimit: d(r.catchUpLimit),
    aggregation: {
      rule: r.aggregation.rule,
      applied: r.aggregation.applied,
      dollarLimit: d(r.aggregation.dollarLimit),
      dollarRoomLeft: d(r.aggregation.dollarRoomLeft),
      explanation: r.aggregation.explanation,
      citation: r.aggregation.citation,
    },
    tradeOff: {
      deductionGivenUp: d(r.tradeOff.deductionGivenUp),
      extraTotalAtNoEmployerEnd: d(r.tradeOff.extraTotalAtNoEmployerEnd),
      breakEven: r.tradeOff.breakEven,
    },
    worksheet: ws
      ? {
          step1NetProfit: d(ws.step1NetProfit),
          step2SeTaxDeduction: d(ws.step2SeTaxDeduction),
          step3NetEarnings: d(ws.step3NetEarnings),
          step4SelfEmployedRate: rateValue(ws.step4SelfEmployedRate),
          step5: d(ws.step5),
          step6CompLimitTimesPlanRate: d(ws.step6CompLimitTimesPlanRate),
          step7: d(ws.step7),
          step8DollarLimit: d(ws.step8DollarLimit),
          step9ElectiveDeferrals: d(ws.step9ElectiveDeferrals),
          step10: d(ws.step10),
          step11: d(ws.step11),
          step12HalfOfStep11: d(ws.step12HalfOfStep11),
          step13EmployerContribution: d(ws.step13EmployerContribution),
          step14: d(ws.step14),
          step15Deferrals: d(ws.step15Deferrals),
          step16: d(ws.step16),
          step17CatchUp: d(ws.step17CatchUp),
          step18CatchUp: d(ws.step18CatchUp),
          step19: d(ws.step19),
          step20Roth: d(ws.step20Roth),
          step21MaxDeduction: d(ws.step21MaxDeduction),
        }
      : null,
    notes: r.notes,
    explain: Object.fromEntries(
      explainSoloRoom(r).map((f) => [f.key, { label: f.label, why: f.why, citation: f.citation }]),
    ),
  };
}

/** The readable report: a one-line answer, then a short table. */
export function soloText(year: number, r: SoloRoom): string {
  const m = r.maxEmployer;
  const n = r.noEmployer;
  const u = (c: Cents): string => formatUsd(c);
  const agg = r.aggregation.applied
    ? `403(b) aggregated, ${u(r.aggregation.dollarRoomLeft)} of 415(c) left`
    : 'own 415(c) limit';
  const lines: string[] = [];
  lines.push(
    `Solo 401(k) ${String(year)}: ${u(m.total)} in at most — employer ${u(m.employerContribution)} + deferral ${u(m.employeeDeferral)}` +
      `${m.catchUp > 0 ? ` + catch-up ${u(m.catchUp)}` : ''} + after-tax ${u(m.afterTaxRoom)} (${agg}); ` +
      `with no employer contribution, after-tax ${u(n.afterTaxRoom)}, ${u(n.total)} in.`,
  );
  lines.push('');
  const se = r.scheduleSe;
  if (se) {
    lines.push(
      renderPairs([
        ['Net earnings from self-employment (Sch SE line 6)', u(se.line6NetEarnings)],
        ['  wage base left after W-2 wages (line 9)', u(se.line9WageBaseLeft)],
        ['SE tax (line 12)', u(se.line12SeTax)],
        ['Deductible half of SE tax (line 13)', u(se.line13Deduction)],
        [
          'Additional Medicare Tax on SE income (Form 8959)',
          u(se.additionalMedicare.line13OnSeIncome),
        ],
        ['Net profit less half SE tax (Pub 560 step 3)', u(r.worksheet?.step3NetEarnings ?? 0)],
      ]).trimEnd(),
    );
    lines.push('');
  }
  lines.push(
    renderTable(
      [
        { header: '' },
        { header: 'Max employer', align: 'right' },
        { header: 'No employer', align: 'right' },
      ],
      [
        ['Employer contribution', u(m.employerContribution), u(n.employerContribution)],
        ['Employee deferral (402(g) left)', u(m.employeeDeferral), u(n.employeeDeferral)],
        ['Catch-up', u(m.catchUp), u(n.catchUp)],
        ['Compensation', u(m.compensation), u(n.compensation)],
        ['415(c) limit for this plan', u(m.limit415c), u(n.limit415c)],
        ['After-tax room', u(m.afterTaxRoom), u(n.afterTaxRoom)],
        ['Total in', u(m.total), u(n.total)],
        ['Deduction', u(m.deduction), u(n.deduction)],
      ],
    ).trimEnd(),
  );
  lines.push('');
  lines.push(`415(c): ${r.aggregation.explanation}`);
  lines.push(`Trade-off: ${r.tradeOff.breakEven}`);
  for (const note of r.notes) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}

function remap(e: InputError): InputError {
  return new InputError(
    e.issues.map((i) => ({ path: FLAG_OF[i.path] ?? i.path, message: i.message })),
  );
}

export const register: Register = (program, io) => {
  const latest = SUPPORTED_YEARS[SUPPORTED_YEARS.length - 1] ?? 2026;
  program
    .command('solo')
    .summary('Solo 401(k) room on self-employment or S-corp income, beside W-2 jobs')
    .description(
      'Schedule SE, the Pub 560 employer contribution, the 402(g) left after other plans, the ' +
        "solo plan's 415(c) room (shared with a 403(b) when you control the business) and the " +
        'after-tax room, at both ends: maximum employer contribution, and none.',
    )
    .addOption(
      new Option('--year <year>', `tax year (${SUPPORTED_YEARS.join(', ')})`)
        .default(latest)
        .argParser((v) => parseYearOption('--year', v)),
    )
    .option(
      '--net-profit <dollars>',
      'net profit from self-employment (Schedule C line 31 or K-1 box 14 code A)',
      money('--net-profit'),
    )
    .option(
      '--s-corp-wages <dollars>',
      'instead of --net-profit: W-2 wages from your own S-corp (including deferrals)',
      money('--s-corp-wages'),
    )
    .addOption(
      new Option(
        '--w2-wages <dollars>',
        'W-2 Social Security wages from other jobs (Schedule SE line 8a)',
      )
        .default(0)
        .argParser(money('--w2-wages')),
    )
    .addOption(
      new Option(
        '--deferrals-elsewhere <dollars>',
        '402(g) already used by deferrals in other plans this year',
      )
        .default(0)
        .argParser(money('--deferrals-elsewhere')),
    )
    .addOption(
      new Option(
        '--403b-additions <dollars>',
        'annual additions (deferrals + employer money) to a 403(b) of yours; > 0 means you control this business and the 403(b) is aggregated with the solo plan for 415(c)',
      )
        .default(0)
        .argParser(money('--403b-additions')),
    )
    .option(
      '--403b-compensation <dollars>',
      "compensation from the 403(b)'s employer, for the combined 415(c) limit (default: --w2-wages)",
      money('--403b-compensation'),
    )
    .addOption(
      new Option('--age <n>', 'age on December 31 (18-120; decides the catch-up)')
        .default(40)
        .argParser((v) => parseIntOption('--age', v, 18, 120)),
    )
    .addOption(
      new Option('--plan-rate <percent>', 'profit-sharing rate of the plan, 0-25')
        .default(25)
        .argParser(parsePlanRate),
    )
    .option(
      '--roth-deferrals',
      "the solo plan's deferrals and catch-ups are designated Roth (not deducted)",
    )
    .addOption(
      new Option(
        '--rate-rounding <how>',
        'Pub 560 self-employed rate: full (exact r/(1+r)), table (6 places) or a number of places from 3',
      )
        .default({ kind: 'full' }, 'full')
        .argParser(parseRounding),
    )
    .addOption(
      new Option('--filing-status <status>', 'for the Additional Medicare Tax threshold')
        .default('single')
        .argParser((v) => parseChoiceOption('--filing-status', v, FILING_STATUSES)),
    )
    .option(
      '--json',
      "print JSON (dollars with cents; `explain` holds each figure's rule and citation)",
    )
    .option('--explain', 'print each figure with the rule and citation behind it')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  megaroth solo --net-profit 65000 --w2-wages 300000 --deferrals-elsewhere 24500 --year 2026\n' +
        '  megaroth solo --net-profit 65000 --w2-wages 300000 --deferrals-elsewhere 24500 --403b-additions 36500\n' +
        '  megaroth solo --s-corp-wages 100000 --age 52 --json',
    )
    .action((opts: SoloOptions) => {
      if (opts.netProfit !== undefined && opts.sCorpWages !== undefined) {
        throw inputError('--net-profit', 'give either --net-profit or --s-corp-wages, not both');
      }
      if (opts.netProfit === undefined && opts.sCorpWages === undefined) {
        throw inputError(
          '--net-profit',
          'give --net-profit (Schedule C / partnership) or --s-corp-wages',
        );
      }
      const additions = opts['403bAdditions'];
      if (opts['403bCompensation'] !== undefined && additions === 0) {
        throw inputError(
          '--403b-compensation',
          'only applies with --403b-additions greater than 0',
        );
      }
      const params = paramsFor(opts.year, '--year');
      let r: SoloRoom;
      try {
        r = soloRoom(params, {
          business:
            opts.netProfit !== undefined
              ? { kind: 'self-employed', netProfit: opts.netProfit }
              : { kind: 's-corp', wages: opts.sCorpWages ?? 0 },
          w2SocialSecurityWages: opts.w2Wages,
          filingStatus: opts.filingStatus,
          deferralsElsewhere: opts.deferralsElsewhere,
          age: opts.age,
          rothDeferrals: opts.rothDeferrals === true,
          planRate: percentRate(opts.planRate),
          rateRounding: opts.rateRounding,
          ...(additions > 0
            ? {
                aggregated403b: {
                  annualAdditions: additions,
                  compensation: opts['403bCompensation'] ?? opts.w2Wages,
                },
              }
            : {}),
        });
      } catch (e) {
        if (e instanceof InputError) throw remap(e);
        throw e;
      }
      if (opts.json) printJson(io, soloJson(opts.year, r));
      else {
        io.out(soloText(opts.year, r));
        if (opts.explain) {
          io.out('\nHow each figure was computed\n');
          for (const f of explainSoloRoom(r)) {
            io.out(
              `  ${f.key} = ${formatUsd(f.cents)}\n      why: ${f.why}\n      source: ${f.citation}\n`,
            );
          }
        }
      }
    });
};
