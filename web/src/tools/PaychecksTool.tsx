/**
 * Paychecks (`megaroth paychecks`) for the scenario open in the planner, or the built-in example
 * when no job in it carries payroll: per person the 402(g) target and where it stands, per job
 * the elections to enter and the match, every remaining paycheck, and the dated steps; the
 * schedule as CSV and the steps as iCalendar, both saved through Blob URLs.
 */
import { useMemo, type ReactNode } from 'react';
import { checklistIcs } from '../../../src/engine/payroll/ics.js';
import { formatUsd } from '../../../src/engine/money.js';
import { PAYCHECKS_EXAMPLE } from '../../../src/engine/payroll/example.js';
import {
  electionLine,
  paychecksCsv,
  paychecksReport,
  type PaychecksCommandReport,
  type PaychecksJob,
  type PaychecksPerson,
} from '../../../src/engine/report/paychecks.js';
import { parseScenario } from '../../../src/engine/scenario/validate.js';
import { download } from '../pages/FileButtons.js';
import { FigureIndexProvider, FigureTable } from '../report/explain.js';
import { Findings } from '../report/ReportView.js';
import { TableScroll } from '../report/RothSections.js';
import { today } from '../state/draft.js';
import type { Workspace } from '../state/workspace.js';
import { CommandLine, Issues, run } from './tool-kit.js';

function PersonSummary(props: { p: PaychecksPerson }): ReactNode {
  const p = props.p;
  return (
    <FigureTable
      caption={`${p.name}, age ${String(p.age)}: ${p.reached ? `402(g) target reached${p.reachedOn ? ` on ${p.reachedOn}` : ''}` : '402(g) target not reached'}${p.acrossEmployers ? ' (across employers: no plan stops at your limit)' : ''}`}
      rows={[
        { figure: p.deferralLimit },
        p.catchUp.cents > 0 && { figure: p.catchUp },
        { figure: p.target, strong: true },
        { figure: p.yearToDate },
        p.otherPlans.cents > 0 && { figure: p.otherPlans },
        { figure: p.planned },
        { figure: p.total, strong: true },
        p.excess.cents > 0 && { figure: p.excess },
        p.shortBy.cents > 0 && { figure: p.shortBy },
      ]}
    />
  );
}

function JobSummary(props: { j: PaychecksJob }): ReactNode {
  const j = props.j;
  return (
    <div className="group">
      <h4>
        {j.employer}
        {j.plan ? `, plan ${j.plan}` : ''}: {String(j.paychecksLeft)} paycheck
        {j.paychecksLeft === 1 ? '' : 's'} left
        {j.nextPaycheck ? `, ${j.nextPaycheck} to ${j.lastPaycheck ?? ''}` : ''}
      </h4>
      {(j.deferral ?? j.afterTax) && (
        <ul className="elections">
          {j.deferral && <li>Enter: {electionLine(j.deferral)}</li>}
          {j.afterTax && <li>Enter: {electionLine(j.afterTax)}</li>}
        </ul>
      )}
      {j.plan && (
        <FigureTable
          caption={`Match (${j.match.basis === 'annual-true-up' ? 'with a true-up' : 'per paycheck, no true-up'}) and the 415(c) limit`}
          rows={[
            { figure: j.yearPay },
            { figure: j.match.planned },
            j.match.lost.cents > 0 && { figure: j.match.lost },
            j.match.trueUp.cents > 0 && { figure: j.match.trueUp },
            { figure: j.additions, strong: true },
            { figure: j.limit415c },
          ]}
        />
      )}
    </div>
  );
}

const COLUMNS = [
  'Date',
  'Job',
  'Gross',
  'Deferral',
  'After-tax',
  'Match',
  'Lost',
  'FICA',
  'Net pay',
  'YTD deferrals',
  'YTD 415(c)',
  'Note',
] as const;

