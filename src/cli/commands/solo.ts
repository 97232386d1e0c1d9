/**
 * `megaroth solo`: the quick answer for a Solo 401(k) on Schedule C / partnership income or
 * S-corp wages beside W-2 jobs. The flags describe a one-person household; the household engine
 * (the one behind `megaroth plan`) answers it, and the `solo` report is printed.
 */
import { Option } from 'commander';
import { inputError } from '../../engine/errors.js';
import { formatUsd, type Cents } from '../../engine/money.js';
import { SUPPORTED_YEARS } from '../../engine/params/index.js';
import { soloReport, type SoloEnd, type SoloReport } from '../../engine/report/solo.js';
import { MAX_AGE, MIN_AGE } from '../../engine/self-employment/catch-up-limit.js';
import {
  FULL_PRECISION,
  MAX_RATE_PLACES,
  RATE_TABLE_ROUNDING,
  type RateRounding,
} from '../../engine/self-employment/pub560-rate.js';
import { FILING_STATUSES, type FilingStatus } from '../../engine/tax/filing-status.js';
import { withFlags, type FlagMap } from '../flags.js';
import {
  moneyOption,
  parseChoiceOption,
  parseIntOption,
  parseNumberOption,
  parseYearOption,
} from '../options.js';
import { printReport, withReportOptions, type ReportOutputOptions } from '../report-output.js';
import { renderPairs, renderTable } from '../table.js';
import type { Register } from './index.js';

interface SoloOptions extends ReportOutputOptions {
  readonly year: number;
  readonly netProfit?: Cents;
  readonly sCorpWages?: Cents;
  readonly priorYearFicaWages?: Cents;
  readonly w2Wages: Cents;
  readonly w2MedicareWages?: Cents;
  readonly deferralsElsewhere: Cents;
  readonly catchUpElsewhere: Cents;
  readonly '403bAdditions': Cents;
  readonly '403bCompensation'?: Cents;
  readonly age: number;
  readonly planRate?: number;
  readonly rothDeferrals?: boolean;
  readonly rateRounding: RateRounding;
  readonly filingStatus: FilingStatus;
}

/** The engine's field paths (SoloInput) → the flags they came from. */
const FLAGS: FlagMap = {
  year: '--year',
  age: '--age',
  planRate: '--plan-rate',
  rateRounding: '--rate-rounding',
  'business.netProfit': '--net-profit',
  'business.wages': '--s-corp-wages',
  'business.priorYearFicaWages': '--prior-year-fica-wages',
  w2SocialSecurityWages: '--w2-wages',
  w2MedicareWages: '--w2-medicare-wages',
  deferralsElsewhere: '--deferrals-elsewhere',
  catchUpElsewhere: '--catch-up-elsewhere',
  'aggregated403b.annualAdditions': '--403b-additions',
  'aggregated403b.compensation': '--403b-compensation',
};

function parseRounding(raw: string): RateRounding {
  const t = raw.trim().toLowerCase();
  if (t === 'full') return FULL_PRECISION;
  if (t === 'table') return RATE_TABLE_ROUNDING;
  // The engine checks the Rate Worksheet's minimum; here only a whole number is read.
  return { kind: 'places', places: parseIntOption('--rate-rounding', t, 0, MAX_RATE_PLACES) };
}

const u = (f: { readonly cents: Cents }): string => formatUsd(f.cents);

