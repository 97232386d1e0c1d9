/**
 * The plan report's Roth sections: the Roth IRA per person with IRA fields (phase-outs, the
 * deduction, the backdoor's Form 8606 and the roll-in fix) and "Roth money this year" per person
 * (each kind of Roth money with the tax it costs now, and the dated steps in order); and the
 * worth section's assumptions with where each value came from. Only the report's figures.
 */
import type { ReactNode } from 'react';
import type { AssumptionEntries, AssumptionKey } from '../../../src/engine/project/assumptions.js';
import type { RothIraPersonReport } from '../../../src/engine/report/plan-roth-ira.js';
import type { RothMoneyPerson } from '../../../src/engine/report/plan-roth-money.js';
import type { PlanCommandReport } from '../../../src/engine/report/plan.js';
import { usd } from '../format.js';
import { FigureTable, InlineFigure } from './explain.js';

const STATUS = { full: 'allowed in full', reduced: 'reduced', none: 'not allowed' } as const;

/** A wide table that scrolls sideways on a narrow screen instead of widening the page. */
export function TableScroll(props: { label: string; children: ReactNode }): ReactNode {
  return (
    <div className="table-scroll" role="region" aria-label={props.label} tabIndex={0}>
      {props.children}
    </div>
  );
}

function RothIraPerson(props: { p: RothIraPersonReport }): ReactNode {
  const p = props.p;
  const b = p.backdoor;
  const fix = b !== null && b.rollIn.cents > 0 && b.rollInSaves.cents > 0;
  return (
    <section className="card roth-ira" aria-labelledby={`roth-ira-${p.person}`}>
      <h3 id={`roth-ira-${p.person}`}>Roth IRA — {p.name}</h3>
      <FigureTable
        caption="Who may contribute"
        rows={[
          { figure: p.magi, label: `Modified AGI (${p.magiSource})` },
          { figure: p.contributionLimit },
          p.catchUp.cents > 0 && { figure: p.catchUp },
          {
            figure: p.roth.allowed,
            label: `Direct Roth IRA: ${STATUS[p.roth.status]}`,
            note: `(phase-out ${usd(p.roth.phaseOutStart)}–${usd(p.roth.phaseOutEnd)})`,
            strong: true,
          },
          p.roth.planned.cents > 0 && { figure: p.roth.planned },
          p.roth.excess.cents > 0 && { figure: p.roth.excess },
          p.roth.excess.cents > 0 && { figure: p.roth.excessTax },
          {
            figure: p.deduction.deductible,
            label: `Traditional IRA deduction: ${p.deduction.phaseOutStart ? STATUS[p.deduction.status] : 'no phase-out'}`,
          },
        ]}
      />
      <p className="rule">Phase-out range used: {p.roth.rule}.</p>
      {b && (
        <FigureTable
          caption="The backdoor: Form 8606"
          rows={[
            { figure: b.contribution },
            { figure: b.conversion },
            { figure: b.iraBalances },
            b.basis.cents > 0 && { figure: b.basis },
            { figure: b.yearEndValue },
            { figure: b.nontaxable },
            { figure: b.taxable, strong: true },
            { figure: b.taxNow },
            b.basisCarried.cents > 0 && { figure: b.basisCarried },
            fix && { figure: b.rollIn, label: `Roll into a plan by ${b.rollInBy}`, strong: true },
            fix && { figure: b.taxableWithRollIn },
            fix && { figure: b.taxNowWithRollIn },
            fix && { figure: b.rollInSaves, strong: true },
          ]}
        />
      )}
      {b && fix && (
        <p className="rule">
          Plans that can take the roll-in:{' '}
          {b.rollInPlans.length > 0
            ? b.rollInPlans
                .map(
                  (x) =>
                    `${x.plan} (${x.accepts === 'yes' ? 'accepts roll-ins' : 'ask the administrator'})`,
                )
                .join(', ')
            : 'none of this person’s plans in the scenario'}
          .
        </p>
      )}
      {p.rothLiteKnockOn && <p className="rule">Roth-lite: {p.rothLiteKnockOn.explanation}</p>}
    </section>
  );
}

function RothMoney(props: { p: RothMoneyPerson }): ReactNode {
  const p = props.p;
  return (
    <section className="card roth-money" aria-labelledby={`roth-money-${p.person}`}>
      <h3 id={`roth-money-${p.person}`}>Roth money this year — {p.name}</h3>
      <TableScroll label={`Roth money this year, ${p.name}`}>
        <table className="figures">
          <caption className="visually-hidden">
            Roth money this year and the tax it costs now
          </caption>
          <thead>
            <tr>
              <th scope="col">Roth money</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col" className="num">
                Tax now
              </th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((i) => (
              <tr key={i.amount.key}>
                <th scope="row">
                  {i.amount.label}
                  {i.plan && <span className="note"> ({i.plan})</span>}
                </th>
                <td className="num">
                  <InlineFigure figure={i.amount} />
                </td>
                <td className="num">
                  <InlineFigure figure={i.taxNow} />
                </td>
              </tr>
            ))}
            <tr className="strong">
              <th scope="row">Total</th>
              <td className="num">
                <InlineFigure figure={p.total} />
              </td>
              <td className="num">
                <InlineFigure figure={p.taxNow} />
              </td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
      {p.steps.length > 0 && (
        <>
          <h4>In this order</h4>
          <ol className="steps">
            {p.steps.map((s) => (
              <li key={s.order}>
                {s.action} — by <time dateTime={s.by}>{s.by}</time>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** Both Roth sections, only for the people the report has them for. */
export function RothSectionsView(props: { report: PlanCommandReport }): ReactNode {
  const r = props.report;
  return (
    <>
      {r.rothIra.map((p) => (
        <RothIraPerson key={p.person} p={p} />
      ))}
      {r.rothMoney.map((p) => (
        <RothMoney key={p.person} p={p} />
      ))}
    </>
  );
}

const SOURCE = { default: 'default', file: 'file', flag: 'flag' } as const;

/** The planning assumptions: value (a figure opens its explanation) and where it came from. */
export function AssumptionsList(props: { assumptions: AssumptionEntries }): ReactNode {
  const a = props.assumptions;
  const keys = Object.keys(a) as AssumptionKey[];
  return (
    <TableScroll label="Assumptions">
      <table className="figures assumptions">
        <caption>Assumptions (not tax rules) and where each came from</caption>
        <thead>
          <tr>
            <th scope="col">Assumption</th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => {
            const e = a[k];
            const v = e.value;
            return (
              <tr key={k}>
                <th scope="row">{e.label}</th>
                <td className="num">
                  {v === null ? (
                    <span className="note">not used</span>
                  ) : typeof v === 'boolean' ? (
                    v ? (
                      'yes'
                    ) : (
                      'no'
                    )
                  ) : typeof v === 'number' ? (
                    String(v)
                  ) : (
                    <InlineFigure figure={v} />
                  )}
                </td>
                <td title={e.why}>{SOURCE[e.source]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