function Schedule(props: { r: PaychecksCommandReport }): ReactNode {
  return (
    <TableScroll label="Paycheck schedule">
      <table className="figures schedule">
        <caption>Every remaining paycheck</caption>
        <thead>
          <tr>
            {COLUMNS.map((c, i) => (
              <th key={c} scope="col" className={i >= 2 && i <= 10 ? 'num' : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.r.paychecks.map((c) => (
            <tr key={`${c.date}-${c.job}`}>
              <th scope="row" className="num">
                {c.date}
              </th>
              <td>{c.job}</td>
              {[
                c.gross,
                c.deferral,
                c.afterTax,
                c.match,
                c.matchLost,
                { cents: c.socialSecurity.cents + c.medicare.cents },
                c.netPay,
                c.ytdDeferrals,
                c.ytdAdditions,
              ].map((f, i) => (
                <td key={i} className="num">
                  {formatUsd(f.cents)}
                </td>
              ))}
              <td className="events">{c.events.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function PaychecksView(props: { r: PaychecksCommandReport }): ReactNode {
  const r = props.r;
  return (
    <FigureIndexProvider report={r}>
      <section className="card" aria-labelledby="pay-people">
        <h3 id="pay-people">Deferral limit per person</h3>
        {r.people.map((p) => (
          <PersonSummary key={p.id} p={p} />
        ))}
      </section>
      <section className="card" aria-labelledby="pay-jobs">
        <h3 id="pay-jobs">Elections per job</h3>
        {r.jobs.map((j) => (
          <JobSummary key={j.id} j={j} />
        ))}
      </section>
      <section className="card" aria-labelledby="pay-schedule">
        <h3 id="pay-schedule">Schedule</h3>
        <Schedule r={r} />
        {r.conversionCost.map((c) => (
          <FigureTable
            key={c.plan}
            caption={`${c.plan}: taxable earnings of converting later instead of after each paycheck`}
            rows={[{ figure: c.monthly }, { figure: c.quarterly }, { figure: c.yearly }]}
          />
        ))}
      </section>
      <section className="card" aria-labelledby="pay-steps">
        <h3 id="pay-steps">Steps</h3>
        <ol className="steps">
          {r.steps.map((s, i) => (
            <li key={i}>
              <time dateTime={s.date}>{s.date}</time>: {s.title}{' '}
              <span className="note">({s.citation})</span>
            </li>
          ))}
        </ol>
      </section>
      <Findings report={r} />
    </FigureIndexProvider>
  );
}

export function PaychecksTool(props: { ws: Workspace }): ReactNode {
  const { draft } = props.ws;
  const result = useMemo(
    () =>
      run(() => {
        const opened = parseScenario(structuredClone(draft), { today: today() });
        const own = opened.jobs.some((j) => j.payroll !== undefined);
        const scenario = own
          ? opened
          : parseScenario(structuredClone(PAYCHECKS_EXAMPLE), { today: today() });
        return { own, report: paychecksReport(scenario) };
      }),
    [draft],
  );
  const r = result.ok ? result.report.report : null;
  const own = result.ok && result.report.own;
  const name = r?.name ?? 'paychecks';
  const file =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'paychecks';
  return (
    <div className="planner tool">
      <section className="editor-col" aria-labelledby="tool-inputs">
        <h2 id="tool-inputs">Inputs</h2>
        <Issues issues={result.ok ? [] : result.issues} />
        <div className="card">
          {r && (
            <p>
              Scenario: <strong>{r.name ?? 'unnamed'}</strong>{' '}
              {own
                ? '(the one open in the planner).'
                : '(the built-in example: no job in the scenario open in the planner has payroll; see docs/paychecks.md).'}
            </p>
          )}
          <CommandLine command={own ? 'paychecks FILE' : 'paychecks'} />
          {r && (
            <div className="actions-row">
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  download(paychecksCsv(r), `${file}-schedule.csv`, 'text/csv');
                }}
              >
                Download the schedule (CSV)
              </button>
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  download(
                    checklistIcs(r.steps, r.name ?? 'megaroth paychecks', today()),
                    `${file}-steps.ics`,
                    'text/calendar',
                  );
                }}
              >
                Download the steps (iCalendar)
              </button>
            </div>
          )}
        </div>
      </section>
      <section className="answer-col" aria-labelledby="tool-answer" tabIndex={0}>
        <h2 id="tool-answer">The answer</h2>
        {r ? <PaychecksView r={r} /> : <p>Fix the scenario in the planner to see the answer.</p>}
      </section>
    </div>
  );
}
