/**
 * Which MAGI phase-out range applies to a person (Pub 590-A Tables 1-2, 1-3 and 2-1): for a
 * direct Roth IRA contribution by filing status (IRC 408A(c)(3)(B)); for the deduction of a
 * traditional IRA contribution by filing status and active participation of the person and the
 * spouse (IRC 219(g)(1), (3), (7)). Married filing separately and living apart all year is
 * treated as not married (IRC 219(g)(4); 408A(c)(3)(D)).
 */
import { usd } from '../params/index.js';
import type { IraParameters, PhaseOut } from '../params/ira.js';
import type { FilingStatus } from '../tax/filing-status.js';
import type { PhaseOutRange } from './phase-out.js';

/** The range, or null when no phase-out applies; `rule` names the case. */
export interface ApplicableRange {
  readonly range: PhaseOutRange | null;
  readonly rule: string;
  readonly citation: string;
}

function cents(p: PhaseOut): PhaseOutRange {
  return { start: usd(p.start), end: usd(p.end) };
}

function cite(p: PhaseOut): string {
  return p.start.citation;
}

/** A married person filing separately who lived with the spouse at some time in the year. */
function separateTogether(status: FilingStatus, livedWithSpouse: boolean): boolean {
  return status === 'mfs' && livedWithSpouse;
}

/** The Roth IRA contribution range. */
export function rothRange(
  ira: IraParameters,
  status: FilingStatus,
  livedWithSpouse: boolean,
): ApplicableRange {
  if (status === 'mfj' || status === 'qss') {
    return {
      range: cents(ira.rothJoint),
      rule: 'joint return or qualifying surviving spouse',
      citation: cite(ira.rothJoint),
    };
  }
  if (separateTogether(status, livedWithSpouse)) {
    return {
      range: cents(ira.separateReturn),
      rule: 'married filing separately, lived with the spouse during the year',
      citation: cite(ira.separateReturn),
    };
  }
  return {
    range: cents(ira.rothOther),
    rule:
      status === 'mfs'
        ? 'married filing separately, lived apart all year (treated as single)'
        : 'single or head of household',
    citation: cite(ira.rothOther),
  };
}

/** The traditional IRA deduction range for a person. */
export function deductionRange(
  ira: IraParameters,
  status: FilingStatus,
  livedWithSpouse: boolean,
  activeParticipant: boolean,
  spouseActiveParticipant: boolean,
): ApplicableRange {
  const married = status === 'mfj' || separateTogether(status, livedWithSpouse);
  if (activeParticipant) {
    if (separateTogether(status, livedWithSpouse)) {
      return {
        range: cents(ira.separateReturn),
        rule: 'active participant, married filing separately',
        citation: cite(ira.separateReturn),
      };
    }
    if (status === 'mfj' || status === 'qss') {
      return {
        range: cents(ira.deductionCoveredJoint),
        rule: 'active participant, joint return or qualifying surviving spouse',
        citation: cite(ira.deductionCoveredJoint),
      };
    }
    return {
      range: cents(ira.deductionCoveredOther),
      rule: 'active participant, single or head of household',
      citation: cite(ira.deductionCoveredOther),
    };
  }
  if (married && spouseActiveParticipant) {
    const p = status === 'mfj' ? ira.deductionSpouseCovered : ira.separateReturn;
    return {
      range: cents(p),
      rule:
        status === 'mfj'
          ? 'not an active participant, joint return with a spouse who is'
          : 'not an active participant, married filing separately with a spouse who is',
      citation: cite(p),
    };
  }
  return {
    range: null,
    rule: 'neither the person nor a spouse is an active participant: fully deductible',
    citation: 'IRC 219(g)(1); Pub 590-A Table 1-3',
  };
}
