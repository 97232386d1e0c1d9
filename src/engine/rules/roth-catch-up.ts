/**
 * Whether a person's catch-ups in an employer's plan must be designated Roth: from 2026, when
 * prior-year FICA wages (W-2 box 3) from the employer sponsoring the plan *exceed* the
 * threshold (IRC 414(v)(7)(A), SECURE 2.0 §603; Notice 2023-62 transition through 2025;
 * T.D. 10033). Exactly the threshold does not. Self-employment income is not FICA wages.
 */
import { formatUsd, type Cents } from '../money.js';
import { usd, type YearParameters } from '../params/index.js';

export interface RothCatchUpRule {
  readonly required: boolean;
  /** True when prior-year FICA wages were not given and were assumed from this year's wages. */
  readonly assumed: boolean;
  readonly why: string;
  readonly citation: string;
}

export interface RothCatchUpInput {
  readonly jobType: 'w2' | 'schedule-c' | 's-corp';
  readonly priorYearFicaWages: Cents | undefined;
  /** This year's wages from the same employer, used only when the prior year is unknown. */
  readonly currentWages: Cents;
}

/** Decides the Roth catch-up requirement for one job's plan. */
export function rothCatchUpRule(p: YearParameters, job: RothCatchUpInput): RothCatchUpRule {
  const threshold = usd(p.plan.rothCatchUpWageThreshold);
  const citation = `${p.plan.rothCatchUpWageThreshold.citation}; ${p.plan.rothCatchUpRequired.citation}`;
  if (!p.plan.rothCatchUpRequired.value) {
    return {
      required: false,
      assumed: false,
      why: `not in force for ${String(p.year)}: ${p.plan.rothCatchUpRequired.note ?? ''}`.trim(),
      citation,
    };
  }
  if (job.jobType === 'schedule-c') {
    return {
      required: false,
      assumed: false,
      why: 'self-employment income is not FICA wages, so the Roth catch-up rule does not reach it',
      citation,
    };
  }
  const assumed = job.priorYearFicaWages === undefined;
  const wages = job.priorYearFicaWages ?? job.currentWages;
  const required = wages > threshold;
  const basis = assumed
    ? `prior-year FICA wages not given; assumed equal to this year's wages of ${formatUsd(wages)}`
    : `prior-year FICA wages from this employer of ${formatUsd(wages)}`;
  return {
    required,
    assumed,
    why: `${basis} ${required ? 'exceed' : 'do not exceed'} ${formatUsd(threshold)}: catch-ups ${required ? 'must be' : 'need not be'} Roth`,
    citation,
  };
}
