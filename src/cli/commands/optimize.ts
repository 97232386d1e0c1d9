/**
 * `megaroth optimize [FILE]`: the split of a yearly budget across pre-tax and Roth deferrals,
 * employer or after-tax money in a solo plan, after-tax room and a taxable account that ends
 * with the most after-tax wealth; without FILE, the built-in physician example.
 */
import type { Figure } from '../../engine/explain.js';
import { formatUsd } from '../../engine/money.js';
import { physicianOptimizer } from '../../engine/project/examples.js';
import { withGiven } from '../../engine/project/explained.js';
import { FLIP_SCAN_MAX_RATE } from '../../engine/project/optimizer.js';
import { STRATEGIES, STRATEGY_LABELS } from '../../engine/project/strategies.js';
import { optimizeReport, type OptimizeReport } from '../../engine/report/optimize.js';
import { householdLine, optimizerInputFrom } from '../growth-input.js';
import { parseMoneyOption } from '../options.js';
import { renderFindings } from '../render/findings.js';
import { printReport, withReportOptions, type ReportOutputOptions } from '../report-output.js';
import { renderPairs, renderTable } from '../table.js';
import type { Register } from './index.js';
import { InputError } from '../../engine/errors.js';
import {
  anyAssumptionFlag,
  assumptionsFromFlags,
  withAssumptionOptions,
  type AssumptionOptions,
} from '../assumption-options.js';
import { assumptionsText } from '../render/assumptions.js';

interface OptimizeOptions extends ReportOutputOptions, AssumptionOptions {
  readonly budget?: string;
}

const usd = (f: Figure): string => formatUsd(f.cents, { wholeDollars: true });
const pct = (x: number, digits = 2): string => `${(x * 100).toFixed(digits)}%`;

function renderOptimize(r: OptimizeReport): string {
  const a = r.assumptions;
  const out: string[] = [];
  out.push(
    householdLine(r.household) +
      `Budget ${usd(r.budget)} of take-home pay a year for ${String(a.years)} years; marginal rate now ${pct(a.currentRate.rate)}, ` +
      `in retirement ${pct(a.retirementRate.rate)}; return ${pct(a.expectedReturn.rate)}.\n\n`,
  );
  out.push(
    renderTable(
      [
        { header: 'Plan' },
        { header: 'Pre-tax', align: 'right' },
        { header: 'Roth', align: 'right' },
        { header: 'Match', align: 'right' },
        { header: 'Employer', align: 'right' },
        { header: 'After-tax', align: 'right' },
      ],
      r.plans.map((p) => [
        p.plan,
        usd(p.preTax),
        usd(p.roth),
        usd(p.match),
        usd(p.employer),
        usd(p.afterTax),
      ]),
    ),
  );
  out.push('\n');
  out.push(
    renderPairs([
      ['Taxable account', usd(r.taxable)],
      ['Take-home pay used', usd(r.budgetUsed)],
      ['After-tax wealth at the end (nominal)', usd(r.endWealth)],
      ...STRATEGIES.map((s): [string, string] => [
        `  vs fixed ${STRATEGY_LABELS[s]}`,
        usd(r.fixedStrategies[s]),
      ]),
    ]),
  );
  out.push('\nEach choice against the next best (end wealth lost without it):\n');
  out.push(
    renderTable(
      [
        { header: 'Choice' },
        { header: 'Amount', align: 'right' },
        { header: 'Worth', align: 'right' },
      ],
      r.choices.map((c) => [c.label, usd(c.amount), usd(c.valueOverNextBest)]),
    ),
  );
  if (r.flips.length) {
    out.push('\nThe decision flips at these retirement rates:\n');
    for (const f of r.flips) {
      const parts = [
        f.stops.length ? `stop ${f.stops.join(', ')}` : '',
        f.starts.length ? `start ${f.starts.join(', ')}` : '',
      ].filter(Boolean);
      out.push(`  ${pct(f.retirementRate.rate)}: ${parts.join('; ')}\n`);
    }
  } else {
    out.push(
      `\nThe decision is the same for every retirement rate from 0% to ${pct(FLIP_SCAN_MAX_RATE, 0)}.\n`,
    );
  }
  out.push(renderFindings(r.findings));
  return out.join('');
}

export const register: Register = (program, io) => {
  withAssumptionOptions(
    withReportOptions(
      program
        .command('optimize')
        .summary('The best split of a yearly budget across pre-tax, Roth, after-tax and taxable')
        .description(
          'Chooses pre-tax vs Roth deferrals, employer vs after-tax money in a solo plan, how much ' +
            "goes into each plan's after-tax room and what overflows to a taxable account, to end " +
            'with the most after-tax wealth. Without FILE: the built-in physician example.',
        )
        .argument(
          '[file]',
          'a household scenario (see megaroth schema; budget: what it plans to save) or optimizer inputs (YAML or JSON): budget, people, plans, assumptions; see docs/growth.md',
        )
        .option('--budget <N>', 'take-home dollars to save each year (overrides the file)'),
    ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  megaroth optimize\n  megaroth optimize --budget 30000 --json\n  megaroth optimize examples/married-couple.yaml --explain',
    )
    .action((file: string | undefined, opts: OptimizeOptions) => {
      const assumptions = assumptionsFromFlags(opts);
      let input = file
        ? optimizerInputFrom(io, file, assumptions)
        : physicianOptimizer(assumptions);
      if (input.household === null && anyAssumptionFlag(opts)) {
        throw new InputError([
          {
            path: '--state-rate, --return, …',
            message:
              'the assumption flags apply to a household scenario; optimizer inputs give their assumptions in the file',
          },
        ]);
      }
      if (opts.budget !== undefined) {
        input = withGiven(input, 'budget', parseMoneyOption('--budget', opts.budget), '--budget');
      }
      printReport(io, optimizeReport(input), opts, (r) =>
        opts.explain
          ? renderOptimize(r) + assumptionsText(r.household?.assumptions)
          : renderOptimize(r),
      );
    });
};
