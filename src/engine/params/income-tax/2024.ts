/** Federal income tax parameters for 2024: Rev. Proc. 2023-34 §3.01 (rate tables) and the standard deduction. */
import type { IncomeTaxYear } from './types.js';
import {
  deduction,
  niitRate,
  niitThreshold,
  statutoryRates,
  survivingSpouseDeduction,
  survivingSpouseTops,
  tops,
} from './statutory.js';

const BRACKETS = 'Rev. Proc. 2023-34 §3.01; IRC 1(j)(2)';
const BRACKET_NOTE =
  'Rev. Proc. 2023-34 §3.01 tables (transcribed by PolicyEngine-US, which cites Rev. Proc. 2023-34); MFS and HoH: PolicyEngine-US gov/irs/income/bracket.yaml only.';
const DEDUCTION = 'Rev. Proc. 2023-34; IRC 63(c)(2), (c)(7)';
const DEDUCTION_NOTE =
  'Rev. Proc. 2023-34 §3.02 (PolicyEngine-US deductions/standard/amount.yaml cites it).';

const mfjTops = tops(
  'mfj',
  [23_200, 94_300, 201_050, 383_900, 487_450, 731_200],
  BRACKETS,
  'V',
  BRACKET_NOTE,
);
const mfjDeduction = deduction('mfj', 29_200, DEDUCTION, 'V', DEDUCTION_NOTE);

export const incomeTax2024 = {
  year: 2024,
  rates: statutoryRates,
  brackets: {
    single: tops(
      'single',
      [11_600, 47_150, 100_525, 191_950, 243_725, 609_350],
      BRACKETS,
      'V',
      BRACKET_NOTE,
    ),
    mfj: mfjTops,
    qss: survivingSpouseTops(mfjTops),
    mfs: tops(
      'mfs',
      [11_600, 47_150, 100_525, 191_950, 243_725, 365_600],
      BRACKETS,
      'V2',
      BRACKET_NOTE,
    ),
    hoh: tops(
      'hoh',
      [16_550, 63_100, 100_500, 191_950, 243_700, 609_350],
      BRACKETS,
      'V2',
      BRACKET_NOTE,
    ),
  },
  standardDeduction: {
    single: deduction('single', 14_600, DEDUCTION, 'V', DEDUCTION_NOTE),
    mfj: mfjDeduction,
    qss: survivingSpouseDeduction(mfjDeduction),
    mfs: deduction('mfs', 14_600, DEDUCTION, 'V', DEDUCTION_NOTE),
    hoh: deduction('hoh', 21_900, DEDUCTION, 'V', DEDUCTION_NOTE),
  },
  niitRate,
  niitThreshold,
} as const satisfies IncomeTaxYear;
