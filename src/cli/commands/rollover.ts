/**
 * `megaroth rollover`: how much of an in-service withdrawal (or distribution) from a plan is
 * pre-tax and basis, where each part lands for a chosen destination, what is taxable and what is
 * withheld (IRC 72(e)(8), 72(d)(2); Notice 2014-54; IRC 3405(c)).
 */
import { Option, type Command } from 'commander';
import { inputError } from '../../engine/errors.js';
import {
  allocateDistribution,
  directionsFor,
  explainDistribution,
  ROUTES,
  splitDistribution,
  type Route,
} from '../../engine/distributions/index.js';
import { formatUsd, toDollars, type Cents } from '../../engine/money.js';
import { printJson } from '../io.js';
import { parseChoiceOption, moneyOption } from '../options.js';
import { renderPairs } from '../table.js';
import type { Register } from './index.js';

interface RolloverOptions {
  readonly balance: Cents;
  readonly afterTaxBasis: Cents;
  readonly amount: Cents;
  readonly separateAfterTaxAccount?: boolean;
  readonly afterTaxEarnings?: Cents;
  readonly to: Route;
  readonly json?: boolean;
  readonly explain?: boolean;
  readonly directTraditional?: Cents;
  readonly directRoth?: Cents;
  readonly sixtyDayTraditional?: Cents;
  readonly sixtyDayRoth?: Cents;
}

const money = moneyOption;

