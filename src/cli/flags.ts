/**
 * The engine names fields by path (`deferralsElsewhere`, `census[12].compensation`); a command
 * built from flags maps those paths to the flags a user typed, here and nowhere else.
 */
import { InputError } from '../engine/errors.js';
import type { Finding } from '../engine/report/model.js';

/** Engine field path → the command-line flag it came from. */
export type FlagMap = Readonly<Record<string, string>>;

/** The same error with each path that came from a flag renamed to that flag. */
export function toFlags(e: InputError, flags: FlagMap): InputError {
  return new InputError(e.issues.map((i) => ({ ...i, path: flags[i.path] ?? i.path })));
}

/** Runs `fn`; an InputError it throws names flags instead of engine paths. */
export function withFlags<T>(flags: FlagMap, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InputError) throw toFlags(e, flags);
    throw e;
  }
}

/** The report with each finding's path that came from a flag renamed to that flag. */
export function findingsWithFlags<R extends { readonly findings: readonly Finding[] }>(
  report: R,
  flags: FlagMap,
): R {
  return {
    ...report,
    findings: report.findings.map((f) => ({ ...f, path: flags[f.path] ?? f.path })),
  };
}

/** The planning assumptions (engine field `assumptions.<name>`) → the flag that sets each. */
export const ASSUMPTION_FLAGS: Readonly<Record<string, string>> = {
  'assumptions.stateIncomeTaxRate': '--state-rate',
  'assumptions.retirementStateIncomeTaxRate': '--retirement-state-rate',
  'assumptions.expectedReturn': '--return',
  'assumptions.volatility': '--volatility',
  'assumptions.inflation': '--inflation',
  'assumptions.dividendYield': '--dividend-yield',
  'assumptions.retirementTaxRate': '--retirement-tax-rate',
  'assumptions.retirementTaxableIncome': '--retirement-income',
  'assumptions.taxableAccountPaysNiit': '--niit / --no-niit',
  'assumptions.retirementAge': '--retirement-age',
  'assumptions.planEndAge': '--plan-end-age',
};
