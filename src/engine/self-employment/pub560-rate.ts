/**
 * The Pub 560 self-employed rate: plan rate r reduced to r / (1 + r), because the owner's own
 * contribution is deducted from the net earnings it is a percentage of (IRS Pub 560 ch. 5,
 * Rate Table and Rate Worksheet for Self-Employed; IRC 404(a)(8)(D)).
 *
 * Rounding option:
 * - `{ kind: 'full' }` (default): the exact fraction r / (1 + r), no rounding.
 * - `{ kind: 'places', places: N }`: rounded half-up to N decimal places. The Rate Table shows
 *   6 places (25% → 0.200000, 10% → 0.090909); the Rate Worksheet says "at least 3", so N must
 *   be 3 or more (and at most 12).
 */
import { inputError } from '../errors.js';
import { reducedRate, roundRate, type Rate } from '../money.js';
import { selfEmploymentConstants as K } from '../params/self-employment.js';

export type RateRounding =
  { readonly kind: 'full' } | { readonly kind: 'places'; readonly places: number };

export const FULL_PRECISION: RateRounding = { kind: 'full' };

/** The Rate Table's rounding: 6 decimal places. */
export const RATE_TABLE_ROUNDING: RateRounding = {
  kind: 'places',
  places: K.rateTablePlaces.value,
};

/** The most decimal places the rate may be rounded to (more is full precision in practice). */
export const MAX_RATE_PLACES = 12;

export interface SelfEmployedRate {
  readonly planRate: Rate;
  /** r / (1 + r), exact. */
  readonly exact: Rate;
  /** The rate used on worksheet Step 4 (exact, or rounded as asked). */
  readonly rate: Rate;
  readonly rounding: RateRounding;
  readonly why: string;
}

/** Checks a rounding choice: places must be whole and from 3 (the worksheet minimum) to 12. */
export function checkRateRounding(rounding: RateRounding, field = 'rateRounding'): void {
  if (rounding.kind === 'full') return;
  const min = K.rateWorksheetMinPlaces.value;
  if (
    !Number.isInteger(rounding.places) ||
    rounding.places < min ||
    rounding.places > MAX_RATE_PLACES
  ) {
    throw inputError(
      field,
      `decimal places must be a whole number from ${String(min)} to ${String(MAX_RATE_PLACES)} (the Pub 560 Rate Worksheet asks for at least ${String(min)}), got ${String(rounding.places)}`,
    );
  }
}

/** The self-employed rate for plan rate `planRate` (a fraction ≥ 0), Pub 560 ch. 5. */
export function selfEmployedRate(
  planRate: Rate,
  rounding: RateRounding = FULL_PRECISION,
): SelfEmployedRate {
  if (planRate.num < 0) throw inputError('planRate', 'must not be negative');
  checkRateRounding(rounding);
  const exact = reducedRate(planRate);
  const used = rounding.kind === 'full' ? exact : roundRate(exact, rounding.places);
  const why =
    rounding.kind === 'full'
      ? 'plan rate ÷ (1 + plan rate), full precision (Pub 560 Rate Worksheet)'
      : `plan rate ÷ (1 + plan rate), rounded to ${String(rounding.places)} places (Pub 560 Rate ${rounding.places === K.rateTablePlaces.value ? 'Table' : 'Worksheet'})`;
  return { planRate, exact, rate: used, rounding, why };
}

/** The Pub 560 Rate Table: whole plan rates 1%..25% with the rate rounded to 6 places. */
export function rateTable(): readonly { readonly planPercent: number; readonly rate: Rate }[] {
  const rows: { planPercent: number; rate: Rate }[] = [];
  for (let p = 1; p <= 25; p++) {
    rows.push({
      planPercent: p,
      rate: selfEmployedRate({ num: p, den: 100 }, RATE_TABLE_ROUNDING).rate,
    });
  }
  return rows;
}
