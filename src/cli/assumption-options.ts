/**
 * The planning-assumption flags of `plan`, `compare` and `optimize` (flags override the
 * scenario file's `assumptions` and `people[].retirementAge`): rates in percent as in the
 * scenario (`--state-rate 9.3`), the retirement income in dollars, ages in years.
 */
import type { Command } from 'commander';
import { InputError } from '../engine/errors.js';
import { percentToRate, rateValue } from '../engine/money.js';
import {
  resolveAssumptions,
  type GivenAssumptions,
  type GrowthAssumptions,
} from '../engine/project/assumptions.js';
import { ASSUMPTION_PERCENT_RANGES } from '../engine/scenario/assumptions.js';
import { ASSUMPTION_FLAGS, withFlags } from './flags.js';
import { parseIntOption, parseMoneyOption, parseNumberOption } from './options.js';

export interface AssumptionOptions {
  readonly stateRate?: string;
  readonly retirementStateRate?: string;
  readonly return?: string;
  readonly volatility?: string;
  readonly inflation?: string;
  readonly dividendYield?: string;
  readonly retirementTaxRate?: string;
  readonly retirementIncome?: string;
  readonly niit?: boolean;
  readonly retirementAge?: string;
  readonly planEndAge?: string;
}

const R = ASSUMPTION_PERCENT_RANGES;

/** Adds the assumption flags to a command. */
export function withAssumptionOptions(cmd: Command): Command {
  const range = (r: readonly [number, number]): string => `${String(r[0])} to ${String(r[1])}`;
  return cmd
    .option('--state-rate <percent>', 'state income tax rate now, percent (default 5)')
    .option(
      '--retirement-state-rate <percent>',
      'state income tax rate in retirement, percent (default: --state-rate)',
    )
    .option(
      '--return <percent>',
      `expected yearly return, percent (${range(R.expectedReturn)}; default 7)`,
    )
    .option(
      '--volatility <percent>',
      `yearly volatility, percent (${range(R.volatility)}; default 15)`,
    )
    .option(
      '--inflation <percent>',
      `yearly inflation, percent (${range(R.inflation)}; default 2.5)`,
    )
    .option(
      '--dividend-yield <percent>',
      `dividend yield of a taxable account, percent (${range(R.dividendYield)}; default 1.5)`,
    )
    .option(
      '--retirement-tax-rate <percent>',
      'federal marginal rate on withdrawals in retirement, percent (instead of --retirement-income)',
    )
    .option(
      '--retirement-income <dollars>',
      'taxable income in retirement, today’s dollars (default 150000)',
    )
    .option('--niit', 'the taxable account pays the 3.8% NIIT (default: by MAGI)')
    .option('--no-niit', 'the taxable account does not pay the NIIT')
    .option('--retirement-age <age>', 'retirement age of everyone (default 65)')
    .option('--plan-end-age <age>', 'age at which withdrawals end (default 90)');
}

function percent(flag: string, raw: string, min: number, max: number): number {
  const n = parseNumberOption(flag, raw, min, max);
  const r = percentToRate(n);
  if (r === undefined) {
    throw new InputError([{ path: flag, message: `must have at most 4 decimals, got ${raw}` }]);
  }
  return rateValue(r);
}

/** The values the flags give (only those given). */
export function givenByFlags(o: AssumptionOptions): GivenAssumptions {
  const out: Record<string, number | boolean> = {};
  const pct = (
    key: string,
    flag: string,
    raw: string | undefined,
    r: readonly [number, number],
  ) => {
    if (raw !== undefined) out[key] = percent(flag, raw, r[0], r[1]);
  };
  pct('stateIncomeTaxRate', '--state-rate', o.stateRate, R.stateIncomeTaxRate);
  pct(
    'retirementStateIncomeTaxRate',
    '--retirement-state-rate',
    o.retirementStateRate,
    R.stateIncomeTaxRate,
  );
  pct('expectedReturn', '--return', o.return, R.expectedReturn);
  pct('volatility', '--volatility', o.volatility, R.volatility);
  pct('inflation', '--inflation', o.inflation, R.inflation);
  pct('dividendYield', '--dividend-yield', o.dividendYield, R.dividendYield);
  pct('retirementTaxRate', '--retirement-tax-rate', o.retirementTaxRate, R.retirementTaxRate);
  if (o.retirementIncome !== undefined) {
    out['retirementTaxableIncome'] = parseMoneyOption('--retirement-income', o.retirementIncome);
  }
  if (o.niit !== undefined) out['taxableAccountPaysNiit'] = o.niit;
  if (o.retirementAge !== undefined) {
    out['retirementAge'] = parseIntOption('--retirement-age', o.retirementAge, 1, 120);
  }
  if (o.planEndAge !== undefined) {
    out['planEndAge'] = parseIntOption('--plan-end-age', o.planEndAge, 1, 130);
  }
  return out;
}

/** The assumptions the flags set, over the defaults (the engine puts the file's in between). */
export function assumptionsFromFlags(o: AssumptionOptions): GrowthAssumptions {
  return withFlags(ASSUMPTION_FLAGS, () => resolveAssumptions({}, givenByFlags(o)));
}

/** True when any assumption flag was given. */
export function anyAssumptionFlag(o: AssumptionOptions): boolean {
  return Object.keys(givenByFlags(o)).length > 0;
}