export const register: Register = (program, io) => {
  program
    .command('rollover')
    .summary('Pre-tax vs after-tax in a plan withdrawal, where it lands, tax and withholding')
    .description(
      'Split an in-service withdrawal or rollover from a plan into pre-tax and after-tax basis ' +
        '(pro-rata over the whole account, IRC 72(e)(8), or within a separate after-tax ' +
        'subaccount), send it to a destination (Notice 2014-54) and show the taxable amount and ' +
        'the 20% withholding on a payment to you.',
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
      'the plan keeps after-tax money as a separate subaccount (72(d)(2)); the withdrawal comes from it alone',
    )
    .option(
      '--after-tax-earnings <dollars>',
      'earnings in the separate after-tax subaccount (with --separate-after-tax-account)',
      money('--after-tax-earnings'),
    )
    .addOption(
      new Option(
        '--to <where>',
        'destination: roth-ira (all converted), traditional-ira, split (pre-tax to a traditional IRA, basis to a Roth IRA), cash (paid to you)',
      )
        .default('split')
        .argParser((v) => parseChoiceOption('--to', v, ROUTES)),
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
      '--json',
      "print JSON (dollars with cents; `explain` holds each figure's rule and citation)",
    )
    .option('--explain', 'print each figure with the rule and citation behind it')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  megaroth rollover --balance 100000 --after-tax-basis 20000 --amount 20000 --to roth-ira\n' +
        '  megaroth rollover --balance 100000 --after-tax-basis 20000 --amount 100000 --to split\n' +
        '  megaroth rollover --balance 81200 --after-tax-basis 30000 --amount 31200 \\\n' +
        '      --separate-after-tax-account --after-tax-earnings 1200 --to roth-ira --json\n' +
        '  megaroth rollover --balance 200000 --after-tax-basis 20000 --amount 100000 --direct-traditional 70000',
    )
    .action((opts: RolloverOptions, cmd: Command) => {
      const separate = opts.separateAfterTaxAccount === true;
      if (!separate && opts.afterTaxEarnings !== undefined) {
        throw inputError('--after-tax-earnings', 'only applies with --separate-after-tax-account');
      }
      if (separate && opts.afterTaxEarnings === undefined) {
        throw inputError(
          '--after-tax-earnings',
          'is required with --separate-after-tax-account (0 if none)',
        );
      }
      const account = {
        balance: opts.balance,
        afterTaxBasis: opts.afterTaxBasis,
        ...(opts.afterTaxEarnings !== undefined
          ? { separateAfterTaxEarnings: opts.afterTaxEarnings }
          : {}),
      };
      const parts = splitDistribution(opts.amount, account, {
        amount: '--amount',
        balance: '--balance',
        afterTaxBasis: '--after-tax-basis',
        separateAfterTaxEarnings: '--after-tax-earnings',
      });
      const custom = {
        ...(opts.directTraditional !== undefined
          ? { directTraditional: opts.directTraditional }
          : {}),
        ...(opts.directRoth !== undefined ? { directRoth: opts.directRoth } : {}),
        ...(opts.sixtyDayTraditional !== undefined
          ? { sixtyDayTraditional: opts.sixtyDayTraditional }
          : {}),
        ...(opts.sixtyDayRoth !== undefined ? { sixtyDayRoth: opts.sixtyDayRoth } : {}),
      };
      const isCustom = Object.keys(custom).length > 0;
      if (isCustom && cmd.getOptionValueSource('to') === 'cli') {
        throw inputError(
          '--to',
          'give either --to or the amounts (--direct-traditional, --direct-roth, --sixty-day-traditional, --sixty-day-roth), not both',
        );
      }
      const a = allocateDistribution(parts, isCustom ? custom : directionsFor(parts, opts.to), {
        directTraditional: '--direct-traditional',
        directRoth: '--direct-roth',
        sixtyDayTraditional: '--sixty-day-traditional',
        sixtyDayRoth: '--sixty-day-roth',
      });
      const figures = explainDistribution(opts.amount, account, a);
      const accounting = separate
        ? 'separate after-tax subaccount (IRC 72(d)(2))'
        : 'pro-rata over the whole account (IRC 72(e)(8))';
      if (opts.json) {
        printJson(io, {
          amount: toDollars(opts.amount),
          to: isCustom ? 'custom' : opts.to,
          accounting: separate ? 'separate' : 'pro-rata',
          pretax: toDollars(parts.pretax),
          afterTaxBasis: toDollars(parts.afterTaxBasis),
          taxable: toDollars(a.taxable),
          toRothIra: toDollars(a.toRoth.amount),
          rothIraBasis: toDollars(a.toRoth.basis),
          toTraditionalIra: toDollars(a.toTraditional.amount),
          traditionalIraBasis: toDollars(a.toTraditional.basis),
          toCash: toDollars(a.toCash.amount),
          cashBasis: toDollars(a.toCash.basis),
          withholding: toDollars(a.withholding),
          check: toDollars(a.check),
          explain: Object.fromEntries(
            figures.map((f) => [f.key, { label: f.label, why: f.why, citation: f.citation }]),
          ),
        });
        return;
      }
      const u = (c: Cents): string => formatUsd(c);
      io.out(`Withdrawal of ${u(opts.amount)}: ${accounting}\n\n`);
      const pairs: [string, string][] = [
        ['Pre-tax part (contributions, employer money, all earnings)', u(parts.pretax)],
        ['After-tax basis part', u(parts.afterTaxBasis)],
      ];
      if (a.toRoth.amount > 0)
        pairs.push([`To a Roth IRA (basis ${u(a.toRoth.basis)})`, u(a.toRoth.amount)]);
      if (a.toTraditional.amount > 0) {
        pairs.push([
          `To a traditional IRA (basis ${u(a.toTraditional.basis)}, Form 8606)`,
          u(a.toTraditional.amount),
        ]);
      }
      if (a.toCash.amount > 0)
        pairs.push([
          `Kept by you, withholding included (basis ${u(a.toCash.basis)})`,
          u(a.toCash.amount),
        ]);
      pairs.push(['Taxable this year', u(a.taxable)]);
      pairs.push([
        '20% withholding (IRC 3405(c), on the pre-tax part paid to you)',
        u(a.withholding),
      ]);
      if (a.paidToParticipant > 0) pairs.push(['Check you receive', u(a.check)]);
      io.out(renderPairs(pairs));
      if (opts.explain) {
        io.out('\nHow each figure was computed\n');
        for (const f of figures) {
          io.out(`  ${f.key} = ${u(f.cents)}\n      why: ${f.why}\n      source: ${f.citation}\n`);
        }
      }
      if (a.toRoth.pretax > 0) {
        io.out(
          '\nThe pre-tax part converted to Roth is taxable, without the 10% additional tax; its own\nfive-year period applies to it (IRC 408A(d)(3)(F)).\n',
        );
      }
      if (a.toCash.pretax > 0) {
        io.out(
          '\nThe pre-tax part paid to you is taxable and, before age 59½, may carry the 10%\nadditional tax (IRC 72(t)); rolling it over within 60 days avoids both.\n',
        );
      }
    });
};
