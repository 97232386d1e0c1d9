/** Federal income tax parameters for 2026: Rev. Proc. 2025-32 §3.01 (rate tables) and the standard deduction. */
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

const BRACKETS = 'Rev. Proc. 2025-32 §3.01; IRC 1(j)(2)';
const BRACKET_NOTE =
  'Single and MFJ: Rev. Proc. 2025-32 §3.01 (as transcribed by PolicyEngine-US and planomy, which cite it); MFS and HoH: a secondary transcription of the Rev. Proc. 2025-32 §3.01 tables (cumulative amounts check: HoH 191,171 at 640,600; MFS 103,291.75 at 384,350).';
const DEDUCTION = 'Rev. Proc. 2025-32; IRC 63(c)(2), (c)(7)';
const DEDUCTION_NOTE = 'Rev. Proc. 2025-32 §3.02 (p. 18; PolicyEngine-US and planomy cite it).';

const mfjTops = tops(
  'mfj',
  [24_800, 100_800, 211_400, 403_550, 512_450, 768_700],
  BRACKETS,
  'V',
  BRACKET_NOTE,
);
const mfjDeduction = deduction('mfj', 32_200, DEDUCTION, 'V', DEDUCTION_NOTE);

export const incomeTax2026 = {
  year: 2026,
  rates: statutoryRates,
  brackets: {
    single: tops(
      'single',
      [12_400, 50_400, 105_700, 201_775, 256_225, 640_600],
      BRACKETS,
      'V',
      BRACKET_NOTE,
    ),
    mfj: mfjTops,
    qss: survivingSpouseTops(mfjTops),
    mfs: tops(
      'mfs',
      [12_400, 50_400, 105_700, 201_775, 256_225, 384_350],
      BRACKETS,
      'V2',
      BRACKET_NOTE,
    ),
    hoh: tops(
      'hoh',
      [17_700, 67_450, 105_700, 201_750, 256_200, 640_600],
      BRACKETS,
      'V2',
      BRACKET_NOTE,
    ),
  },
  standardDeduction: {
    single: deduction('single', 16_100, DEDUCTION, 'V', DEDUCTION_NOTE),
    mfj: mfjDeduction,
    qss: survivingSpouseDeduction(mfjDeduction),
    mfs: deduction('mfs', 16_100, DEDUCTION, 'V', DEDUCTION_NOTE),
    hoh: deduction('hoh', 24_150, DEDUCTION, 'V', DEDUCTION_NOTE),
  },
  niitRate,
  niitThreshold,
} as const satisfies IncomeTaxYear;
