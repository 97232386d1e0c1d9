/**
 * One employee's view of the ACP test: their ratio, whether they are an HCE, and — when the
 * plan fails — how much of their after-tax money (and match) comes back and why
 * (IRC 401(m)(6); Reg. 1.401(m)-2(b)(2)-(3)). Returned after-tax contributions are the
 * participant's own basis and not taxed again; their earnings and any distributed match are
 * taxable in the year distributed (IRC 72, 4979(f)(2)).
 */
import { InputError, inputError, type InputIssue } from '../errors.js';
import type { Cents } from '../money.js';
import {
  countedAt,
  evaluateAcp,
  prepareAcpTest,
  type AcpResult,
  type PreparedTest,
  type Refund,
} from './acp-test.js';
import { CensusBuilder, lineOf, type Census } from './census.js';
import { centsAtBps, contributionRatioBps } from './ratios.js';

export interface ParticipantView {
  readonly id: string;
  readonly line: number;
  readonly eligible: boolean;
  readonly hce: boolean;
  readonly compensation: Cents;
  readonly cappedCompensation: Cents;
  /** After-tax money, with any excess contributions recharacterized as after-tax, cents. */
  readonly afterTax: Cents;
  readonly match: Cents;
  readonly ratioBps: number;
  /** This employee's part of the correction, or null. */
  readonly refund: Refund | null;
  /** After-tax money kept in the plan after the refund, cents. */
  readonly afterTaxKept: Cents;
  /** Plain-language reasons, one per line. */
  readonly why: readonly string[];
}

/** The view for census id `id`; an unknown id is an InputError naming the field `participant`. */
export function participantView(p: PreparedTest, r: AcpResult, id: string): ParticipantView {
  const c = p.census;
  const i = c.rowOf(id);
  if (i < 0) throw inputError('participant', `no employee with id "${id}" in the census`);
  const eligible = c.eligible[i] === 1;
  const hce = p.hces.isHce[i] === 1;
  const comp = c.compensation[i] ?? 0;
  const capped = Math.min(comp, p.compensationLimit);
  const counted = countedAt(p, i);
  // after-tax money: the census's, and deferrals recharacterized as after-tax in the ADP test
  const afterTax = (c.afterTax[i] ?? 0) + (p.recharacterized?.[i] ?? 0);
  const ratio = eligible && capped > 0 ? contributionRatioBps(counted, capped) : 0;
  const refund = r.refunds.find((x) => x.index === i) ?? null;
  const why: string[] = [];
  if (!eligible) why.push('Not eligible this plan year: not in the test, nothing is refunded.');
  else if (!hce) {
    why.push('Not an HCE: only highly compensated employees receive ACP corrective refunds.');
  } else if (r.passed) {
    why.push('The plan passes the ACP test, so no HCE gets a refund.');
  } else if (!refund) {
    why.push(
      'The plan fails, but the excess is taken from HCEs with higher contribution dollars first; none falls on this employee.',
    );
  } else {
    why.push(
      'The plan fails the ACP test: the HCE average is above the limit set by the NHCE average.',
      'The total excess is set by lowering the highest HCE ratios, then taken from the HCEs with the most contribution dollars first (Reg. 1.401(m)-2(b)(2)).',
      'Refunded after-tax money is your own basis (not taxed again); its earnings and any distributed match are taxable income in the year paid.',
    );
    if (refund.matchForfeited > 0) why.push('Unvested match taken in the correction is forfeited.');
  }
  return {
    id,
    line: lineOf(c, i),
    eligible,
    hce,
    compensation: comp,
    cappedCompensation: capped,
    afterTax: afterTax,
    match: c.match[i] ?? 0,
    ratioBps: ratio,
    refund,
    afterTaxKept: afterTax - (refund?.afterTax ?? 0),
    why,
  };
}

/** A household-side estimate: one HCE, the plan's expected NHCE ACP and the other HCEs in brief. */
export interface HceEstimateInput {
  readonly year: number;
  /** This HCE's plan-year compensation, cents. */
  readonly compensation: Cents;
  readonly match: Cents;
  readonly afterTax: Cents;
  /** The NHCE ACP the plan expects, bps (e.g. last year's). */
  readonly expectedNhceAcpBps: number;
  /** Other HCEs, each assumed to have `ratioBps` of `compensation` counted. */
  readonly otherHces?: {
    readonly count: number;
    readonly ratioBps: number;
    readonly compensation: Cents;
  };
  readonly safeHarbor?: boolean;
  /** The most after-tax money the search considers (the participant's 415(c) room), cents. */
  readonly maxAfterTax?: Cents;
}

export interface HceEstimate {
  /** The test of the estimate's small census, as run for the HCE's own after-tax money. */
  readonly prepared: PreparedTest;
  readonly result: AcpResult;
  readonly view: ParticipantView;
  /**
   * The most after-tax money this HCE could put in with no refund, on these assumptions, cents:
   * at most the capped pay and `maxAfterTax`.
   */
  readonly maxAfterTaxWithoutRefund: Cents;
}

