/** Renders the plan report's Roth IRA section and "Roth money this year" as text. */
import { formatUsd } from '../../engine/money.js';
import type { PlanCommandReport } from '../../engine/report/plan.js';
import { renderPairs, renderTable } from '../table.js';
import { indent, wrap } from '../text.js';

const STATUS = { full: 'allowed in full', reduced: 'reduced', none: 'not allowed' } as const;

/** The two sections' lines (none when the report has neither). */
export function renderRothSections(r: PlanCommandReport): string[] {
  const out: string[] = [];
  for (const p of r.rothIra) {
    const m = (c: { cents: number }): string => formatUsd(c.cents);
    out.push('', `Roth IRA — ${p.name}`);
    const pairs: [string, string][] = [
      [`Modified AGI (${p.magiSource})`, m(p.magi)],
      ['IRA contribution limit', m(p.contributionLimit)],
      [
        `Direct Roth IRA: ${STATUS[p.roth.status]} (${m(p.roth.phaseOutStart)}–${m(p.roth.phaseOutEnd)})`,
        m(p.roth.allowed),
      ],
      [
        `Traditional IRA deduction: ${p.deduction.phaseOutStart ? STATUS[p.deduction.status] : 'no phase-out'}`,
        m(p.deduction.deductible),
      ],
    ];
    if (p.roth.excess.cents > 0) pairs.push(['Excess Roth IRA contribution', m(p.roth.excess)]);
    const b = p.backdoor;
    if (b) {
      pairs.push(
        ['Backdoor: traditional IRA contribution', m(b.contribution)],
        ['Converted to Roth IRA', m(b.conversion)],
        ['IRAs on December 31 (Form 8606 line 6)', m(b.yearEndValue)],
        ['Taxable conversion (line 18)', m(b.taxable)],
        ['Tax on it now', m(b.taxNow)],
      );
      if (b.rollIn.cents > 0 && b.rollInSaves.cents > 0) {
        pairs.push(
          [`Roll into a plan by ${b.rollInBy}`, m(b.rollIn)],
          ['Taxable conversion after the roll-in', m(b.taxableWithRollIn)],
          ['Tax the roll-in saves', m(b.rollInSaves)],
        );
      }
    }
    out.push(indent(renderPairs(pairs)).trimEnd());
    if (b && b.rollIn.cents > 0 && b.rollInSaves.cents > 0) {
      const plans = b.rollInPlans.map(
        (x) => `${x.plan} (${x.accepts === 'yes' ? 'accepts roll-ins' : 'ask the administrator'})`,
      );
      out.push(
        wrap(
          plans.length > 0 ? plans.join(', ') : 'none of this person’s plans in the scenario',
          '  Plans that can take the roll-in: ',
          '    ',
        ),
      );
    }
    if (p.rothLiteKnockOn) out.push(wrap(p.rothLiteKnockOn.explanation, '  Roth-lite: ', '    '));
  }
  for (const p of r.rothMoney) {
    out.push('', `Roth money this year — ${p.name}`);
    const rows = p.items.map((i) => [
      i.amount.label + (i.plan ? ` (${i.plan})` : ''),
      formatUsd(i.amount.cents),
      formatUsd(i.taxNow.cents),
    ]);
    rows.push(['Total', formatUsd(p.total.cents), formatUsd(p.taxNow.cents)]);
    out.push(
      indent(
        renderTable(
          [
            { header: 'Roth money' },
            { header: 'Amount', align: 'right' },
            { header: 'Tax now', align: 'right' },
          ],
          rows,
        ),
      ).trimEnd(),
    );
    out.push('  In this order:');
    for (const s of p.steps)
      out.push(wrap(`${s.action} — by ${s.by}`, `  ${String(s.order)}. `, '     '));
  }
  return out;
}
