/** The findings of a report as text: one wrapped line each, by severity, with the fix under it. */
import type { Finding } from '../../engine/report/model.js';
import { wrap } from '../text.js';

const MARK: Readonly<Record<Finding['severity'], string>> = {
  error: 'ERROR',
  warning: 'WARNING',
  question: 'ASK',
  info: 'NOTE',
};

/** A "Findings" block (with a blank line before it), or '' when there are none. */
export function renderFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const out = ['', 'Findings'];
  for (const f of findings) {
    const text = f.path ? `${f.path}: ${f.message}` : f.message;
    out.push(wrap(text, `  ${MARK[f.severity]} `, '    '));
    if (f.fix) out.push(wrap(f.fix, '    fix: ', '      '));
  }
  return `${out.join('\n')}\n`;
}
