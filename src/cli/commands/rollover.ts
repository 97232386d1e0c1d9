/**
 * `megaroth rollover`: how much of an in-service withdrawal (or distribution) from a plan is
 * pre-tax and basis, where each part lands for a chosen destination, what is taxable, what is
 * withheld and the 10% additional tax on what is kept — the `rollover` report, printed as text,
 * `--json` or `--explain`.
 */
import { Option } from 'commander';
import {
  PLAN_EXCEPTIONS,
  ROUTES,
  type Directions,
  type EarlyExceptionName,
  type Route,
} from '../../engine/distributions/index.js';
import { ADDITIONAL_TAX_TEXT, NONPERIODIC_TEXT } from '../../engine/distributions/params-text.js';
import { distributionConstants } from '../../engine/params/distributions.js';
import { cents, formatUsd, type Cents } from '../../engine/money.js';
import { rolloverReport, type RolloverReport } from '../../engine/report/rollover.js';
import { findingsWithFlags, withFlags, type FlagMap } from '../flags.js';
import { moneyOption, parseChoiceOption, parseIntOption } from '../options.js';
import { renderFindings } from '../render/findings.js';
import {
  formatRate,
  printReport,
  withReportOptions,
  type ReportOutputOptions,
} from '../report-output.js';
import { renderPairs } from '../table.js';
import { wrap } from '../text.js';
import type { Register } from './index.js';

interface RolloverOptions extends ReportOutputOptions {
  readonly balance: Cents;
  readonly afterTaxBasis: Cents;
  readonly amount: Cents;
  readonly separateAfterTaxAccount?: boolean;
  readonly afterTaxEarnings?: Cents;
  readonly to?: Route;
  readonly directTraditional?: Cents;
  readonly directRoth?: Cents;
  readonly sixtyDayTraditional?: Cents;
  readonly sixtyDayRoth?: Cents;
  readonly birthDate?: string;
  readonly date?: string;
  readonly separationYear?: number;
  readonly publicSafety?: boolean;
  readonly exception?: EarlyExceptionName;
  readonly exceptionAmount?: Cents;
  readonly notEligibleRollover?: boolean;
  readonly electNoWithholding?: boolean;
  readonly paidEarlierThisYear?: Cents;
}

const FLAGS: FlagMap = {
  balance: '--balance',
  afterTaxBasis: '--after-tax-basis',
  amount: '--amount',
  separateAfterTaxAccount: '--separate-after-tax-account',
  afterTaxEarnings: '--after-tax-earnings',
  to: '--to',
  directTraditional: '--direct-traditional',
  directRoth: '--direct-roth',
  sixtyDayTraditional: '--sixty-day-traditional',
  sixtyDayRoth: '--sixty-day-roth',
  birthDate: '--birth-date',
  date: '--date',
  separationYear: '--separation-year',
  publicSafety: '--public-safety',
  exception: '--exception',
  exceptionAmount: '--exception-amount',
  eligible: '--not-eligible-rollover',
  electedOut: '--elect-no-withholding',
  paidEarlierThisYear: '--paid-earlier-this-year',
};

const money = moneyOption;

function directionsOf(o: RolloverOptions): Directions | undefined {
  const d = {
    ...(o.directTraditional !== undefined ? { directTraditional: o.directTraditional } : {}),
    ...(o.directRoth !== undefined ? { directRoth: o.directRoth } : {}),
    ...(o.sixtyDayTraditional !== undefined ? { sixtyDayTraditional: o.sixtyDayTraditional } : {}),
    ...(o.sixtyDayRoth !== undefined ? { sixtyDayRoth: o.sixtyDayRoth } : {}),
  };
  return Object.keys(d).length > 0 ? d : undefined;
}

const floor = formatUsd(cents(distributionConstants.mandatoryWithholdingMinimum.value), {
  wholeDollars: true,
});

/** The withholding line's label for each rule. */
const WITHHOLDING_LABEL: Readonly<Record<RolloverReport['withholdingRule'], string>> = {
  mandatory: `${formatRate(distributionConstants.mandatoryWithholdingRate.value)} withholding (IRC 3405(c), on the pre-tax part paid to you)`,
  'under-minimum': `Withholding (none: the year's distributions are under ${floor})`,
  'non-eligible': `${NONPERIODIC_TEXT} withholding (IRC 3405(b), not eligible for rollover)`,
  'elected-out': 'Withholding (none: elected out, IRC 3405(b)(2))',
};

