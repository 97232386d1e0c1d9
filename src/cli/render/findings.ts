/** Renders a report's findings as text: one wrapped line each, with the fix under it. */
import type { Finding } from '../../engine/report/model.js';
import { wrap } from '../text.js';

/** The findings block (empty text when there are none), starting with a blank line. */
export function renderFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const out = ['', 'Findings'];
  for (const f of findings) {
    out.push(
      wrap(
        f.path ? `${f.path}: ${f.message}` : f.message,
        `  ${f.severity.toUpperCase()} `,
        '    ',
      ),
    );
    if (f.fix) out.push(wrap(f.fix, '    fix: ', '      '));
  }
  return `${out.join('\n')}\n`;
}
