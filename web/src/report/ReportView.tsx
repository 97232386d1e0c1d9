/**
 * The live answer: the plan report for the scenario, plan by plan (what goes in against the
 * limits, the Mega Backdoor verdict with its reasons, warnings and questions), the household's
 * limit groups, the Roth IRA and Roth money this year (RothSections.tsx) and what the after-tax
 * money grows into, with its trade-offs and assumptions. It only shows the report's figures.
 */
import type { ReactNode } from 'react';
import type {
  LimitGroupReport,
  PersonReport,
  PlanReport,
} from '../../../src/engine/household/report.js';
import type { Finding } from '../../../src/engine/report/model.js';
import type { PlanCommandReport, WorthReport } from '../../../src/engine/report/plan.js';
import { FILING_STATUS, PLAN_TYPE, VERDICT, pct, planTitle, sentence, usd } from '../format.js';
import { LimitGroupsChart, PlanChart, WorthChart } from './charts.js';
import { FigureIndexProvider, FigureTable, InlineFigure } from './explain.js';
import { AssumptionsList, RothSectionsView, TableScroll } from './RothSections.js';

const CATCH_UP = { 'pre-tax': 'pre-tax', roth: 'Roth' } as const;

export function personName(r: PlanCommandReport, id: string): string {
  return r.people.find((p) => p.id === id)?.name ?? id;
}

