/**
 * The filing statuses the engine supports (IRC 1(j)(2)(A)–(D); a qualifying surviving spouse,
 * IRC 2(a), uses the joint-return table of 1(j)(2)(A)); the one list of them.
 */
import { inputError } from '../errors.js';

export const FILING_STATUSES = ['single', 'mfj', 'mfs', 'hoh', 'qss'] as const;

export type FilingStatus = (typeof FILING_STATUSES)[number];

/** Reads a filing status word; throws an InputError naming `field` otherwise. */
export function parseFilingStatus(raw: string, field: string): FilingStatus {
  const found = FILING_STATUSES.find((s) => s === raw.trim().toLowerCase());
  if (!found) throw inputError(field, `must be one of ${FILING_STATUSES.join(', ')}, got "${raw}"`);
  return found;
}
