/**
 * The ADP and ACP tests as a plan sponsor runs them on one census (IRC 401(k)(3), 401(m)(2);
 * Treas. Reg. 1.401(k)-2, 1.401(m)-2): the HCEs determined once; the ADP test first when the
 * census has deferrals (not in a safe-harbor plan, which meets it, Reg. 1.401(k)-3), its excess
 * contributions recharacterized as after-tax money counted in the ACP test of the same plan year
 * (Reg. 1.401(m)-2(a)(4)(ii)); then the ACP test. When the plan lets employees in before age 21
 * and a year of service and tests them apart (IRC 410(b)(4)(B); Reg. 1.401(k)-2(a)(1)(iii),
 * 1.401(m)-2(a)(1)(iii)), each test runs on both groups — or once with the excludable NHCEs left
 * out — and the combined answer passes only when every test passes.
 */
import { InputError, type InputIssue } from '../errors.js';
import { applyRate } from '../money.js';
import { acpConstants } from '../params/acp.js';
import { rate } from '../params/index.js';
import {
  checkAcpOptions,
  evaluateAcp,
  planYearEndOf,
  prepareAcpTest,
  type AcpOptions,
  type AcpResult,
  type PreparedTest,
} from './acp-test.js';
import {
  checkAdpOptions,
  evaluateAdp,
  prepareAdpTest,
  type AdpResult,
  type PreparedAdp,
} from './adp-test.js';
import type { Census } from './census.js';
import { otherwiseExcludable, type ExcludableEmployees } from './excludable.js';
import { determineHces, type HceDetermination } from './hce.js';

/** The employees one test covers. */
export type TestGroup = 'all' | 'meets-age-and-service' | 'otherwise-excludable';

/** One group's tests. */
export interface GroupTests {
  readonly group: TestGroup;
  /** The ADP test, or null (no deferrals in the census, or a safe-harbor plan). */
  readonly adp: { readonly prepared: PreparedAdp; readonly result: AdpResult } | null;
  readonly acp: { readonly prepared: PreparedTest; readonly result: AcpResult };
}

export interface PlanTests {
  readonly options: AcpOptions;
  readonly hces: HceDetermination;
  /** Who is otherwise excludable, when the plan tests them apart (or leaves their NHCEs out). */
  readonly excludable: ExcludableEmployees | null;
  /** One group, or two when the otherwise excludable employees are tested apart. */
  readonly groups: readonly GroupTests[];
  /** Whether the ADP test ran (deferrals in the census, not a safe-harbor plan). */
  readonly adpTested: boolean;
  /** The ADP test over every group (see `combineAdp`), or null. */
  readonly adp: AdpResult | null;
  /** The ACP test over every group (see `combineAcp`). */
  readonly acp: AcpResult;
  /** Every test of every group passes (or is corrected for: see the results). */
  readonly passed: boolean;
}

/**
 * The checks that need the census: the ADP test's options with deferrals, the options that need
 * deferrals without them, and the otherwise-excludable rule's columns. Each names its field.
 */
