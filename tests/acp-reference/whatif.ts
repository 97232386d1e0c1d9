/**
 * The richer-match what-if as the engine computed it before (IRC 401(m)(2); Treas. Reg.
 * 1.401(m)-2(a)): the whole test, refunds and QNEC alternative included, run on the prepared
 * test and again on a copy with every employee's match raised. Kept as the test oracle of
 * `richerMatch` in `src/engine/acp/whatif.ts`, which reads the same figures from the averages
 * and one leveling; it is not shipped.
 */
import { evaluateAcp, type PreparedTest } from '../../src/engine/acp/acp-test.js';
import { averageBps, centsAtBps, contributionRatioBps } from '../../src/engine/acp/ratios.js';
import { maxUniformRate, type RicherMatchResult } from '../../src/engine/acp/whatif.js';

/** `richerMatch` by running `evaluateAcp` before and after the raise. */
export function referenceRicherMatch(p: PreparedTest, boostPercent: number): RicherMatchResult {
  const boostBps = Math.round(boostPercent * 100);
  const c = p.census;
  const before = evaluateAcp(p);
  const applies = p.options.safeHarbor !== true;
  const bump = (i: number): number => (applies ? centsAtBps(c.match[i] ?? 0, boostBps) : 0);
  let cost = 0;
  const hceAmount = Float64Array.from(p.hceAmount);
  const hceRatio = new Float64Array(hceAmount.length);
  for (let j = 0; j < hceAmount.length; j++) {
    const b = bump(p.hceIndex[j] ?? 0);
    cost += b;
    hceAmount[j] = (hceAmount[j] ?? 0) + b;
    hceRatio[j] = contributionRatioBps(hceAmount[j] ?? 0, p.hceComp[j] ?? 1);
  }
  const nhceAmount = Float64Array.from(p.nhceAmount);
  let nhceSum = 0;
  for (let k = 0; k < nhceAmount.length; k++) {
    const b = bump(p.nhceIndex[k] ?? 0);
    cost += b;
    nhceAmount[k] = (nhceAmount[k] ?? 0) + b;
    nhceSum += contributionRatioBps(nhceAmount[k] ?? 0, p.nhceComp[k] ?? 1);
  }
  const nhceAcp =
    p.options.method === 'current' ? averageBps(nhceSum, nhceAmount.length) : p.nhceAcpBps;
  const q: PreparedTest = { ...p, hceAmount, hceRatio, nhceAmount, nhceAcpBps: nhceAcp };
  const after = evaluateAcp(q);
  return {
    boostPercent,
    applies,
    extraMatchCost: cost,
    nhceAcpBefore: before.nhceAcpBps,
    nhceAcpAfter: after.nhceAcpBps,
    hceAcpBefore: before.hceAcpBps,
    hceAcpAfter: after.hceAcpBps,
    limitAfterBps: after.limitBps,
    passedBefore: before.passed,
    passedAfter: after.passed,
    excessAfter: after.excessAggregateContributions,
    maxRateAfter: maxUniformRate(q, 100),
  };
}
