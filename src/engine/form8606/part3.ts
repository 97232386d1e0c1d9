/**
 * Form 8606 Part III, lines 19–25c: the taxable part of a year's nonqualified Roth IRA
 * distributions — line 19 less the first-home expenses (line 20), less the basis in regular
 * contributions (line 22), less the basis in conversions and plan rollovers (line 24) (IRC
 * 408A(d)(4)(B); Treas. Reg. 1.408A-6 Q&A-8, Q&A-9; Form 8606 (2018 and later) lines 19–25).
 * Qualified disaster distributions (line 25b) are not modelled: 0.
 */
import type { Cents } from '../money.js';

/** What a year brings to Part III (cents). */
export interface Part3Input {
  /** Line 19: nonqualified distributions of the year, first-home distributions included. */
  readonly nonqualified: Cents;
  /** Line 20: first-home expenses, within what is left of the lifetime limit. */
  readonly firstHome: Cents;
  /** Line 22: basis in regular contributions (those for the year, made by the due date, included). */
  readonly contributionBasis: Cents;
  /** Line 24: basis in conversions and plan rollovers, this year's included. */
  readonly conversionBasis: Cents;
}

/** Lines 19–25c; `null` where the form says to skip a line. */
export interface Part3Lines {
  readonly line19: Cents;
  readonly line20: Cents;
  readonly line21: Cents;
  readonly line22: Cents | null;
  readonly line23: Cents | null;
  readonly line24: Cents | null;
  readonly line25a: Cents | null;
  readonly line25b: Cents | null;
  readonly line25c: Cents | null;
}

/** Fills in lines 19–25c. */
export function form8606Part3(i: Part3Input): Part3Lines {
  const line19 = i.nonqualified;
  const line20 = i.firstHome;
  // Line 21: "If zero or less, enter -0- and skip lines 22 through 25."
  const line21 = Math.max(0, line19 - line20);
  if (line21 === 0) {
    return {
      line19,
      line20,
      line21,
      line22: null,
      line23: null,
      line24: null,
      line25a: null,
      line25b: null,
      line25c: null,
    };
  }
  const line22 = i.contributionBasis;
  // Line 23: "If zero or less, enter -0- and skip lines 24 and 25."
  const line23 = Math.max(0, line21 - line22);
  if (line23 === 0) {
    return {
      line19,
      line20,
      line21,
      line22,
      line23,
      line24: null,
      line25a: null,
      line25b: null,
      line25c: null,
    };
  }
  const line24 = i.conversionBasis;
  // Line 25a: "If zero or less, enter -0- and skip lines 25b and 25c."
  const line25a = Math.max(0, line23 - line24);
  if (line25a === 0) {
    return {
      line19,
      line20,
      line21,
      line22,
      line23,
      line24,
      line25a,
      line25b: null,
      line25c: null,
    };
  }
  const line25b = 0;
  return {
    line19,
    line20,
    line21,
    line22,
    line23,
    line24,
    line25a,
    line25b,
    line25c: line25a - line25b,
  };
}
