/** The "Assumptions" block of `--explain`: each planning assumption, its value and its source. */
import { assumptionLines, type AssumptionEntries } from '../../engine/project/assumptions.js';
import { wrap } from '../text.js';

/** The block, or '' when the report has no assumptions (inputs given as a projection file). */
export function assumptionsText(e: AssumptionEntries | null | undefined): string {
  if (!e) return '';
  const lines = [
    '',
    'Assumptions (value, source: default = megaroth’s default, file = the scenario, flag = the command line)',
    ...assumptionLines(e).map((l) => wrap(l, '  ', '      ')),
  ];
  return `${lines.join('\n')}\n`;
}