/** The one-line answer per plan, at the top. */
export function AtAGlance(props: { report: PlanCommandReport }): ReactNode {
  const r = props.report;
  return (
    <ul className="glance">
      {r.plans.map((p) => (
        <li key={p.id} className={`verdict-${p.verdict.kind}`}>
          <span className="badge">{VERDICT[p.verdict.kind].short}</span>
          <span>
            <strong>{planTitle(p)}</strong>
            {r.people.length > 1 && <> ({personName(r, p.person)})</>}:{' '}
            {VERDICT[p.verdict.kind].title}.{' '}
            {p.afterTaxRoom.cents > 0 ? (
              <>
                After-tax room <strong className="big">{usd(p.afterTaxRoom)}</strong>
              </>
            ) : (
              <>No after-tax room.</>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

function PersonSection(props: { person: PersonReport }): ReactNode {
  const p = props.person;
  return (
    <FigureTable
      caption={`${p.name}, age ${String(p.age)} at December 31${p.likelyHce ? ' (likely a highly compensated employee)' : ''}: deferral limit across all plans`}
      rows={[
        { figure: p.deferralLimit, label: '402(g) deferral limit' },
        { figure: p.deferralsUsed, label: 'Deferrals used, all plans' },
        { figure: p.deferralRoomLeft, label: 'Deferral room left', strong: true },
        p.catchUpLimit.cents > 0 && { figure: p.catchUpLimit, label: 'Catch-up limit' },
        p.catchUpLimit.cents > 0 && { figure: p.catchUpUsed, label: 'Catch-up used' },
      ]}
    />
  );
}

export function Verdict(props: { plan: PlanReport }): ReactNode {
  const v = props.plan.verdict;
  return (
    <div className={`verdict verdict-${v.kind}`}>
      <p>
        <strong>{VERDICT[v.kind].title}.</strong> {`Because ${v.reason}.`}
      </p>
      {v.warnings.length > 0 && (
        <div>
          <h4>Watch out</h4>
          <ul className="warnings">
            {v.warnings.map((w) => (
              <li key={w}>{sentence(w)}</li>
            ))}
          </ul>
        </div>
      )}
      {v.ask.length > 0 && (
        <div>
          <h4>Ask the plan administrator</h4>
          <ul className="questions">
            {v.ask.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function PlanSection(props: { plan: PlanReport; report: PlanCommandReport }): ReactNode {
  const p = props.plan;
  const person = props.report.people.find((x) => x.id === p.person);
  const employerLabel = p.type === 'solo-401k' ? 'Employer contribution' : 'Employer nonelective';
  return (
    <section className="plan card" aria-labelledby={`plan-${p.id}`}>
      <h3 id={`plan-${p.id}`}>
        {planTitle(p)}
        <span className="sub">
          {' '}
          — {person?.name ?? p.person}, plan “{p.id}”
        </span>
      </h3>
      <Verdict plan={p} />
      <PlanChart plan={p} person={person} />
      <FigureTable
        caption={`What goes into the ${PLAN_TYPE[p.type]}`}
        rows={[
          { figure: p.compensation, label: 'Compensation' },
          { figure: p.deferralPreTax, label: 'Pre-tax deferral' },
          { figure: p.deferralRoth, label: 'Roth deferral' },
          p.catchUp.cents > 0 && {
            figure: p.catchUp,
            label: `Catch-up${p.catchUpType === 'none' ? '' : ` (${CATCH_UP[p.catchUpType]})`}`,
            note: '(outside the 415(c) limit)',
          },
          { figure: p.match, label: 'Employer match' },
          { figure: p.nonelective, label: employerLabel },
          { figure: p.afterTaxRoom, label: 'After-tax room', strong: true },
          { figure: p.afterTax, label: 'After-tax planned' },
          { figure: p.total, label: 'Total into the plan', strong: true },
          { figure: p.annualAdditions, label: 'Counted against 415(c)' },
          p.otherPlansUnderLimit.cents > 0 && {
            figure: p.otherPlansUnderLimit,
            label: 'Used by other plans under the same limit',
          },
          { figure: p.limit415c, label: '415(c) limit', strong: true },
          person && { figure: person.deferralLimit, label: '402(g) limit (all your plans)' },
        ]}
      />
      {p.limitRule && <p className="rule">Which limit applies: {p.limitRule}.</p>}
      {p.selfEmployment && (
        <FigureTable
          caption="Self-employment income behind the plan"
          rows={[
            { figure: p.selfEmployment.netProfit, label: 'Net profit' },
            {
              figure: p.selfEmployment.netEarningsFromSelfEmployment,
              label: 'Net earnings from self-employment',
            },
            { figure: p.selfEmployment.seTax, label: 'Self-employment tax' },
            { figure: p.selfEmployment.halfSeTaxDeduction, label: 'Half of SE tax (deduction)' },
          ]}
        />
      )}
      {p.tradeOff && <TradeOffSection plan={p} />}
      {p.acpRisk && (
        <div>
          <FigureTable
            caption={`Nondiscrimination (ACP) test, expected NHCE rate ${p.acpRisk.expectedNhceAcp.toFixed(2)}%${p.acpRisk.safeHarbor ? ', safe harbor' : ''}`}
            rows={[
              { figure: p.acpRisk.likelyRefund, label: 'Likely refund of after-tax money' },
              {
                figure: p.acpRisk.maxAfterTaxWithoutRefund,
                label: 'Most after-tax money with no refund',
              },
            ]}
          />
          <p className="rule">{sentence(p.acpRisk.explanation)}</p>
        </div>
      )}
      {p.cashBalance && (
        <div>
          <FigureTable
            caption="Cash balance plan beside it"
            rows={[
              { figure: p.cashBalance.contribution, label: 'Cash balance contribution' },
              p.cashBalance.combinedLimit && {
                figure: p.cashBalance.combinedLimit,
                label: '404(a)(7) combined limit',
              },
              { figure: p.cashBalance.deductible, label: 'Deductible (DB + DC employer)' },
              { figure: p.cashBalance.nondeductible, label: 'Not deductible' },
            ]}
          />
          <p className="rule">{sentence(p.cashBalance.reason)}</p>
          {p.cashBalance.changes.length > 0 && (
            <ul>
              {p.cashBalance.changes.map((c) => (
                <li key={c}>{sentence(c)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function TradeOffSection(props: { plan: PlanReport }): ReactNode {
  const t = props.plan.tradeOff;
  if (!t) return null;
  const rows: [string, 'employerContribution' | 'afterTaxRoom' | 'total' | 'deduction'][] = [
    ['Employer contribution', 'employerContribution'],
    ['After-tax room', 'afterTaxRoom'],
    ['Total in', 'total'],
    ['Deduction this year', 'deduction'],
  ];
  return (
    <div className="tradeoff">
      <TableScroll label="Employer money or after-tax money">
        <table className="figures">
          <caption>Employer money or after-tax money: the trade-off in this plan</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="num">
                Most employer money
              </th>
              <th scope="col" className="num">
                No employer money
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, k]) => (
              <tr key={k}>
                <th scope="row">{label}</th>
                <td className="num">
                  <InlineFigure figure={t.maxEmployer[k]} />
                </td>
                <td className="num">
                  <InlineFigure figure={t.noEmployer[k]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="rule">{sentence(t.explanation)}.</p>
    </div>
  );
}

export function groupLabel(r: PlanCommandReport, g: LimitGroupReport): string {
  const who = r.people.length > 1 ? `${personName(r, g.person)}: ` : '';
  return `${who}${g.employers.join(' + ')}${g.kind === '403b-aggregation' ? ' (403(b) aggregation)' : ''}`;
}

export function LimitGroups(props: { report: PlanCommandReport }): ReactNode {
  const r = props.report;
  const label = (g: LimitGroupReport): string => groupLabel(r, g);
  return (
    <section className="card" aria-labelledby="limit-groups">
      <h3 id="limit-groups">Which plans share a 415(c) limit</h3>
      <p className="lead">
        Each bar is one 415(c) limit; the plans in it share the amount up to the black mark.
      </p>
      <LimitGroupsChart groups={r.limitGroups} plans={r.plans} rowLabel={label} />
      {r.limitGroups.map((g, i) => (
        <div key={`${g.kind}-${String(i)}`} className="group">
          <FigureTable
            caption={label(g)}
            rows={[
              ...g.plans.map((id) => {
                const p = r.plans.find((x) => x.id === id);
                return p && { figure: p.annualAdditions, label: planTitle(p) };
              }),
              { figure: g.used, label: 'Used', strong: true },
              { figure: g.dollarLimit, label: 'Dollar limit' },
              { figure: g.compensation, label: 'Compensation counted' },
              { figure: g.cap, label: 'Limit (the lower of the two)', strong: true },
            ]}
          />
          <p className="rule">{sentence(g.why)}.</p>
        </div>
      ))}
    </section>
  );
}

const TRADE_OFFS = ['employerVsAfterTax', 'preTaxVsRoth', 'fullVsRothLite'] as const;

const STRATEGY_ORDER = ['fullMbr', 'rothLite', 'preTax', 'taxable'] as const;

export function WorthSection(props: { worth: WorthReport }): ReactNode {
  const w = props.worth;
  const rows = STRATEGY_ORDER.map((id) => ({
    label:
      id === 'preTax' && w.preTaxRoom.cents === 0
        ? 'Pre-tax instead (no 402(g) room left: taxable)'
        : w.atRetirement[id].label,
    figure: w.atRetirement[id],
  }));
  return (
    <section className="card" aria-labelledby="worth">
      <h3 id="worth">What it grows into</h3>
      <p className="lead">
        {usd(w.contribution)} of after-tax money a year for {String(w.years)} years at{' '}
        {pct(w.expectedReturn)} a year, after tax at retirement (marginal rate now{' '}
        {pct(w.currentRate)}, in retirement {pct(w.retirementRate)}).
      </p>
      <WorthChart rows={rows} />
      <FigureTable
        caption="After-tax wealth at retirement"
        columns={['Strategy', 'At retirement']}
        rows={rows.map((r) => ({ figure: r.figure, label: r.label }))}
      />
      <FigureTable
        caption="Assumptions and this year’s tax"
        rows={[
          { figure: w.contribution },
          { figure: w.expectedReturn },
          { figure: w.currentRate },
          { figure: w.retirementRate },
          w.tradeOffs.employerVsAfterTax.breakEvenRetirementRate && {
            figure: w.tradeOffs.employerVsAfterTax.breakEvenRetirementRate,
          },
          w.tradeOffs.preTaxVsRoth.breakEvenRetirementRate && {
            figure: w.tradeOffs.preTaxVsRoth.breakEvenRetirementRate,
          },
          ...w.deductions.flatMap((d) => [{ figure: d.amount }, { figure: d.saved }]),
        ]}
      />
      <h4>Trade-offs</h4>
      <ul className="tradeoffs">
        {TRADE_OFFS.map((id) => (
          <li key={id}>
            <strong>{sentence(w.tradeOffs[id].compares)}:</strong> {w.tradeOffs[id].summary}
          </li>
        ))}
      </ul>
      <AssumptionsList assumptions={w.assumptions} />
    </section>
  );
}

const SEVERITY = {
  error: 'Error',
  warning: 'Warning',
  question: 'Question',
  info: 'Note',
} as const;

export function Findings(props: { report: { readonly findings: readonly Finding[] } }): ReactNode {
  const f = props.report.findings;
  if (f.length === 0) return null;
  return (
    <section className="card" aria-labelledby="findings">
      <h3 id="findings">Findings</h3>
      <ul className="findings">
        {f.map((x, i) => (
          <li key={i} className={`finding-${x.severity}`}>
            <strong>{SEVERITY[x.severity]}:</strong> {x.message}
            {x.fix && (
              <>
                {/[.?!]$/.test(x.message) ? '' : '.'}{' '}
                {x.severity === 'question' ? 'Until then:' : 'Fix:'} {x.fix}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The whole report. */
export function ReportView(props: { report: PlanCommandReport; stale: boolean }): ReactNode {
  const r = props.report;
  return (
    <FigureIndexProvider report={r}>
      <div className={props.stale ? 'report stale' : 'report'} aria-busy={false}>
        <header className="report-head">
          <h2 id="answer">The answer</h2>
          <p className="lead">
            Tax year {String(r.taxYear)}, {FILING_STATUS[r.filingStatus].toLowerCase()}
            {r.name ? ` — ${r.name}` : ''}. Select any amount to see how it was found.
          </p>
        </header>
        <AtAGlance report={r} />
        {r.people.map((p) => (
          <section key={p.id} className="card person" aria-label={`${p.name}'s plans`}>
            <PersonSection person={p} />
          </section>
        ))}
        {r.plans.map((p) => (
          <PlanSection key={p.id} plan={p} report={r} />
        ))}
        {r.limitGroups.length > 0 && <LimitGroups report={r} />}
        <RothSectionsView report={r} />
        {r.worth && <WorthSection worth={r.worth} />}
        <Findings report={r} />
      </div>
    </FigureIndexProvider>
  );
}
