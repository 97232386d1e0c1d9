/**
 * Whether a person is likely a highly compensated employee of an employer (a controlled group
 * is one employer): a more-than-5% owner of it in the year, their own share and their family's
 * counted (IRC 414(q)(1)(A), 416(i)(1)(B)(i), (iii), 318(a)(1)) — so the spouse of a more than
 * 5% owner is one — or prior-year compensation from it above the look-back amount (IRC
 * 414(q)(1)(B)(i)), compensation as in 415(c)(3) (IRC 414(q)(4)): wages, and the earned income
 * of a partner or sole proprietor. The label is per employer, never per person.
 */
import { formatUsd, type Cents } from '../money.js';
import { usd, type YearParameters } from '../params/index.js';
import { acpConstants } from '../params/acp.js';
import { ownershipIn, ownsMoreThan, type OwnershipJob } from './ownership.js';

export interface HceJob extends OwnershipJob {
  /** Prior-year compensation from this employer (IRC 414(q)(4)). */
  readonly priorYearCompensation?: Cents | undefined;
  /** Prior-year FICA wages (W-2 box 3): stand-in for compensation when that is not given. */
  readonly priorYearFicaWages?: Cents | undefined;
}

export interface LikelyHce {
  readonly likely: boolean;
  readonly why: string;
  readonly citation: string;
}

/** HCE status of `person` at the employer made of `employers` (one, or a controlled group). */
export function likelyHce(
  p: YearParameters,
  jobs: readonly HceJob[],
  person: string,
  employers: readonly string[],
): LikelyHce {
  const owner = acpConstants.ownerPercent.value;
  for (const e of employers) {
    const o = ownershipIn(jobs, person, e);
    if (ownsMoreThan(o, owner)) {
      return {
        likely: true,
        why: `a more than ${String(owner)}% owner of ${e} (${o.why}; the shares of the spouse, children, grandchildren and parents are the person's own)`,
        citation: 'IRC 414(q)(1)(A), 416(i)(1)(B)(i), (iii), 318(a)(1)',
      };
    }
  }
  const mine = jobs.filter((j) => j.person === person && employers.includes(j.employer));
  const prior = mine.reduce(
    (a, j) => a + (j.priorYearCompensation ?? j.priorYearFicaWages ?? 0),
    0,
  );
  const threshold = usd(p.plan.hceLookbackThreshold);
  const given = mine.some(
    (j) => j.priorYearCompensation !== undefined || j.priorYearFicaWages !== undefined,
  );
  const likely = prior > threshold;
  return {
    likely,
    why: given
      ? `prior-year compensation from ${employers.join(', ')} of ${formatUsd(prior)} ${likely ? 'is more than' : 'is not more than'} ${formatUsd(threshold)}${likely ? '' : `, and not a more than ${String(owner)}% owner`}`
      : `no prior-year compensation given, and not a more than ${String(owner)}% owner`,
    citation: `${p.plan.hceLookbackThreshold.citation}; IRC 414(q)(4)`,
  };
}
