/** Renders the household report as text for `megaroth plan`. */
import type { Figure } from '../../engine/explain.js';
import type {
  HouseholdReport,
  LimitGroupReport,
  PlanReport,
} from '../../engine/household/report.js';
import type { Finding } from '../../engine/report/model.js';
import { formatUsd } from '../../engine/money.js';
import type { PlanCommandReport, WorthReport } from '../../engine/report/plan.js';
import type { TradeOffSection, TradeOffsSection } from '../../engine/report/trade-offs.js';
import { indent, wrap } from '../text.js';
import { renderPairs, renderTable } from '../table.js';
import { renderRothSections } from './plan-roth.js';

const STATUS: Record<HouseholdReport['filingStatus'], string> = {
  single: 'single',
  mfj: 'married filing jointly',
  mfs: 'married filing separately',
  hoh: 'head of household',
  qss: 'qualifying surviving spouse',
};

const TYPE: Record<PlanReport['type'], string> = {
  '401k': '401(k)',
  '403b': '403(b)',
  '457b': '457(b)',
  'solo-401k': 'solo 401(k)',
};

const VERDICT: Record<PlanReport['verdict']['kind'], string> = {
  full: 'FULL Mega Backdoor Roth',
  'roth-lite': 'ROTH-LITE (after-tax, Roth only at separation)',
  none: 'NONE',
  'no-room': 'NO ROOM this year',
};

/** A 457(b) plan: deferrals and catch-up under its own limit, no employer or after-tax money. */
function section457(r: PlanReport): string {
  const money = (f: Figure): string => formatUsd(f.cents);
  const kind = r.governmental ? 'governmental' : 'non-governmental (tax-exempt employer)';
  const lines = [
    `${r.id} — ${kind} ${TYPE[r.type]} at ${r.employer} (${r.person})`,
    indent(
      renderPairs([
        ['Compensation', money(r.compensation)],
        ['Pre-tax deferral', money(r.deferralPreTax)],
        ['Roth deferral', money(r.deferralRoth)],
        [`Catch-up${r.catchUpType === 'none' ? '' : ` (${r.catchUpType})`}`, money(r.catchUp)],
        ['Total into the plan', money(r.total)],
      ]),
    ).trimEnd(),
    wrap(r.limitRule, '  457(b): ', '          '),
    wrap(r.verdict.reason, `  Mega Backdoor: ${VERDICT[r.verdict.kind]} — `, '    '),
  ];
  for (const w of r.verdict.warnings) lines.push(wrap(w, '    ! ', '      '));
  for (const a of r.verdict.ask) lines.push(wrap(a, '    ? ', '      '));
  return lines.join('\n');
}

