// Pieces of the random ACP censuses the property tests write as CSV text: amounts in cents
// written as dollars, and the columns most of them share.
import fc from 'fast-check';

/** Cents as a CSV amount in dollars with two decimals (a minus sign for a loss). */
export function dollars(c: number): string {
  const a = Math.abs(c);
  return `${c < 0 ? '-' : ''}${String(Math.floor(a / 100))}.${String(a % 100).padStart(2, '0')}`;
}

/** Pay, match, after-tax money and HCE status of one row, cents: spread into a `fc.record`. */
export const acpRowFields = {
  comp: fc.integer({ min: 100_000, max: 60_000_000 }),
  match: fc.integer({ min: 0, max: 2_000_000 }),
  afterTax: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000_000 })),
  hce: fc.boolean(),
};
