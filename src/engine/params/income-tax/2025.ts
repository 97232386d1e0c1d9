/** Federal income tax parameters for 2025: Rev. Proc. 2024-40 §3.01 (rate tables) and the standard deduction as amended by P.L. 119-21. */
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

const BRACKETS = 'Rev. Proc. 2024-40 §3.01; IRC 1(j)(2)';
const BRACKET_NOTE =
  'Rev. Proc. 2024-40 §3.01 tables; MFS and HoH checked against PolicyEngine-US gov/irs/income/bracket.yaml (cites Rev. Proc. 2024-40) only. Rates made permanent by P.L. 119-21.';
const DEDUCTION = 'Rev. Proc. 2024-40 as amended by P.L. 119-21; IRC 63(c)(2), (c)(7)';
const DEDUCTION_NOTE =
  'Rev. Proc. 2024-40 published 15,000 / 30,000 / 22,500; P.L. 119-21 §70102 raised them retroactively for 2025 (Rev. Proc. 2024-40 §3.02; P.L. 119-21 §70102).';

const mfjTops = tops(
  'mfj',
  [23_850, 96_950, 206_700, 394_600, 501_050, 751_600],
  BRACKETS,
  'V',
  BRACKET_NOTE,
);
const mfjDeduction = deduction('mfj', 31_500, DEDUCTION, 'V2', DEDUCTION_NOTE);

export const incomeTax2025 = {
  year: 2025,
  rates: statutoryRates,
  brackets: {
    single: tops(
      'single',
      [11_925, 48_475, 103_350, 197_300, 250_525, 626_350],
      BRACKETS,
      'V',
      BRACKET_NOTE,
    ),
    mfj: mfjTops,
    qss: survivingSpouseTops(mfjTops),
    mfs: tops(
      'mfs',
      [11_925, 48_475, 103_350, 197_300, 250_525, 375_800],
      BRACKETS,
      'V2',
      BRACKET_NOTE,
    ),
    hoh: tops(
      'hoh',
      [17_000, 64_850, 103_350, 197_300, 250_500, 626_350],
      BRACKETS,
      'V2',
      BRACKET_NOTE,
    ),
  },
  standardDeduction: {
    single: deduction('single', 15_750, DEDUCTION, 'V2', DEDUCTION_NOTE),
    mfj: mfjDeduction,
    qss: survivingSpouseDeduction(mfjDeduction),
    mfs: deduction('mfs', 15_750, DEDUCTION, 'V2', DEDUCTION_NOTE),
    hoh: deduction('hoh', 23_625, DEDUCTION, 'V2', DEDUCTION_NOTE),
  },
  niitRate,
  niitThreshold,
} as const satisfies IncomeTaxYear;