function render(r: RolloverReport): string {
  const u = (f: { cents: Cents }): string => formatUsd(f.cents);
  const accounting =
    r.accounting === 'separate'
      ? 'within the after-tax source (IRC 72(d)(2))'
      : 'pro-rata over the whole account (IRC 72(e)(8))';
  const pairs: [string, string][] = [
    ['Pre-tax part (contributions, employer money, all earnings)', u(r.pretax)],
    ['After-tax basis part', u(r.afterTaxBasis)],
  ];
  if (r.toRothIra.cents > 0)
    pairs.push([`To a Roth IRA (basis ${u(r.rothIraBasis)})`, u(r.toRothIra)]);
  if (r.toTraditionalIra.cents > 0) {
    pairs.push([
      `To a traditional IRA (basis ${u(r.traditionalIraBasis)}, Form 8606)`,
      u(r.toTraditionalIra),
    ]);
  }
  if (r.toCash.cents > 0)
    pairs.push([`Kept by you, withholding included (basis ${u(r.cashBasis)})`, u(r.toCash)]);
  pairs.push(['Taxable this year', u(r.taxable)]);
  pairs.push([WITHHOLDING_LABEL[r.withholdingRule], u(r.withholding)]);
  if (r.check.cents > 0 || r.withholding.cents > 0) pairs.push(['Check you receive', u(r.check)]);
  const early = r.earlyDistribution;
  if (early && early.subjectTo.cents > 0)
    pairs.push([`${ADDITIONAL_TAX_TEXT} additional tax (IRC 72(t))`, u(early.additionalTax)]);
  return [
    `Withdrawal of ${u(r.amount)}: ${accounting}\n\n`,
    renderPairs(pairs),
    `\n${wrap(`Accounting: ${r.accountingWhy}.`, '', '  ')}\n`,
    renderFindings(r.findings),
  ].join('');
}

