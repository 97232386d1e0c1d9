/** Federal income tax parameters for 2023: Rev. Proc. 2022-38 §3.01 (rate tables) and the standard deduction. */
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

const BRACKETS = 'Rev. Proc. 2022-38 §3.01; IRC 1(j)(2)';
const BRACKET_NOTE =
  'Single and MFJ as quoted in issue 6 and in PolicyEngine gov/irs/income/bracket.yaml (cites rp-22-38); MFS and HoH from PolicyEngine; HoH also matches an independent tax-calculator data file (2023: 15,700 / 59,850 / 95,350 / 182,100 / 231,250 / 578,100).';
const DEDUCTION = 'Rev. Proc. 2022-38; IRC 63(c)(2), (c)(7)';
const DEDUCTION_NOTE =
  'Single, MFJ and HoH as quoted in issue 6 from Rev. Proc. 2022-38; MFS equals single by IRC 63(c)(2)(C).';

const mfjTops = tops(
  'mfj',
  [22_000, 89_450, 190_750, 364_200, 462_500, 693_750],
  BRACKETS,
  'V',
  BRACKET_NOTE,
);
const mfjDeduction = deduction('mfj', 27_700, DEDUCTION, 'V2', DEDUCTION_NOTE);

export const incomeTax2023 = {
  year: 2023,
  rates: statutoryRates,
  brackets: {
    single: tops(
      'single',
      [11_000, 44_725, 95_375, 182_100, 231_250, 578_125],
      BRACKETS,
      'V',
      BRACKET_NOTE,
    ),
    mfj: mfjTops,
    qss: survivingSpouseTops(mfjTops),
    mfs: tops(
      'mfs',
      [11_000, 44_725, 95_375, 182_100, 231_250, 346_875],
      BRACKETS,
      'V2',
      BRACKET_NOTE,
    ),
    hoh: tops(
      'hoh',
      [15_700, 59_850, 95_350, 182_100, 231_250, 578_100],
      BRACKETS,
      'V2',
      BRACKET_NOTE,
    ),
  },
  standardDeduction: {
    single: deduction('single', 13_850, DEDUCTION, 'V2', DEDUCTION_NOTE),
    mfj: mfjDeduction,
    qss: survivingSpouseDeduction(mfjDeduction),
    mfs: deduction('mfs', 13_850, DEDUCTION, 'V2', DEDUCTION_NOTE),
    hoh: deduction('hoh', 20_800, DEDUCTION, 'V2', DEDUCTION_NOTE),
  },
  niitRate,
  niitThreshold,
} as const satisfies IncomeTaxYear;
