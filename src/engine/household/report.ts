/**
 * The household report model: what `megaroth plan` prints and `--json` serialises. Every
 * amount is a Figure (cents with the rule and citation behind it).
 */
import type { Figure } from '../explain.js';
import type { Finding } from '../report/model.js';
import type {
  Form8959Lines,
  ScheduleSeLines,
  WorksheetLines,
} from '../self-employment/form-figures.js';
import type { FilingStatus } from '../tax/filing-status.js';

export type PlanType = '401k' | '403b' | '457b' | 'solo-401k';
export type VerdictKind = 'full' | 'roth-lite' | 'none' | 'no-room';

export interface Verdict {
  readonly kind: VerdictKind;
  /** A `no-room` plan: what it gives in a year with after-tax room. */
  readonly withRoom?: 'full' | 'roth-lite';
  /** The reason in plain words. */
  readonly reason: string;
  /** Questions to put to the plan administrator. */
  readonly ask: readonly string[];
  readonly warnings: readonly string[];
}

export type { Finding } from '../report/model.js';

/** The self-employment figures behind a solo plan on Schedule C income. */
export interface SelfEmploymentDetail {
  readonly netProfit: Figure;
  /** How the net profit follows from the profit before the household members' payroll. */
  readonly payroll?: {
    readonly profitBeforePayroll: Figure;
    readonly wages: Figure;
    readonly employerSocialSecurity: Figure;
    readonly employerMedicare: Figure;
    readonly employerContributions: Figure;
    readonly order: string;
  };
  readonly netEarningsFromSelfEmployment: Figure;
  readonly seTax: Figure;
  readonly halfSeTaxDeduction: Figure;
  readonly step3: Figure;
  /** Schedule SE lines 3-13. */
  readonly scheduleSe: ScheduleSeLines;
  /** Form 8959 (Additional Medicare Tax) on this person's wages and self-employment income. */
  readonly form8959: Form8959Lines;
  /** The Pub 560 Deduction Worksheet for Self-Employed, steps 1-21. */
  readonly worksheet: WorksheetLines;
}

/** One end of the employer-vs-after-tax trade-off in a solo plan. */
export interface TradeOffEnd {
  readonly employerContribution: Figure;
  /** Elective deferrals (pre-tax and Roth, no catch-up). */
  readonly deferrals: Figure;
  readonly catchUp: Figure;
  readonly compensation: Figure;
  /** The 415(c) limit over this plan less the other plans' additions under it. */
  readonly roomForThisPlan: Figure;
  readonly afterTaxRoom: Figure;
  readonly total: Figure;
  readonly deduction: Figure;
}

/** The two ends: the most employer money, and none (after-tax money filling the room both ways). */
export interface TradeOff {
  readonly maxEmployer: TradeOffEnd;
  readonly noEmployer: TradeOffEnd;
  readonly explanation: string;
}

/** Estimated ACP refund for a likely HCE, from last year's NHCE (and HCE) ACP of the plan. */
export interface AcpRisk {
  /** Last year's NHCE ACP, percent. */
  readonly expectedNhceAcp: number;
  /** Last year's HCE ACP, percent, or null when not given. */
  readonly hceAcp: number | null;
  /** The plan's HCEs, the participant included, or null when not given. */
  readonly hceCount: number | null;
  /** This year's ACP limit set by the NHCE ACP, percent. */
  readonly acpLimit: number;
  readonly safeHarbor: boolean;
  /** What the estimate assumed about the other HCEs. */
  readonly assumption: string;
  readonly likelyRefund: Figure;
  readonly maxAfterTaxWithoutRefund: Figure;
  readonly explanation: string;
}

/** The 404(a)(7) combined deduction limit with a cash balance plan beside a solo plan. */
export interface CashBalanceReport {
  readonly applies: boolean;
  readonly reason: string;
  readonly contribution: Figure;
  readonly combinedLimit: Figure | null;
  readonly deductible: Figure;
  readonly nondeductible: Figure;
  /** The 10% excise of IRC 4972 on the nondeductible part. */
  readonly excise: Figure;
  readonly changes: readonly string[];
}

export interface PlanReport {
  readonly id: string;
  readonly person: string;
  readonly job: string;
  readonly employer: string;
  readonly type: PlanType;
  readonly compensation: Figure;
  readonly formulaCompensation: Figure;
  readonly deferralPreTax: Figure;
  readonly deferralRoth: Figure;
  readonly catchUp: Figure;
  readonly catchUpType: 'pre-tax' | 'roth' | 'none';
  readonly match: Figure;
  /** Employer nonelective / profit-sharing money (for a solo plan, the owner's employer part). */
  readonly nonelective: Figure;
  readonly afterTaxRoom: Figure;
  readonly afterTax: Figure;
  readonly annualAdditions: Figure;
  readonly total: Figure;
  readonly limit415c: Figure;
  /** Annual additions of other plans under the same (binding) 415(c) limit. */
  readonly otherPlansUnderLimit: Figure;
  /** Which 415(c) rule bound this plan, and why. */
  readonly limitRule: string;
  readonly verdict: Verdict;
  readonly selfEmployment?: SelfEmploymentDetail;
  readonly tradeOff?: TradeOff;
  readonly acpRisk?: AcpRisk;
  readonly cashBalance?: CashBalanceReport;
  /** A 457(b) plan: governmental or of a tax-exempt organization. */
  readonly governmental?: boolean;
}

/** A person's 457(b) limit (IRC 457(e)(15)) and what their 457(b) plans use of it. */
export interface Deferrals457Report {
  readonly limit: Figure;
  readonly catchUpLimit: Figure;
  /** Which catch-up applies: none, age-50, age-60-63, or the special 457(b)(3) catch-up. */
  readonly catchUpKind: 'none' | 'age-50' | 'age-60-63' | 'special-457';
  readonly used: Figure;
  readonly catchUpUsed: Figure;
  readonly roomLeft: Figure;
}

/** Whether a person is likely an HCE of one employer (IRC 414(q)). */
export interface HceStatus {
  readonly employers: readonly string[];
  readonly likelyHce: boolean;
  readonly why: string;
  readonly citation: string;
}

export interface PersonReport {
  readonly id: string;
  readonly name: string;
  readonly age: number;
  readonly deferralLimit: Figure;
  readonly catchUpLimit: Figure;
  readonly deferralsUsed: Figure;
  readonly catchUpUsed: Figure;
  readonly deferralRoomLeft: Figure;
  /** Likely an HCE of at least one employer (see `hce`). */
  readonly likelyHce: boolean;
  /** HCE status per employer (a controlled group is one employer), with why. */
  readonly hce: readonly HceStatus[];
  readonly plans: readonly string[];
  /** The person's 457(b) limit, when they are in a 457(b) plan. */
  readonly deferrals457?: Deferrals457Report;
}

export interface LimitGroupReport {
  readonly person: string;
  readonly kind: 'employer' | '403b-aggregation';
  readonly employers: readonly string[];
  readonly plans: readonly string[];
  readonly dollarLimit: Figure;
  readonly compensation: Figure;
  readonly cap: Figure;
  readonly used: Figure;
  readonly why: string;
}

export interface HouseholdReport {
  readonly name: string | undefined;
  readonly taxYear: number;
  readonly filingStatus: FilingStatus;
  readonly people: readonly PersonReport[];
  readonly plans: readonly PlanReport[];
  readonly limitGroups: readonly LimitGroupReport[];
  readonly findings: readonly Finding[];
}