export const register: Register = (program, io) => {
  withReportOptions(
    program
      .command('rollover')
      .summary('Pre-tax vs after-tax in a plan withdrawal, where it lands, tax and withholding')
      .description(
        'Split an in-service withdrawal or rollover from a plan into pre-tax and after-tax basis, ' +
          'send it to a destination (Notice 2014-54) and show the taxable amount and the ' +
          'withholding on a payment to you (IRC 3405), and — given your birth date and the date, or ' +
          'an exception — the 10% additional tax on pre-tax money you keep (IRC 72(t)).\n\n' +
          'Nearly every plan keeps after-tax money as its own source (IRC 72(d)(2)): give ' +
          '--separate-after-tax-account with --after-tax-earnings, and the withdrawal comes from ' +
          'that source alone, only its earnings pre-tax. Without it the withdrawal is figured ' +
          'pro-rata over the whole account (IRC 72(e)(8)), as in a plan that pools after-tax ' +
          'money, and the plan administrator is asked; --no-separate-after-tax-account says the ' +
          'plan pools it.',
      )
      .requiredOption(
        '--balance <dollars>',
        'whole plan account balance (pre-tax, employer, after-tax and earnings; not Roth)',
        money('--balance'),
      )
      .requiredOption(
        '--after-tax-basis <dollars>',
        'after-tax contributions not yet recovered (basis)',
        money('--after-tax-basis'),
      )
      .requiredOption('--amount <dollars>', 'amount withdrawn', money('--amount'))
      .option(
        '--separate-after-tax-account',
        'the plan keeps after-tax money as its own source (72(d)(2); the typical case): the withdrawal comes from it alone',
      )
      .option(
        '--no-separate-after-tax-account',
        'the plan pools after-tax money with the rest of the account (72(e)(8) pro-rata)',
      )
      .option(
        '--after-tax-earnings <dollars>',
        'earnings in the after-tax source (with --separate-after-tax-account)',
        money('--after-tax-earnings'),
      )
      .addOption(
        new Option(
          '--to <where>',
          'destination: roth-ira (all converted), traditional-ira, split (pre-tax to a traditional IRA, basis to a Roth IRA; the default), cash (paid to you)',
        ).argParser((v) => parseChoiceOption('--to', v, ROUTES)),
      )
      .option(
        '--direct-traditional <dollars>',
        'instead of --to: amount directly rolled to a traditional IRA or pre-tax plan',
        money('--direct-traditional'),
      )
      .option(
        '--direct-roth <dollars>',
        'instead of --to: amount directly rolled to a Roth IRA (the rest is paid to you)',
        money('--direct-roth'),
      )
      .option(
        '--sixty-day-traditional <dollars>',
        'of the amount paid to you, rolled to a traditional IRA within 60 days',
        money('--sixty-day-traditional'),
      )
      .option(
        '--sixty-day-roth <dollars>',
        'of the amount paid to you, rolled to a Roth IRA within 60 days',
        money('--sixty-day-roth'),
      )
      .option(
        '--birth-date <date>',
        'your birth date (YYYY-MM-DD), with --date: the 10% additional tax on pre-tax money kept before age 59½ (IRC 72(t))',
      )
      .option('--date <date>', 'the date of the distribution (YYYY-MM-DD)')
      .option(
        '--separation-year <year>',
        'the year you left the employer that maintains the plan: no 10% tax if it is the year you turn 55 or later (IRC 72(t)(2)(A)(v))',
        (v) => parseIntOption('--separation-year', v, 1900, 2200),
      )
      .option(
        '--public-safety',
        'a qualified public safety employee: the separation age is 50 (IRC 72(t)(10))',
      )
      .addOption(
        new Option(
          '--exception <name>',
          `an exception to the 10% tax (IRC 72(t)(2)): ${PLAN_EXCEPTIONS.join(', ')}`,
        ).argParser((v) => parseChoiceOption('--exception', v, PLAN_EXCEPTIONS)),
      )
      .option(
        '--exception-amount <dollars>',
        'the amount an exception that covers only qualifying expenses covers (medical, birth-adoption, emergency, domestic-abuse, disaster)',
        money('--exception-amount'),
      )
      .option(
        '--not-eligible-rollover',
        'not an eligible rollover distribution (hardship, required minimum distribution, a substantially equal payment; IRC 402(c)(4)): paid to you, 10% withheld unless you elect out (IRC 3405(b))',
      )
      .option(
        '--elect-no-withholding',
        'with --not-eligible-rollover: you elect out of the 10% withholding (IRC 3405(b)(2))',
      )
      .option(
        '--paid-earlier-this-year <dollars>',
        'eligible rollover distributions the plan already paid you this year (no withholding while the year totals under $200)',
        money('--paid-earlier-this-year'),
      ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  megaroth rollover --balance 81200 --after-tax-basis 30000 --amount 31200 \\\n' +
        '      --separate-after-tax-account --after-tax-earnings 1200 --to roth-ira\n' +
        '  megaroth rollover --balance 100000 --after-tax-basis 20000 --amount 20000 --to roth-ira\n' +
        '  megaroth rollover --balance 100000 --after-tax-basis 20000 --amount 100000 --to split --json\n' +
        '  megaroth rollover --balance 200000 --after-tax-basis 20000 --amount 100000 --direct-traditional 70000 --explain\n' +
        '  megaroth rollover --balance 100000 --after-tax-basis 20000 --amount 20000 --to cash \\\n' +
        '      --birth-date 1980-06-01 --date 2026-03-01',
    )
    .action((opts: RolloverOptions) => {
      const directions = directionsOf(opts);
      const report = withFlags(FLAGS, () =>
        rolloverReport({
          balance: opts.balance,
          afterTaxBasis: opts.afterTaxBasis,
          amount: opts.amount,
          ...(opts.separateAfterTaxAccount !== undefined
            ? { separateAfterTaxAccount: opts.separateAfterTaxAccount }
            : {}),
          ...(opts.afterTaxEarnings !== undefined
            ? { afterTaxEarnings: opts.afterTaxEarnings }
            : {}),
          ...(opts.to !== undefined ? { to: opts.to } : {}),
          ...(directions !== undefined ? { directions } : {}),
          ...(opts.birthDate !== undefined ? { birthDate: opts.birthDate } : {}),
          ...(opts.date !== undefined ? { date: opts.date } : {}),
          ...(opts.separationYear !== undefined ? { separationYear: opts.separationYear } : {}),
          ...(opts.publicSafety === true ? { publicSafety: true } : {}),
          ...(opts.exception !== undefined ? { exception: opts.exception } : {}),
          ...(opts.exceptionAmount !== undefined ? { exceptionAmount: opts.exceptionAmount } : {}),
          ...(opts.notEligibleRollover === true ? { eligible: false } : {}),
          ...(opts.electNoWithholding === true ? { electedOut: true } : {}),
          ...(opts.paidEarlierThisYear !== undefined
            ? { paidEarlierThisYear: opts.paidEarlierThisYear }
            : {}),
        }),
      );
      printReport(io, findingsWithFlags(report, FLAGS), opts, render);
    });
};