function planSection(r: PlanReport): string {
  if (r.type === '457b') return section457(r);
  const money = (f: Figure): string => formatUsd(f.cents);
  const pairs: [string, string][] = [
    ['Compensation', money(r.compensation)],
    ['Pre-tax deferral', money(r.deferralPreTax)],
    ['Roth deferral', money(r.deferralRoth)],
    [`Catch-up${r.catchUpType === 'none' ? '' : ` (${r.catchUpType})`}`, money(r.catchUp)],
    ['Employer match', money(r.match)],
    [r.type === 'solo-401k' ? 'Employer contribution' : 'Nonelective', money(r.nonelective)],
    ['After-tax room', money(r.afterTaxRoom)],
    ['After-tax planned', money(r.afterTax)],
    ['Total into the plan', money(r.total)],
    ['415(c) limit', money(r.limit415c)],
  ];
  if (r.otherPlansUnderLimit.cents > 0) {
    pairs.push(['  used by other plans', money(r.otherPlansUnderLimit)]);
  }
  const lines = [
    `${r.id} — ${TYPE[r.type]} at ${r.employer} (${r.person})`,
    indent(renderPairs(pairs)).trimEnd(),
  ];
  if (r.selfEmployment) {
    const se = r.selfEmployment;
    lines.push(
      indent(
        renderPairs([
          ...(se.payroll
            ? ([
                ['Profit before household payroll', money(se.payroll.profitBeforePayroll)],
                ['  less their wages', money(se.payroll.wages)],
                [
                  '  less employer payroll tax',
                  formatUsd(
                    se.payroll.employerSocialSecurity.cents + se.payroll.employerMedicare.cents,
                  ),
                ],
                ['  less employer contributions', money(se.payroll.employerContributions)],
              ] as [string, string][])
            : []),
          ['Net profit', money(se.netProfit)],
          ['SE tax', money(se.seTax)],
          ['Half SE tax deduction', money(se.halfSeTaxDeduction)],
        ]),
      ).trimEnd(),
    );
  }
  lines.push(wrap(r.verdict.reason, `  Mega Backdoor: ${VERDICT[r.verdict.kind]} — `, '    '));
  for (const w of r.verdict.warnings) lines.push(wrap(w, '    ! ', '      '));
  for (const a of r.verdict.ask) lines.push(wrap(a, '    ? ', '      '));
  if (r.acpRisk) {
    lines.push(
      indent(
        renderPairs([
          [
            `ACP: likely refund (NHCE ACP ${r.acpRisk.expectedNhceAcp.toFixed(2)}%)`,
            money(r.acpRisk.likelyRefund),
          ],
          ['ACP: most after-tax with no refund', money(r.acpRisk.maxAfterTaxWithoutRefund)],
        ]),
      ).trimEnd(),
      wrap(`assumed ${r.acpRisk.assumption}`, '  ACP: ', '    '),
    );
  }
  if (r.cashBalance) {
    const cb = r.cashBalance;
    const pairs: [string, string][] = [['Cash balance contribution', money(cb.contribution)]];
    if (cb.combinedLimit) pairs.push(['404(a)(7) combined limit', money(cb.combinedLimit)]);
    pairs.push(['Deductible (DB + DC employer)', money(cb.deductible)]);
    pairs.push(['Not deductible', money(cb.nondeductible)]);
    if (cb.excise.cents > 0) pairs.push(['  excise tax on it (IRC 4972)', money(cb.excise)]);
    lines.push('  Cash balance plan beside it:');
    lines.push(indent(renderPairs(pairs), '    ').trimEnd());
    lines.push(wrap(cb.reason, '    ', '    '));
    for (const c of cb.changes) lines.push(wrap(c, '    - ', '      '));
  }
  if (r.tradeOff) {
    const t = r.tradeOff;
    lines.push('  Trade-off in this plan:');
    lines.push(
      indent(
        renderPairs([
          ['', 'max employer   no employer'],
          [
            'Employer contribution',
            `${money(t.maxEmployer.employerContribution).padStart(12)}  ${money(t.noEmployer.employerContribution).padStart(12)}`,
          ],
          [
            'After-tax room',
            `${money(t.maxEmployer.afterTaxRoom).padStart(12)}  ${money(t.noEmployer.afterTaxRoom).padStart(12)}`,
          ],
          [
            'Total in',
            `${money(t.maxEmployer.total).padStart(12)}  ${money(t.noEmployer.total).padStart(12)}`,
          ],
          [
            'Deduction',
            `${money(t.maxEmployer.deduction).padStart(12)}  ${money(t.noEmployer.deduction).padStart(12)}`,
          ],
        ]),
        '    ',
      ).trimEnd(),
    );
    lines.push(wrap(t.explanation, '    ', '    '));
  }
  return lines.join('\n');
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** The trade-offs, each labelled with what it compares (shared with `compare`). */
export function tradeOffLines(t: TradeOffsSection, lead: string): string[] {
  const rows: [string, TradeOffSection][] = [
    ['Employer contribution vs after-tax money (same total in the plan)', t.employerVsAfterTax],
    ['Pre-tax vs Roth (same take-home budget)', t.preTaxVsRoth],
    ['Full Mega Backdoor vs Roth-lite', t.fullVsRothLite],
  ];
  return rows.map(([what, x]) => wrap(`${what}: ${x.summary}`, `${lead}- `, `${lead}  `));
}

/** The "what it's worth" section: the year's after-tax money, every year to retirement. */
function worthSection(w: WorthReport): string[] {
  const usd0 = (f: Figure): string => formatUsd(f.cents, { wholeDollars: true });
  const row = (label: string, id: keyof WorthReport['atRetirement']): string[] => [
    label,
    usd0(w.atRetirement[id]),
    usd0(w.atEnd[id]),
  ];
  const lines = [
    '',
    "What it's worth",
    wrap(
      `${formatUsd(w.contribution.cents)} of after-tax money a year for ${String(w.contributionYears)} year${w.contributionYears === 1 ? '' : 's'}${w.separationYear === null ? '' : ` (to the job's end in ${String(w.separationYear)}; retirement in ${String(w.years)} years)`} at ${pct(w.expectedReturn.rate)}, after tax (marginal rate now ${pct(w.currentRate.rate)}, in retirement ${pct(w.retirementRate.rate)}; withdrawals over ${String(w.withdrawalYears)} year${w.withdrawalYears === 1 ? '' : 's'}):`,
      '  ',
      '  ',
    ),
    indent(
      renderTable(
        [
          { header: '' },
          { header: 'At retirement', align: 'right' },
          { header: 'At the end', align: 'right' },
        ],
        [
          row('Full Mega Backdoor (converted at once)', 'fullMbr'),
          row('Roth-lite (converted at separation)', 'rothLite'),
          row(
            w.preTaxRoom.cents === 0
              ? 'Pre-tax instead (no 402(g) room left: taxable)'
              : 'Pre-tax instead, tax saved invested',
            'preTax',
          ),
          row('Taxable brokerage account', 'taxable'),
        ],
      ),
      '    ',
    ).trimEnd(),
  ];
  const names: Record<string, string> = {
    preTaxDeferrals: 'pre-tax deferrals',
    employerContribution: 'employer contribution (owner)',
    halfSeTax: 'half of SE tax',
  };
  if (w.deductions.length > 0) {
    lines.push(
      wrap(
        `This year's deductions save (federal + state + NIIT): ${w.deductions.map((d) => `${names[d.key] ?? d.key} ${formatUsd(d.amount.cents)} saves ${formatUsd(d.saved.cents)}`).join('; ')}.`,
        '  ',
        '  ',
      ),
    );
  }
  lines.push("  Trade-offs (after-tax wealth at the plan's end):");
  lines.push(...tradeOffLines(w.tradeOffs, '    '));
  lines.push(
    wrap(
      'Assumptions and their sources: --explain; Monte Carlo: megaroth compare FILE.',
      '  ',
      '  ',
    ),
  );
  return lines;
}

const ORDER: Readonly<Record<Finding['severity'], number>> = {
  error: 0,
  warning: 1,
  question: 2,
  info: 3,
};

/** The findings, errors first, then warnings, questions and notes (a blank line before). */
function findingLines(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [];
  const out = ['', 'Findings'];
  for (const f of [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity])) {
    out.push(wrap(`${f.path}: ${f.message}`, `  ${f.severity.toUpperCase()} `, '    '));
    if (f.fix) out.push(wrap(f.fix, '    fix: ', '      '));
  }
  return out;
}

/** One 415(c) limit of a person, once, with the plans under it and why they share it. */
function limitGroupLine(g: LimitGroupReport): string {
  const head = `415(c) limit ${formatUsd(g.cap.cents)} over ${g.plans.join(', ')} (used ${formatUsd(g.used.cents)}): `;
  return wrap(`${head}${g.why}`, '  ', '    ');
}

/** The full text report. */
export function renderPlanReport(r: PlanCommandReport): string {
  const out: string[] = [];
  out.push(
    `megaroth plan — tax year ${String(r.taxYear)}, ${STATUS[r.filingStatus]}${r.name ? ` — ${r.name}` : ''}`,
  );
  out.push(...findingLines(r.findings));
  for (const p of r.people) {
    out.push('');
    out.push(
      `${p.name} (age ${String(p.age)} at December 31)${p.likelyHce ? ' — likely an HCE' : ''}`,
    );
    out.push(
      indent(
        renderPairs([
          ['402(g) deferral limit', formatUsd(p.deferralLimit.cents)],
          ['Deferrals used, all plans', formatUsd(p.deferralsUsed.cents)],
          ['Deferral room left', formatUsd(p.deferralRoomLeft.cents)],
          ['Catch-up limit', formatUsd(p.catchUpLimit.cents)],
          ['Catch-up used', formatUsd(p.catchUpUsed.cents)],
          ...(p.deferrals457
            ? ([
                ['457(b) deferral limit (its own)', formatUsd(p.deferrals457.limit.cents)],
                ['457(b) deferrals used', formatUsd(p.deferrals457.used.cents)],
                ['457(b) catch-up limit', formatUsd(p.deferrals457.catchUpLimit.cents)],
                ['457(b) catch-up used', formatUsd(p.deferrals457.catchUpUsed.cents)],
              ] as [string, string][])
            : []),
        ]),
      ).trimEnd(),
    );
    for (const plan of r.plans.filter((x) => x.person === p.id)) {
      out.push('');
      out.push(indent(planSection(plan)));
    }
    const groups = r.limitGroups.filter((g) => g.person === p.id);
    if (groups.length > 0) out.push('', ...groups.map(limitGroupLine));
  }
  if (r.worth) out.push(...worthSection(r.worth));
  out.push(...renderRothSections(r));
  return `${out.join('\n')}\n`;
}
