/**
 * The refunds of a failing ACP test as the engine built them before (Treas. Reg.
 * 1.401(m)-2(b)(2)(iv)-(vi)): one object per HCE with a reduction, each split over its sources by
 * a function of its own — after-tax money first (what-if money on top of the census, then the
 * census's with any recharacterized excess contributions), then match (vested share distributed,
 * rounded down to the cent; the rest forfeited), then QMAC, then QNEC — with the income
 * allocable to it. Kept as the test oracle of `refundsOf` in `src/engine/acp/acp-test.ts`, which
 * finds the HCEs refunded and makes their ids first; it is not shipped.
 */
import type { PreparedTest, Refund } from '../../src/engine/acp/acp-test.js';
import { allocableIncome } from '../../src/engine/acp/allocable-income.js';

/** One HCE's refund over its sources. */
function splitRefund(
  p: PreparedTest,
  i: number,
  amount: number,
  defaultVestedBps: number,
): Pick<Refund, 'afterTax' | 'matchDistributed' | 'matchForfeited' | 'qmac' | 'qnec'> {
  const census = p.census;
  const safeHarbor = p.options.safeHarbor === true;
  const afterTax = Math.min(amount, (census.afterTax[i] ?? 0) + (p.recharacterized?.[i] ?? 0));
  let left = amount - afterTax;
  const match = safeHarbor ? 0 : Math.min(left, census.match[i] ?? 0);
  left -= match;
  const qmac = safeHarbor ? 0 : Math.min(left, census.qmac[i] ?? 0);
  left -= qmac;
  const qnec = p.options.qnecTest === 'adp' ? 0 : Math.min(left, census.qnec[i] ?? 0);
  const vested = census.columns.vested ? (census.vestedBps[i] ?? 10_000) : defaultVestedBps;
  const matchDistributed = Math.floor((match * vested) / 10_000);
  return { afterTax, matchDistributed, matchForfeited: match - matchDistributed, qmac, qnec };
}

/** The refunds and their totals, from the leveling's reductions of the test's HCEs. */
export function referenceRefunds(
  p: PreparedTest,
  reductions: Float64Array,
  amounts: Float64Array,
  ratios: Float64Array,
  extraHce: Float64Array | undefined,
): { refunds: Refund[]; distributed: number; forfeited: number; income: number | null } {
  const o = p.options;
  const refunds: Refund[] = [];
  let distributed = 0;
  let forfeited = 0;
  let income: number | null = 0;
  for (let j = 0; j < reductions.length; j++) {
    const amount = reductions[j] ?? 0;
    if (amount <= 0) continue;
    const i = p.hceIndex[j] ?? 0;
    const fromExtra = Math.min(extraHce?.[j] ?? 0, amount);
    const split = splitRefund(p, i, amount - fromExtra, o.defaultVestedBps ?? 10_000);
    const inc = allocableIncome(p.census, i, amount, o.gainRateBps);
    const r: Refund = {
      index: i,
      id: p.census.idAt(i),
      amount,
      afterTax: split.afterTax + fromExtra,
      matchDistributed: split.matchDistributed,
      matchForfeited: split.matchForfeited,
      qmac: split.qmac,
      qnec: split.qnec,
      contributions: amounts[j] ?? 0,
      ratioBps: ratios[j] ?? 0,
      allocableIncome: inc,
    };
    distributed += r.afterTax + r.matchDistributed + r.qmac + r.qnec;
    forfeited += r.matchForfeited;
    income = income === null || inc === null ? null : income + inc;
    refunds.push(r);
  }
  return { refunds, distributed, forfeited, income };
}
