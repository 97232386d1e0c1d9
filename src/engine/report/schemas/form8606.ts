/** JSON Schema of `megaroth form8606 --json` (Form 8606 lines 1–18 and the pro-rata trap). */
import { z } from 'zod';
import { dollars, rate, reportSchema } from './common.js';

const skippable = dollars.nullable();

export const form8606Json = reportSchema('form8606', {
  line1: dollars,
  line2: dollars,
  line3: dollars,
  line4: skippable,
  line5: skippable,
  line6: skippable,
  line7: skippable,
  line8: skippable,
  line9: skippable,
  line10: rate.nullable(),
  line11: skippable,
  line12: skippable,
  line13: skippable,
  line14: dollars,
  line15a: skippable,
  line15b: skippable,
  line15c: skippable,
  line16: dollars,
  line17: dollars,
  line18: dollars,
  ratioPrecision: z.enum(['full', 'three-places']),
  notes: z.array(z.string()),
  trap: z.strictObject({ taxableIfRolledIn: dollars, extraTaxable: dollars }).nullable(),
});
