/**
 * The client report: a print view of the plan report that reads as a one-to-three-page letter
 * to a client: the household, the plan-by-plan answer with its chart, warnings, assumptions and
 * sources. Print it, or save it as a PDF from the browser's print dialog.
 */
import type { ReactNode } from 'react';
import type { Figure } from '../../../src/engine/explain.js';
import type { PlanReport } from '../../../src/engine/household/report.js';
import type { PlanCommandReport } from '../../../src/engine/report/plan.js';
import { figuresOf } from '../../../src/engine/report/to-json.js';
import {
  FILING_STATUS,
  PLAN_TYPE,
  VERDICT,
  pct,
  planTitle,
  sentence,
  usd,
  usd0,
} from '../format.js';
import { PlanChart } from '../report/charts.js';
import { groupLabel } from '../report/ReportView.js';
import type { Workspace } from '../state/workspace.js';

function Rows(props: {
  rows: readonly (readonly [string, Figure] | false | null | undefined)[];
}): ReactNode {
  return (
    <tbody>
      {props.rows
        .filter((r): r is readonly [string, Figure] => Boolean(r))
        .map(([label, f]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="num">{usd(f)}</td>
          </tr>
        ))}
    </tbody>
  );
}

function PlanPart(props: { plan: PlanReport; report: PlanCommandReport }): ReactNode {
  const p = props.plan;
  const person = props.report.people.find((x) => x.id === p.person);
  return (
    <section className="print-plan">
      <h3>
        {planTitle(p)} <span className="sub">({person?.name ?? p.person})</span>
      </h3>
      <p className={`verdict-line verdict-${p.verdict.kind}`}>
        <strong>{VERDICT[p.verdict.kind].title}.</strong> Because {p.verdict.reason}.
      </p>
      <div className="print-cols">
        <table className="figures compact">
          <caption className="visually-hidden">What goes into the {PLAN_TYPE[p.type]}</caption>
          <Rows
            rows={[
              ['Compensation', p.compensation],
              ['Pre-tax deferral', p.deferralPreTax],
              ['Roth deferral', p.deferralRoth],
              p.catchUp.cents > 0 && ['Catch-up', p.catchUp],
              ['Employer match', p.match],
              [
                p.type === 'solo-401k' ? 'Employer contribution' : 'Employer nonelective',
                p.nonelective,
              ],
              ['After-tax room', p.afterTaxRoom],
              ['After-tax planned', p.afterTax],
              ['Total into the plan', p.total],
              p.otherPlansUnderLimit.cents > 0 && [
                'Other plans, same limit',
                p.otherPlansUnderLimit,
              ],
              ['415(c) limit', p.limit415c],
            ]}
          />
        </table>
        <div>
          <PlanChart plan={p} person={person} />
          {(p.verdict.warnings.length > 0 || p.verdict.ask.length > 0) && (
            <ul className="notes">
              {p.verdict.warnings.map((w) => (
                <li key={w}>
                  <strong>Watch:</strong> {sentence(w)}
                </li>
              ))}
              {p.verdict.ask.map((q) => (
                <li key={q}>
                  <strong>Ask:</strong> {q}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {p.tradeOff && (
        <p className="small">
          <strong>Trade-off:</strong> with the most employer money,{' '}
          {usd(p.tradeOff.maxEmployer.employerContribution)} employer and{' '}
          {usd(p.tradeOff.maxEmployer.afterTaxRoom)} after-tax; with none,{' '}
          {usd(p.tradeOff.noEmployer.afterTaxRoom)} after-tax. {sentence(p.tradeOff.explanation)}.
        </p>
      )}
    </section>
  );
}

/**
 * The authorities behind the report's figures, for a client: each citation split into its
 * sources, without the explanation after a colon or the line and step numbers (one entry per
 * form, worksheet, section); the assumptions are stated above, not cited as sources.
 */
export function sourcesOf(r: PlanCommandReport): string[] {
  const parts = figuresOf(r)
    .flatMap((f) => {
      // "IRC 414(v); 414(v)(3)(A)": a bare section belongs to the authority before it.
      let authority = '';
      return f.citation.split(/;\s*/).map((c) => {
        const m = /^([A-Za-z. ]+?)\s+\d/.exec(c);
        if (m?.[1]) authority = m[1];
        return /^\d/.test(c) && authority ? `${authority} ${c}` : c;
      });
    })
    .map((c) =>
      c
        .replace(/:\s.*$/, '')
        .replace(/,?\s*\bsteps?\s+\d.*$/i, '')
        .replace(/,?\s*\blines?\s+\d.*$/i, '')
        .replace(/[\s,]+$/, '')
        .trim(),
    )
    // A source names an authority (IRC, Treas. Reg., a form, a publication): lowercase notes
    // such as "state rate" are assumptions, stated above.
    .filter((c) => /^[A-Z0-9"]/.test(c) && !/megaroth|docs\/|assumption/i.test(c));

  return [...new Set(parts)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

export function ClientReport(props: { report: PlanCommandReport }): ReactNode {
  const r = props.report;
  const citations = sourcesOf(r);

  const w = r.worth;
  return (
    <article className="client-report">
      <header>
        <p className="kicker">Mega Backdoor Roth plan — tax year {r.taxYear}</p>
        <h1>{r.name ?? 'Your retirement plan contributions'}</h1>
        <p>
          Prepared {new Date().toLocaleDateString('en-US', { dateStyle: 'long' })} with megaroth.
          Every amount follows a rule of the Internal Revenue Code or its regulations, listed under
          Sources.
        </p>
      </header>
      <section>
        <h2>The household</h2>
        <p>
          {FILING_STATUS[r.filingStatus]}.{' '}
          {r.people
            .map(
              (p) =>
                `${p.name}, age ${String(p.age)} at the end of ${String(r.taxYear)}${p.likelyHce ? ' (likely highly compensated)' : ''}: ${p.plans.length === 1 ? 'one plan' : `${String(p.plans.length)} plans`}, deferral limit ${usd(p.deferralLimit)}, ${usd(p.deferralRoomLeft)} of it left`,
            )
            .join('; ')}
          .
        </p>
      </section>
      <section>
        <h2>Plan by plan</h2>
        {r.plans.map((p) => (
          <PlanPart key={p.id} plan={p} report={r} />
        ))}
      </section>
      {r.limitGroups.some((g) => g.plans.length > 1) && (
        <section>
          <h2>Plans that share a limit</h2>
          <ul>
            {r.limitGroups
              .filter((g) => g.plans.length > 1)
              .map((g, i) => (
                <li key={i}>
                  {groupLabel(r, g)}:{' '}
                  {g.plans
                    .map((id) => {
                      const p = r.plans.find((x) => x.id === id);
                      return p ? planTitle(p) : id;
                    })
                    .join(' and ')}{' '}
                  share one 415(c) limit of {usd(g.cap)}; {usd(g.used)} used.
                </li>
              ))}
          </ul>
        </section>
      )}
      {w && (
        <section>
          <h2>What the after-tax money grows into</h2>
          <p>
            {usd(w.contribution)} a year for {w.years} years at {pct(w.expectedReturn)}, after tax
            at retirement: full Mega Backdoor {usd0(w.atRetirement.fullMbr)}; Roth-lite{' '}
            {usd0(w.atRetirement.rothLite)}; pre-tax instead {usd0(w.atRetirement.preTax)}; taxable
            account {usd0(w.atRetirement.taxable)}.
          </p>
        </section>
      )}
      {r.findings.length > 0 && (
        <section>
          <h2>Notes and warnings</h2>

          <ul>
            {r.findings.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2>Assumptions</h2>
        <p className="small">
          Limits and rules of tax year {r.taxYear}.
          {w && (
            <>
              {' '}
              Growth: {pct(w.expectedReturn)} a year; marginal tax rate now {pct(w.currentRate)}, in
              retirement {pct(w.retirementRate)}; after-tax money every year until retirement. These
              are assumptions, not predictions.
            </>
          )}{' '}
          Plan features are as described by you; confirm them with the plan administrator. This
          report is an estimate for planning and is not tax or legal advice.
        </p>
      </section>
      <section>
        <h2>Sources</h2>
        <ul className="sources">
          {citations.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </section>
      <footer className="small">
        Made in the browser with megaroth; nothing was sent anywhere.
      </footer>
    </article>
  );
}

export function PrintPage(props: { ws: Workspace }): ReactNode {
  const r = props.ws.answer.report;
  return (
    <div className="print-page">
      <div className="toolbar no-print">
        <a className="button secondary" href="#/">
          Back to the planner
        </a>
        <button
          type="button"
          onClick={() => {
            window.print();
          }}
        >
          Print or save as PDF
        </button>
      </div>
      {props.ws.answer.stale && (
        <p className="stale-note no-print">
          The scenario has errors; this report shows the last valid version.
        </p>
      )}
      {r ? <ClientReport report={r} /> : <p>Fill in the scenario to get a report.</p>}
    </div>
  );
}
