/** The four filing statuses the income tax model supports (IRC 1(j)(2)(A)–(D)). */
import { inputError } from '../errors.js';

export type FilingStatus = 'single' | 'mfj' | 'mfs' | 'hoh';

export const FILING_STATUSES: readonly FilingStatus[] = ['single', 'mfj', 'mfs', 'hoh'];

/** Reads a filing status word; throws an InputError naming `field` otherwise. */
export function parseFilingStatus(raw: string, field: string): FilingStatus {
  const found = FILING_STATUSES.find((s) => s === raw.trim().toLowerCase());
  if (!found) throw inputError(field, `must be one of ${FILING_STATUSES.join(', ')}, got "${raw}"`);
  return found;
}
