/**
 * What share of an employer a person owns, directly and by family attribution: the shares of
 * the person's spouse (the other person of the household) and those the scenario gives as owned
 * by the person's children, grandchildren and parents are the person's own too (IRC
 * 318(a)(1)(A), used for the 5%-owner test by IRC 416(i)(1)(B)(iii) and 414(q)(1)(A), and for
 * control by Treas. Reg. 1.414(c)-4(b)(5)-(6) in a simplified form: every family member's share
 * counts). A Schedule C or S-corp job's own share defaults to all of the business, a W-2 job's
 * to none.
 */
import { addRates, compareRates, percentRate, ratePercent, type Rate } from '../money.js';

export interface OwnershipJob {
  readonly person: string;
  readonly employer: string;
  readonly type: 'w2' | 'schedule-c' | 's-corp';
  /** The person's own share of the employer (an exact rate). */
  readonly ownershipPercent?: Rate | undefined;
  /** The share owned by the person's children, grandchildren and parents. */
  readonly familyOwnershipPercent?: Rate | undefined;
}

const NONE: Rate = { num: 0, den: 1 };
const ALL: Rate = { num: 1, den: 1 };

/** The share a job's holder owns directly (schedule-c and s-corp default all, w2 none). */
export function directOwnership(job: OwnershipJob): Rate {
  return job.ownershipPercent ?? (job.type === 'w2' ? NONE : ALL);
}

const larger = (a: Rate, b: Rate): Rate => (compareRates(a, b) >= 0 ? a : b);

export interface Ownership {
  /** Direct and attributed together, at most all of it. */
  readonly rate: Rate;
  readonly direct: Rate;
  readonly spouse: Rate;
  readonly family: Rate;
  /** The shares in words, e.g. "0% directly + 100% by the spouse". */
  readonly why: string;
}

/** The share of `employer` that `person` owns directly and by attribution (IRC 318(a)(1)). */
export function ownershipIn(
  jobs: readonly OwnershipJob[],
  person: string,
  employer: string,
): Ownership {
  const at = jobs.filter((j) => j.employer === employer);
  const direct = at
    .filter((j) => j.person === person)
    .map(directOwnership)
    .reduce(larger, NONE);
  const spouse = at
    .filter((j) => j.person !== person)
    .map(directOwnership)
    .reduce(larger, NONE);
  const family = at
    .filter((j) => j.person === person)
    .map((j) => j.familyOwnershipPercent ?? NONE)
    .reduce(larger, NONE);
  const total = addRates(addRates(direct, spouse), family);
  const rate = compareRates(total, ALL) > 0 ? ALL : total;
  const pct = (r: Rate): string => `${String(ratePercent(r))}%`;
  const parts = [`${pct(direct)} directly`];
  if (spouse.num > 0) parts.push(`${pct(spouse)} by the spouse`);
  if (family.num > 0) parts.push(`${pct(family)} by children, grandchildren or parents`);
  return { rate, direct, spouse, family, why: parts.join(' + ') };
}

/** True when the share is more than `percent` percent. */
export function ownsMoreThan(o: Ownership, percent: number): boolean {
  return compareRates(o.rate, percentRate(percent)) > 0;
}
