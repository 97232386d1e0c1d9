/**
 * The common single-destination choices for a plan distribution, as Notice 2014-54 directions:
 * everything to a Roth IRA (pre-tax part converted, taxable), everything to a traditional IRA
 * (basis carried into the IRA as Form 8606 basis), the split (pre-tax to a traditional IRA, basis
 * to a Roth IRA), or cash to the participant (pre-tax part taxable, 20% withheld).
 */
import type { Directions } from './destinations.js';
import type { DistributionParts } from './prorata.js';

/** Where a quick rollover sends the money. */
export const ROUTES = ['roth-ira', 'traditional-ira', 'split', 'cash'] as const;
export type Route = (typeof ROUTES)[number];

/** The Notice 2014-54 directions for a route. */
export function directionsFor(parts: DistributionParts, route: Route): Directions {
  const total = parts.pretax + parts.afterTaxBasis;
  switch (route) {
    case 'roth-ira':
      return { directRoth: total };
    case 'traditional-ira':
      return { directTraditional: total };
    case 'split':
      return { directTraditional: parts.pretax, directRoth: parts.afterTaxBasis };
    case 'cash':
      return {};
  }
}