/** The id the estimate gives the participant in its synthetic census. */
const ESTIMATE_ID = 'you';

function estimateCensus(input: HceEstimateInput, afterTax: Cents): Census {
  const others = input.otherHces ?? { count: 0, ratioBps: 0, compensation: input.compensation };
  const b = new CensusBuilder(others.count + 1);
  const base = {
    qmac: 0,
    qnec: 0,
    priorCompensation: 0,
    ownerBps: 0,
    hceGiven: 1,
    eligible: true,
    vestedBps: 10_000,
  };
  b.add({
    ...base,
    id: ESTIMATE_ID,
    line: 0,
    compensation: input.compensation,
    match: input.match,
    afterTax,
  });
  // the others' counted money: ratio × compensation, half-up to the cent
  const amount = centsAtBps(others.compensation, others.ratioBps);
  for (let k = 0; k < others.count; k++) {
    b.add({
      ...base,
      id: `other-${String(k + 1)}`,
      line: 0,
      compensation: others.compensation,
      match: input.safeHarbor ? 0 : amount,
      afterTax: input.safeHarbor ? amount : 0,
    });
  }
  return b.build({ hce: true, priorCompensation: false, owner: false, vested: false });
}

/** The most other HCEs an estimate describes. */
const MAX_OTHER_HCES = 100_000;

/** Checks an estimate's input; every problem names its field (`compensation`, `otherHces.count`, …). */
function checkEstimateInput(input: HceEstimateInput): void {
  const issues: InputIssue[] = [];
  const cents = (path: string, v: number, positive: boolean): void => {
    if (!Number.isSafeInteger(v) || v < 0 || (positive && v === 0)) {
      issues.push({
        path,
        message: `expected ${positive ? 'more than 0' : 'a non-negative amount'} in whole cents, got ${String(v)}`,
      });
    }
  };
  const bps = (path: string, v: number): void => {
    if (!Number.isInteger(v) || v < 0 || v > 10_000) {
      issues.push({ path, message: `expected a percentage from 0 to 100, got ${String(v / 100)}` });
    }
  };
  cents('compensation', input.compensation, true);
  cents('match', input.match, false);
  cents('afterTax', input.afterTax, false);
  if (input.maxAfterTax !== undefined) cents('maxAfterTax', input.maxAfterTax, false);
  bps('expectedNhceAcpBps', input.expectedNhceAcpBps);
  const o = input.otherHces;
  if (o) {
    if (!Number.isInteger(o.count) || o.count < 0 || o.count > MAX_OTHER_HCES) {
      issues.push({
        path: 'otherHces.count',
        message: `expected a whole number from 0 to ${String(MAX_OTHER_HCES)}, got ${String(o.count)}`,
      });
    }
    bps('otherHces.ratioBps', o.ratioBps);
    cents('otherHces.compensation', o.compensation, true);
  }
  if (issues.length > 0) throw new InputError(issues);
}

/**
 * Estimates an HCE's ACP refund without a census: the HCE and the other HCEs described in brief
 * are tested against the expected NHCE ACP (as under prior-year testing), with the same test and
 * correction as a census. Also finds, by bisection over cents, the most after-tax money this
 * HCE could contribute with no refund on the same assumptions.
 */
export function estimateHceRefund(input: HceEstimateInput): HceEstimate {
  checkEstimateInput(input);
  const options = {
    year: input.year,
    method: 'prior' as const,
    priorNhceAcpBps: input.expectedNhceAcpBps,
    ...(input.safeHarbor ? { safeHarbor: true } : {}),
  };
  const run = (afterTax: Cents): { p: PreparedTest; r: AcpResult } => {
    const p = prepareAcpTest(estimateCensus(input, afterTax), options);
    return { p, r: evaluateAcp(p) };
  };
  const refundAt = (afterTax: Cents): Cents =>
    run(afterTax).r.refunds.find((f) => f.id === ESTIMATE_ID)?.amount ?? 0;
  const { p, r } = run(input.afterTax);
  let best: Cents;
  if (refundAt(0) > 0) best = 0;
  else {
    // refunds never fall as this HCE adds money: bisection over [0, top], where no refund at
    // lo and a refund at hi
    const top = Math.min(input.compensation, p.compensationLimit, input.maxAfterTax ?? Infinity);
    if (refundAt(top) === 0) best = top;
    else {
      let lo = 0;
      let hi = top;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (refundAt(mid) === 0) lo = mid;
        else hi = mid;
      }
      best = lo;
    }
  }
  return {
    prepared: p,
    result: r,
    view: participantView(p, r, ESTIMATE_ID),
    maxAfterTaxWithoutRefund: best,
  };
}
