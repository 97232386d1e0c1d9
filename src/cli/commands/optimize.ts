/**
 * `megaroth optimize [FILE]`: the split of a yearly budget across pre-tax and Roth deferrals,
 * employer or after-tax money in a solo plan, after-tax room and a taxable account that ends
 * with the most after-tax wealth; without FILE, the built-in physician example.
 */
import { formatUsd, toDollars, type Cents } from '../../engine/money.js';
import {
  STRATEGIES,
  STRATEGY_LABELS,
  optimizeSplit,
  physicianOptimizer,
  type OptimizerInput,
  type OptimizerResult,
} from '../../engine/project/index.js';
import { optimizerInputFrom } from '../growth-input.js';
import { printJson } from '../io.js';
import { parseMoneyOption } from '../options.js';
import { renderPairs, renderTable } from '../table.js';
import type { Register } from './index.js';

interface OptimizeOptions {
  budget?: string;
  json?: boolean;
}

const usd = (c: Cents): string => formatUsd(c, { wholeDollars: true });
const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

function toJson(input: OptimizerInput, r: OptimizerResult): unknown {
  const d = toDollars;
  return {
    budget: d(input.budget),
    assumptions: input.assumptions,
    plans: r.plans.map((p) => ({
      plan: p.plan,
      preTax: d(p.preTax),
      roth: d(p.roth),
      match: d(p.match),
      afterTax: d(p.afterTax),
      employer: d(p.employer),
    })),
    taxable: d(r.taxable),
    budgetUsed: d(r.budgetUsed),
    endWealth: d(r.endWealth),
    fixedStrategies: Object.fromEntries(STRATEGIES.map((s) => [s, d(r.fixed[s])])),
    choices: r.choices.map((c) => ({
      ...c,
      amount: d(c.amount),
      valueOverNextBest: d(c.valueOverNextBest),
    })),
    flips: r.flips,
    endWealthPerDollarAYear: r.perTakeHomeDollar,
  };
}

function printText(
  out: (t: string) => void,
  input: OptimizerInput,
  r: OptimizerResult,
  example: boolean,
): void {
  const a = input.assumptions;
  out(
    (example
      ? 'Built-in example: physician, hospital 403(b) + solo 401(k) with in-plan conversion.\n'
      : '') +
      `Budget ${usd(input.budget)} of take-home pay a year for ${String(a.years)} years; marginal rate now ${pct(a.currentRate)}, ` +
      `in retirement ${pct(a.retirementRate)}; return ${pct(a.expectedReturn)}.\n\n`,
  );
  out(
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
  out('\n');
  out(
    renderPairs([
      ['Taxable account', usd(r.taxable)],
      ['Take-home pay used', usd(r.budgetUsed)],
      ['After-tax wealth at the end (nominal)', usd(r.endWealth)],
      ...STRATEGIES.map((s): [string, string] => [
        `  vs fixed ${STRATEGY_LABELS[s]}`,
        usd(r.fixed[s]),
      ]),
    ]),
  );
  out('\nEach choice against the next best (end wealth lost without it):\n');
  out(
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
    out('\nThe decision flips at these retirement rates:\n');
    for (const f of r.flips) {
      const below = f.below.split(', ');
      const above = f.above.split(', ');
      const stops = below.filter((k) => !above.includes(k));
      const starts = above.filter((k) => !below.includes(k));
      out(
        `  ${pct(f.retirementRate)}: ${stops.length ? `stop ${stops.join(', ')}` : ''}` +
          `${stops.length && starts.length ? '; ' : ''}${starts.length ? `start ${starts.join(', ')}` : ''}\n`,
      );
    }
  } else {
    out('\nThe decision is the same for every retirement rate from 0% to 60%.\n');
  }
}

export const register: Register = (program, io) => {
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
    .option('--budget <N>', 'take-home dollars to save each year (overrides the file)')
    .option('--json', 'print JSON (dollars with cents)')
    .addHelpText(
      'after',
      '\nExamples:\n  megaroth optimize\n  megaroth optimize --budget 30000 --json',
    )
    .action((file: string | undefined, opts: OptimizeOptions) => {
      let input = file ? optimizerInputFrom(io, file) : physicianOptimizer();
      if (opts.budget !== undefined)
        input = { ...input, budget: parseMoneyOption('--budget', opts.budget) };
      const r = optimizeSplit(input);
      if (opts.json) printJson(io, toJson(input, r));
      else printText(io.out, input, r, file === undefined);
    });
};