/** The readable report: a one-line answer, Schedule SE, the two ends, then the rules and findings. */
function renderSolo(r: SoloReport): string {
  const n: SoloEnd = r.noEmployerContribution;
  const agg = r.aggregation.applied
    ? `403(b) aggregated, ${u(r.aggregation.dollarRoomLeft)} of 415(c) left`
    : 'own 415(c) limit';
  const lines: string[] = [];
  lines.push(
    `Solo 401(k) ${String(r.year)}: ${u(r.total)} in at most — employer ${u(r.employerContribution)} + deferral ${u(r.employeeDeferral)}` +
      `${r.catchUp.cents > 0 ? ` + catch-up ${u(r.catchUp)}` : ''} + after-tax ${u(r.afterTaxRoom)} (${agg}); ` +
      `with no employer contribution, after-tax ${u(n.afterTaxRoom)}, ${u(n.total)} in.`,
  );
  lines.push('');
  if (r.scheduleSe && r.worksheet) {
    lines.push(
      renderPairs([
        ['Net earnings from self-employment (Sch SE line 6)', u(r.scheduleSe.line6NetEarnings)],
        ['  wage base left after W-2 wages (line 9)', u(r.scheduleSe.line9WageBaseLeft)],
        ['SE tax (line 12)', u(r.scheduleSe.line12SeTax)],
        ['Deductible half of SE tax (line 13)', u(r.scheduleSe.line13Deduction)],
        ['Additional Medicare Tax on SE income (Form 8959)', u(r.additionalMedicareTaxOnSeIncome)],
        ['Net profit less half SE tax (Pub 560 step 3)', u(r.worksheet.step3NetEarnings)],
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
        ['Employer contribution', u(r.employerContribution), u(n.employerContribution)],
        ['Employee deferral (402(g) left)', u(r.employeeDeferral), u(n.employeeDeferral)],
        ['Catch-up', u(r.catchUp), u(n.catchUp)],
        ['Compensation', u(r.compensation), u(n.compensation)],
        ['415(c) limit for this plan', u(r.limit415c), u(n.limit415c)],
        ['After-tax room', u(r.afterTaxRoom), u(n.afterTaxRoom)],
        ['Total in', u(r.total), u(n.total)],
        ['Deduction', u(r.deduction), u(n.deduction)],
      ],
    ).trimEnd(),
  );
  lines.push('');
  lines.push(`415(c): ${r.aggregation.explanation}`);
  lines.push(`Trade-off: ${r.tradeOff.breakEven}`);
  const word = { info: 'Note', warning: 'Warning', error: 'Error', question: 'Ask' } as const;
  for (const f of r.findings) {
    const about = f.severity !== 'info' && f.path ? `${f.path}: ` : '';
    lines.push(`${word[f.severity]}: ${about}${f.message}`);
    if (f.fix) lines.push(`  fix: ${f.fix}`);
  }
  return `${lines.join('\n')}\n`;
}

export const register: Register = (program, io) => {
  const latest = SUPPORTED_YEARS[SUPPORTED_YEARS.length - 1] ?? 2026;
  const money = moneyOption;
  withReportOptions(
    program
      .command('solo')
      .summary('Solo 401(k) room on self-employment or S-corp income, beside W-2 jobs')
      .description(
        'Schedule SE, the Pub 560 employer contribution, the 402(g) and catch-up left after other ' +
          "plans, the solo plan's 415(c) room (shared with a 403(b) when you control the business) " +
          'and the after-tax room, at both ends: maximum employer contribution, and none. The same ' +
          'engine as `megaroth plan`, on the household these options describe.',
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
      .option(
        '--prior-year-fica-wages <dollars>',
        "with --s-corp-wages: last year's FICA wages from the corporation (W-2 box 3), for the Roth catch-up rule (default: this year's wages)",
        money('--prior-year-fica-wages'),
      )
      .addOption(
        new Option(
          '--w2-wages <dollars>',
          'W-2 Social Security wages (box 3) from other jobs (Schedule SE line 8a)',
        )
          .default(0)
          .argParser(money('--w2-wages')),
      )
      .option(
        '--w2-medicare-wages <dollars>',
        'W-2 Medicare wages (box 5) from other jobs, for Form 8959 (default: --w2-wages, or what the other plans need if more)',
        money('--w2-medicare-wages'),
      )
      .addOption(
        new Option(
          '--deferrals-elsewhere <dollars>',
          '402(g) already used by deferrals in other plans this year (catch-ups not included)',
        )
          .default(0)
          .argParser(money('--deferrals-elsewhere')),
      )
      .addOption(
        new Option(
          '--catch-up-elsewhere <dollars>',
          'catch-ups already made in other plans this year (above the 402(g) limit)',
        )
          .default(0)
          .argParser(money('--catch-up-elsewhere')),
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
        "compensation from the 403(b)'s employer, for the combined 415(c) limit (default: the W-2 Medicare wages)",
        money('--403b-compensation'),
      )
      .addOption(
        new Option(
          '--age <n>',
          `age on December 31 (${String(MIN_AGE)}-${String(MAX_AGE)}; decides the catch-up)`,
        )
          .default(40)
          .argParser((v) => parseIntOption('--age', v, MIN_AGE, MAX_AGE)),
      )
      .addOption(
        new Option(
          '--plan-rate <percent>',
          'profit-sharing rate of the plan in percent (default and most: the IRC 404(a)(3)(A) limit)',
        )
          .default(undefined, 'the 404(a)(3)(A) limit for the year')
          .argParser((v) => parseNumberOption('--plan-rate', v, 0, 100)),
      )
      .option(
        '--roth-deferrals',
        "the solo plan's deferrals and catch-ups are designated Roth (not deducted)",
      )
      .addOption(
        new Option(
          '--rate-rounding <how>',
          'Pub 560 self-employed rate: full (exact r/(1+r)), table (the Rate Table) or a number of places (at least the Rate Worksheet minimum)',
        )
          .default(FULL_PRECISION, 'full')
          .argParser(parseRounding),
      )
      .addOption(
        new Option('--filing-status <status>', 'for the Additional Medicare Tax threshold')
          .default('single')
          .argParser((v) => parseChoiceOption('--filing-status', v, FILING_STATUSES)),
      )
      .addHelpText(
        'after',
        '\nExamples:\n' +
          '  megaroth solo --net-profit 65000 --w2-wages 300000 --deferrals-elsewhere 24500 --year 2026\n' +
          '  megaroth solo --net-profit 65000 --w2-wages 300000 --deferrals-elsewhere 24500 --403b-additions 36500\n' +
          '  megaroth solo --net-profit 100000 --deferrals-elsewhere 24500 --catch-up-elsewhere 8000 --age 55\n' +
          '  megaroth solo --s-corp-wages 100000 --age 52 --json',
      ),
  ).action((opts: SoloOptions) => {
    if (opts.netProfit !== undefined && opts.sCorpWages !== undefined) {
      throw inputError('--net-profit', 'give either --net-profit or --s-corp-wages, not both');
    }
    if (opts.netProfit === undefined && opts.sCorpWages === undefined) {
      throw inputError(
        '--net-profit',
        'give --net-profit (Schedule C / partnership) or --s-corp-wages',
      );
    }
    if (opts.priorYearFicaWages !== undefined && opts.sCorpWages === undefined) {
      throw inputError('--prior-year-fica-wages', 'only applies with --s-corp-wages');
    }
    const additions = opts['403bAdditions'];
    if (opts['403bCompensation'] !== undefined && additions === 0) {
      throw inputError('--403b-compensation', 'only applies with --403b-additions greater than 0');
    }
    const report = withFlags(FLAGS, () =>
      soloReport({
        year: opts.year,
        business:
          opts.netProfit !== undefined
            ? { kind: 'self-employed', netProfit: opts.netProfit }
            : {
                kind: 's-corp',
                wages: opts.sCorpWages ?? 0,
                ...(opts.priorYearFicaWages === undefined
                  ? {}
                  : { priorYearFicaWages: opts.priorYearFicaWages }),
              },
        w2SocialSecurityWages: opts.w2Wages,
        ...(opts.w2MedicareWages === undefined ? {} : { w2MedicareWages: opts.w2MedicareWages }),
        deferralsElsewhere: opts.deferralsElsewhere,
        catchUpElsewhere: opts.catchUpElsewhere,
        ...(additions > 0
          ? {
              aggregated403b: {
                annualAdditions: additions,
                ...(opts['403bCompensation'] === undefined
                  ? {}
                  : { compensation: opts['403bCompensation'] }),
              },
            }
          : {}),
        age: opts.age,
        rothDeferrals: opts.rothDeferrals === true,
        ...(opts.planRate === undefined ? {} : { planRatePercent: opts.planRate }),
        rateRounding: opts.rateRounding,
        filingStatus: opts.filingStatus,
      }),
    );
    // Findings name the engine's fields; the user typed flags.
    const findings = report.findings.map((f) => ({ ...f, path: FLAGS[f.path] ?? f.path }));
    printReport(io, { ...report, findings }, opts, renderSolo);
  });
};
