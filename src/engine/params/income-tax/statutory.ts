/**
 * Income tax figures fixed by statute rather than indexed each year: the seven ordinary rates
 * (IRC 1(j)(2), permanent after P.L. 119-21) and the Net Investment Income Tax rate and
 * thresholds (IRC 1411(a)(1), (b); not indexed). Every year file spreads these in.
 */
import type { ByFilingStatus, RateParam, Status, Usd } from '../types.js';
import type { BracketRates, BracketTops } from './types.js';

const RATE_CITE = 'IRC 1(j)(2) (P.L. 115-97 §11001; made permanent by P.L. 119-21)';

function rateParam(value: number, label: string): RateParam {
  return { value, unit: 'rate', label, citation: RATE_CITE, status: 'V' };
}

export const statutoryRates: BracketRates = {
  r10: rateParam(0.1, 'Ordinary income tax rate, first bracket'),
  r12: rateParam(0.12, 'Ordinary income tax rate, second bracket'),
  r22: rateParam(0.22, 'Ordinary income tax rate, third bracket'),
  r24: rateParam(0.24, 'Ordinary income tax rate, fourth bracket'),
  r32: rateParam(0.32, 'Ordinary income tax rate, fifth bracket'),
  r35: rateParam(0.35, 'Ordinary income tax rate, sixth bracket'),
  r37: rateParam(0.37, 'Ordinary income tax rate, top bracket'),
};

const NIIT_CITE = 'IRC 1411(b) (not indexed); Form 8960 line 14';

export const niitRate: RateParam = {
  value: 0.038,
  unit: 'rate',
  label: 'Net Investment Income Tax rate on the lesser of NII and MAGI above the threshold',
  citation: 'IRC 1411(a)(1); Form 8960',
  status: 'V',
};

export const niitThreshold: ByFilingStatus<Usd> = {
  single: {
    value: 200_000,
    unit: 'usd',
    label: 'NIIT threshold, single',
    citation: NIIT_CITE,
    status: 'V',
  },
  mfj: {
    value: 250_000,
    unit: 'usd',
    label: 'NIIT threshold, married filing jointly (and qualifying surviving spouse)',
    citation: NIIT_CITE,
    status: 'V',
  },
  mfs: {
    value: 125_000,
    unit: 'usd',
    label: 'NIIT threshold, married filing separately',
    citation: NIIT_CITE,
    status: 'V',
  },
  hoh: {
    value: 200_000,
    unit: 'usd',
    label: 'NIIT threshold, head of household',
    citation: NIIT_CITE,
    status: 'V',
  },
  qss: {
    value: 250_000,
    unit: 'usd',
    label: 'NIIT threshold, qualifying surviving spouse (as a joint return)',
    citation: `${NIIT_CITE}; IRC 1411(b)(1) (a surviving spouse as defined in 2(a))`,
    status: 'V',
  },
};

const STATUS_NAME = {
  single: 'single',
  mfj: 'married filing jointly',
  mfs: 'married filing separately',
  hoh: 'head of household',
  qss: 'qualifying surviving spouse',
} as const;

/**
 * Builds the six bracket tops of one filing status from the Rev. Proc. table ("not over"
 * amounts of the 10% … 35% rows), each with the same citation and status.
 */
export function tops(
  filing: keyof typeof STATUS_NAME,
  values: readonly [number, number, number, number, number, number],
  citation: string,
  status: Status,
  note?: string,
): BracketTops {
  const names = ['10%', '12%', '22%', '24%', '32%', '35%'] as const;
  const one = (i: number): Usd => ({
    value: values[i] ?? Number.NaN,
    unit: 'usd',
    label: `Top of the ${names[i] ?? ''} bracket, ${STATUS_NAME[filing]}`,
    citation,
    status,
    ...(note === undefined ? {} : { note }),
  });
  return {
    top10: one(0),
    top12: one(1),
    top22: one(2),
    top24: one(3),
    top32: one(4),
    top35: one(5),
  };
}

const SURVIVING_SPOUSE =
  'IRC 1(a), 2(a), 63(c)(2)(A): a surviving spouse uses the joint-return figures';

/** The qualifying surviving spouse's bracket tops: the joint-return table (IRC 1(a), 2(a)). */
export function survivingSpouseTops(mfj: BracketTops): BracketTops {
  const one = (u: Usd): Usd => ({
    ...u,
    label: u.label.replace(STATUS_NAME.mfj, STATUS_NAME.qss),
    citation: `${u.citation}; ${SURVIVING_SPOUSE}`,
  });
  return {
    top10: one(mfj.top10),
    top12: one(mfj.top12),
    top22: one(mfj.top22),
    top24: one(mfj.top24),
    top32: one(mfj.top32),
    top35: one(mfj.top35),
  };
}

/** The qualifying surviving spouse's standard deduction: the joint-return amount. */
export function survivingSpouseDeduction(mfj: Usd): Usd {
  return {
    ...mfj,
    label: mfj.label.replace(STATUS_NAME.mfj, STATUS_NAME.qss),
    citation: `${mfj.citation}; ${SURVIVING_SPOUSE}`,
  };
}

/** A standard deduction figure with its citation. */
export function deduction(
  filing: keyof typeof STATUS_NAME,
  value: number,
  citation: string,
  status: Status,
  note?: string,
): Usd {
  return {
    value,
    unit: 'usd',
    label: `Basic standard deduction, ${STATUS_NAME[filing]}`,
    citation,
    status,
    ...(note === undefined ? {} : { note }),
  };
}
