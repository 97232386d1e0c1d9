/**
 * The trade-off inside a solo plan: each dollar of deductible employer contribution lowers the
 * owner's compensation and uses 415(c) room that after-tax money could take. Reports both ends.
 */
import type { TradeOff } from '../household/report.js';
import type { YearParameters } from '../params/index.js';
import type { OwnerResult } from './self-employed-owner.js';

/** Both ends of the trade-off for a computed owner result. */
export function soloTradeOff(p: YearParameters, owner: OwnerResult, year: number): TradeOff {
  void p;
  void owner;
  void year;
  throw new Error('pending');
}
