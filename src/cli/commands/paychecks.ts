/**
 * `megaroth paychecks [FILE]`: the elections to enter from the next paycheck on, the schedule of
 * every remaining paycheck, and the year's dated steps; `--csv` prints the schedule, `--ics` the
 * steps as an iCalendar file.
 */
import { inputError } from '../../engine/errors.js';
import { formatUsd } from '../../engine/money.js';
import { checklistIcs } from '../../engine/payroll/ics.js';
import { PAYCHECKS_EXAMPLE } from '../../engine/payroll/example.js';
import {
  electionLine,
  paychecksCsv,
  paychecksReport,
  type PaychecksCommandReport,
} from '../../engine/report/paychecks.js';
import { parseScenario } from '../../engine/scenario/validate.js';
import { printReport, withReportOptions, type ReportOutputOptions } from '../report-output.js';
import { loadScenario, today } from '../scenario-input.js';
import { renderTable } from '../table.js';
import { wrap } from '../text.js';
import type { Register } from './index.js';

interface PaychecksOptions extends ReportOutputOptions {
  readonly csv?: boolean;
  readonly ics?: boolean;
}

const usd = (c: number): string => formatUsd(c);

/** The report as text: people, elections per job, the schedule, the steps, the findings. */
export function renderPaychecks(r: PaychecksCommandReport): string {
  const out: string[] = [`${r.name ?? 'Paychecks'} (${String(r.taxYear)})`, ''];
  for (const p of r.people) {
    out.push(
      `${p.name}: 402(g) target ${usd(p.target.cents)} (limit ${usd(p.deferralLimit.cents)} + catch-up ${usd(p.catchUp.cents)}); so far ${usd(p.yearToDate.cents + p.otherPlans.cents)}, planned ${usd(p.planned.cents)}, ${p.reached ? `reached${p.reachedOn ? ` on ${p.reachedOn}` : ''}` : `${usd(p.shortBy.cents)} short`}${p.acrossEmployers ? ' (across employers: no plan stops at your limit)' : ''}`,
    );
  }
  for (const j of r.jobs) {
    out.push(
      '',
      `${j.id} (${j.employer})${j.plan ? `, plan ${j.plan}` : ''}: ${String(j.paychecksLeft)} paycheck(s) left${j.nextPaycheck ? `, ${j.nextPaycheck} to ${j.lastPaycheck ?? ''}` : ''}`,
    );
    if (j.deferral) out.push(`  ${electionLine(j.deferral)}`);
    if (j.afterTax) out.push(`  ${electionLine(j.afterTax)}`);
    if (j.plan)
      out.push(
        `  match: ${usd(j.match.planned.cents)} on the remaining paychecks, ${usd(j.match.lost.cents)} lost${j.match.basis === 'annual-true-up' ? `, true-up ${usd(j.match.trueUp.cents)}` : ' (no true-up)'}; annual additions ${usd(j.additions.cents)} of the 415(c) limit ${usd(j.limit415c.cents)}`,
      );
  }
  out.push(
    '',
    renderTable(
      [
        { header: 'Date' },
        { header: 'Job' },
        { header: 'Gross', align: 'right' },
        { header: 'Deferral', align: 'right' },
        { header: 'After-tax', align: 'right' },
        { header: 'Match', align: 'right' },
        { header: 'Lost', align: 'right' },
        { header: 'FICA', align: 'right' },
        { header: 'Net pay', align: 'right' },
        { header: 'YTD deferrals', align: 'right' },
        { header: 'YTD 415(c)', align: 'right' },
        { header: 'Note' },
      ],
      r.paychecks.map((c) => [
        c.date,
        c.job,
        usd(c.gross.cents),
        usd(c.deferral.cents),
        usd(c.afterTax.cents),
        usd(c.match.cents),
        usd(c.matchLost.cents),
        usd(c.socialSecurity.cents + c.medicare.cents),
        usd(c.netPay.cents),
        usd(c.ytdDeferrals.cents),
        usd(c.ytdAdditions.cents),
        c.events.join('; '),
      ]),
    ).trimEnd(),
  );
  for (const c of r.conversionCost)
    out.push(
      '',
      `${c.plan}: taxable earnings of converting later instead of after each paycheck: monthly ${usd(c.monthly.cents)}, quarterly ${usd(c.quarterly.cents)}, once a year ${usd(c.yearly.cents)}`,
    );
  out.push('', 'Steps');
  for (const s of r.steps)
    out.push(wrap(`${s.title} (${s.citation})`, `  ${s.date}  `, '              '));
  if (r.findings.length > 0) {
    out.push('', 'Findings');
    for (const f of r.findings)
      out.push(wrap(`${f.severity}: ${f.message}${f.fix ? ` — ${f.fix}` : ''}`, '  ', '    '));
  }
  return `${out.join('\n')}\n`;
}

export const register: Register = (program, io) => {
  withReportOptions(
    program
      .command('paychecks')
      .summary(
        'Paycheck by paycheck: the elections to enter, when each limit is reached, the steps',
      )
      .description(
        'The elections per source that reach the 402(g) limit and the after-tax room by the last paycheck, every remaining paycheck, and the dated steps of the year.\nWithout FILE, uses the built-in example (a biweekly plan with a match per paycheck, no true-up, planned from a mid-year pay stub).',
      )
      .argument(
        '[file]',
        'scenario file whose jobs carry payroll (YAML or JSON); see docs/paychecks.md',
      ),
  )
    .option('--csv', 'print the schedule as CSV, one row per paycheck')
    .option('--ics', 'print the steps as an iCalendar file (all-day events)')
    .addHelpText(
      'after',
      '\nExamples:\n  megaroth paychecks\n  megaroth paychecks examples/paychecks/job-change.yaml\n  megaroth paychecks examples/paychecks/semi-monthly-bonus.yaml --csv > schedule.csv\n  megaroth paychecks --ics > steps.ics',
    )
    .action((file: string | undefined, opts: PaychecksOptions) => {
      const chosen = [opts.json, opts.csv, opts.ics].filter(Boolean).length;
      if (chosen > 1)
        throw inputError(opts.ics ? '--ics' : '--csv', 'give one of --json, --csv, --ics');
      const scenario =
        file === undefined
          ? parseScenario(structuredClone(PAYCHECKS_EXAMPLE), { today: today() })
          : loadScenario(io, file);
      const report = paychecksReport(scenario);
      if (opts.csv) io.out(paychecksCsv(report));
      else if (opts.ics)
        io.out(checklistIcs(report.steps, report.name ?? 'megaroth paychecks', today()));
      else printReport(io, report, opts, renderPaychecks);
    });
};