function checkPlanOptions(census: Census, o: AcpOptions): void {
  checkAcpOptions(o);
  const c = census.columns;
  const adp = c.deferrals && o.safeHarbor !== true;
  if (adp) checkAdpOptions(o);
  const issues: InputIssue[] = [];
  const why = c.deferrals
    ? 'a safe-harbor plan is not ADP-tested (Treas. Reg. 1.401(k)-3)'
    : 'the census has no deferrals column, so there is no ADP test';
  if (!adp && o.priorNhceAdpBps !== undefined) {
    issues.push({ path: 'priorNhceAdpBps', message: `does not apply: ${why}` });
  }
  if (!adp && o.adpCorrection === 'recharacterize') {
    issues.push({ path: 'adpCorrection', message: `does not apply: ${why}` });
  }
  if (!adp && o.qnecTest === 'adp' && o.safeHarbor !== true) {
    issues.push({ path: 'qnecTest', message: `does not apply: ${why}` });
  }
  if (o.excludable !== undefined) {
    if (!(c.age || c.birthDate || c.serviceYears || c.hireDate || c.excludable)) {
      issues.push({
        path: 'excludable',
        message:
          'the census needs birth_date (or age) and hire_date (or service_years), or an otherwise_excludable column, to tell who is otherwise excludable',
      });
    }
    if (o.excludable === 'separate' && o.method === 'prior') {
      issues.push({
        path: 'excludable',
        message:
          'testing the otherwise excludable employees apart needs each group’s prior-year NHCE figures: use the current-year method',
      });
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

/** Runs one group's tests: the ADP test (when there is one), then the ACP test. */
function runGroup(
  census: Census,
  options: AcpOptions,
  hces: HceDetermination,
  group: TestGroup,
  leftOut: Uint8Array | undefined,
  recharacterized: { array: Float64Array | null },
  adpTested: boolean,
): GroupTests {
  const rows = { hces, ...(leftOut ? { leftOut } : {}) };
  let adp: GroupTests['adp'] = null;
  if (adpTested) {
    const prepared = prepareAdpTest(census, options, rows);
    const result = evaluateAdp(prepared);
    adp = { prepared, result };
    for (const c of result.corrections) {
      if (c.recharacterized <= 0) continue;
      recharacterized.array ??= new Float64Array(census.size);
      recharacterized.array[c.index] = c.recharacterized;
    }
  }
  const rech = recharacterized.array;
  const prepared = prepareAcpTest(census, options, {
    ...rows,
    ...(rech ? { recharacterized: rech } : {}),
  });
  return { group, adp, acp: { prepared, result: evaluateAcp(prepared) } };
}

/** Sums of amounts that may be unknown (null). */
function addKnown(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a + b;
}

/**
 * The ACP test over two groups: the first group's ratios, counts and QNEC alternative, both
 * groups' excess, refunds (in census order), totals and deadlines' excise tax; passes when both
 * pass.
 */
export function combineAcp(main: AcpResult, other: AcpResult): AcpResult {
  const excess = main.excessAggregateContributions + other.excessAggregateContributions;
  const passed = main.passed && other.passed;
  return {
    ...main,
    passed,
    passReason: passed ? main.passReason : null,
    excessAggregateContributions: excess,
    refunds: [...main.refunds, ...other.refunds].sort((a, b) => a.index - b.index),
    distributedTotal: main.distributedTotal + other.distributedTotal,
    forfeitedTotal: main.forfeitedTotal + other.forfeitedTotal,
    allocableIncomeTotal: addKnown(main.allocableIncomeTotal, other.allocableIncomeTotal),
    exciseTaxIfLate: applyRate(excess, rate(acpConstants.exciseTaxRate)),
  };
}

/** The ADP test over two groups, as `combineAcp`. */
export function combineAdp(main: AdpResult, other: AdpResult): AdpResult {
  const excess = main.excessContributions + other.excessContributions;
  const catchUp = main.catchUpTotal + other.catchUpTotal;
  const passed = main.passed && other.passed;
  const a = main.catchUps;
  const b = other.catchUps;
  return {
    ...main,
    passed,
    passReason: passed ? main.passReason : null,
    excessContributions: excess,
    corrections: [...main.corrections, ...other.corrections].sort((x, y) => x.index - y.index),
    catchUpTotal: catchUp,
    refundTotal: main.refundTotal + other.refundTotal,
    recharacterizedTotal: main.recharacterizedTotal + other.recharacterizedTotal,
    allocableIncomeTotal: addKnown(main.allocableIncomeTotal, other.allocableIncomeTotal),
    exciseTaxIfLate: applyRate(excess - catchUp, rate(acpConstants.exciseTaxRate)),
    catchUps: {
      deferralLimit: a.deferralLimit,
      eligible: a.eligible + b.eligible,
      byLimit: a.byLimit + b.byLimit,
      byLimitRows: a.byLimitRows + b.byLimitRows,
      excessDeferrals: a.excessDeferrals + b.excessDeferrals,
      excessDeferralRows: a.excessDeferralRows + b.excessDeferralRows,
      unknownAgeAboveLimit: a.unknownAgeAboveLimit + b.unknownAgeAboveLimit,
    },
  };
}

/** Runs the plan's tests on a census. */
export function runPlanTests(census: Census, options: AcpOptions): PlanTests {
  checkPlanOptions(census, options);
  const hces = determineHces(census, options.year, {
    ...(options.topPaidGroup ? { topPaidGroup: true } : {}),
  });
  const adpTested = census.columns.deferrals && options.safeHarbor !== true;
  const excludable =
    options.excludable === undefined ? null : otherwiseExcludable(census, planYearEndOf(options));
  const rech = { array: null as Float64Array | null };
  const groups: GroupTests[] = [];
  if (excludable === null) {
    groups.push(runGroup(census, options, hces, 'all', undefined, rech, adpTested));
  } else if (options.excludable === 'drop-nhces') {
    const leftOut = new Uint8Array(census.size);
    for (let i = 0; i < census.size; i++) {
      leftOut[i] = excludable.flags[i] === 1 && hces.isHce[i] !== 1 ? 1 : 0;
    }
    groups.push(runGroup(census, options, hces, 'all', leftOut, rech, adpTested));
  } else {
    const meets = excludable.flags;
    const excluded = meets.map((f) => 1 - f);
    groups.push(
      runGroup(census, options, hces, 'meets-age-and-service', meets, rech, adpTested),
      runGroup(census, options, hces, 'otherwise-excludable', excluded, rech, adpTested),
    );
  }
  const [first, second] = groups as [GroupTests, GroupTests | undefined];
  const acp = second ? combineAcp(first.acp.result, second.acp.result) : first.acp.result;
  let adp: AdpResult | null = first.adp?.result ?? null;
  if (adp !== null && second?.adp) adp = combineAdp(adp, second.adp.result);
  return {
    options,
    hces,
    excludable,
    groups,
    adpTested,
    adp,
    acp,
    passed: acp.passed && (adp === null || adp.passed),
  };
}
