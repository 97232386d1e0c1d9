/** How the app writes money, rates and the report's names in plain words. */
import type { Figure, RateFigure } from '../../src/engine/explain.js';
import type { PlanReport, VerdictKind } from '../../src/engine/household/report.js';
import { formatUsd } from '../../src/engine/money.js';

export const usd = (f: Figure): string => formatUsd(f.cents);
export const usd0 = (f: Figure): string => formatUsd(f.cents, { wholeDollars: true });
export const pct = (f: RateFigure | number): string =>
  `${((typeof f === 'number' ? f : f.rate) * 100).toFixed(2)}%`;

export const PLAN_TYPE: Readonly<Record<PlanReport['type'], string>> = {
  '401k': '401(k)',
  '403b': '403(b)',
  'solo-401k': 'Solo 401(k)',
  '457b': '457(b)',
};

export const VERDICT: Readonly<Record<VerdictKind, { title: string; short: string }>> = {
  full: { title: 'Full Mega Backdoor Roth', short: 'Yes' },
  'roth-lite': {
    title: 'Roth-lite: after-tax money reaches Roth only when you leave',
    short: 'Later',
  },
  none: { title: 'No Mega Backdoor Roth in this plan', short: 'No' },
  'no-room': { title: 'No after-tax room in this plan this year', short: 'No room' },
};

export const FILING_STATUS = {
  single: 'Single',
  mfj: 'Married filing jointly',
  mfs: 'Married filing separately',
  hoh: 'Head of household',
  qss: 'Qualifying surviving spouse',
} as const;

/** "Solo 401(k) at Lee Moonlighting Practice". */
export function planTitle(p: Pick<PlanReport, 'type' | 'employer'>): string {
  return `${PLAN_TYPE[p.type]} at ${p.employer}`;
}

/** The engine's clauses as sentences: a capital first letter. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
