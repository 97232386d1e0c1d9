/**
 * The dates a year of contributions runs to, each from its rule: the excess deferral refund by
 * April 15 after the year (IRC 402(g)(2)(A)(ii); Treas. Reg. 1.402(g)-1(e)(2)), the IRA
 * balances of December 31 that the pro-rata rule reads (IRC 408(d)(2)), Forms 1099-R furnished
 * by January 31 (IRC 6047(d), 6041(d); Instructions for Forms 1099-R and 5498), Form 5498 by
 * May 31 (IRC 408(i); same instructions), and the return with Form 8606 by April 15 (IRC
 * 6072(a)).
 */
import { isoDate, type IsoDate } from '../dates.js';

export interface Deadline {
  readonly date: IsoDate;
  readonly citation: string;
}

/** The last day to receive a refund of an excess deferral of `year` and its earnings. */
export function excessDeferralRefundBy(year: number): Deadline {
  return {
    date: isoDate(year + 1, 4, 15),
    citation: 'IRC 402(g)(2)(A)(ii); Treas. Reg. 1.402(g)-1(e)(2)',
  };
}

/** The day whose IRA balances enter the pro-rata rule of `year`'s conversions. */
export function proRataDate(year: number): Deadline {
  return { date: isoDate(year, 12, 31), citation: 'IRC 408(d)(2); Form 8606 line 6' };
}

/** The day Forms 1099-R for `year` reach the recipient. */
export function form1099RBy(year: number): Deadline {
  return {
    date: isoDate(year + 1, 1, 31),
    citation: 'IRC 6047(d), 6041(d); Instructions for Forms 1099-R and 5498',
  };
}

/** The day Form 5498 for `year`'s IRA contributions and conversions reaches the owner. */
export function form5498By(year: number): Deadline {
  return {
    date: isoDate(year + 1, 5, 31),
    citation: 'IRC 408(i); Instructions for Forms 1099-R and 5498',
  };
}

/** The due date of `year`'s individual return, with Form 8606 (without an extension). */
export function returnDue(year: number): Deadline {
  return { date: isoDate(year + 1, 4, 15), citation: 'IRC 6072(a); Instructions for Form 8606' };
}
