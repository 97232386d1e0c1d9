/**
 * `megaroth compare [FILE]`: the four strategies for the same yearly budget — full Mega
 * Backdoor, Roth-lite, pre-tax with the tax saved invested, taxable brokerage — projected
 * deterministically and by Monte Carlo; without FILE, the built-in physician example.
 */
import type { Figure } from '../../engine/explain.js';
import { formatUsd, type Cents } from '../../engine/money.js';
import { physicianProjection } from '../../engine/project/examples.js';
import { withGiven, withYears } from '../../engine/project/explained.js';
import { InputError } from '../../engine/errors.js';
import type { Explained } from '../../engine/project/explained.js';
import { MAX_PATHS, MAX_YEARS, type ProjectionInputs } from '../../engine/project/inputs.js';
import {
  assumptionsFromFlags,
  givenByFlags,
  withAssumptionOptions,
  type AssumptionOptions,
} from '../assumption-options.js';
import { ASSUMPTION_FLAGS, withFlags } from '../flags.js';
import { assumptionsText } from '../render/assumptions.js';
import { tradeOffLines } from '../render/plan-report.js';
import { MAX_SEED } from '../../engine/project/prng.js';
import { STRATEGIES, STRATEGY_LABELS, STRATEGY_SHORT } from '../../engine/project/strategies.js';
import { compareReport, type CompareReport } from '../../engine/report/compare.js';
import { householdLine, projectionInputsFrom } from '../growth-input.js';
import { parseIntOption } from '../options.js';
import { progressBar } from '../progress.js';
import { renderFindings } from '../render/findings.js';
import { printReport, withReportOptions, type ReportOutputOptions } from '../report-output.js';
import { renderPairs, renderTable } from '../table.js';
import type { Register } from './index.js';

interface CompareOptions extends ReportOutputOptions, AssumptionOptions {
  readonly years?: string;
  readonly paths: string;
  readonly seed: string;
  readonly csv?: boolean;
}

/** Default number of Monte Carlo paths. */
const DEFAULT_PATHS = 10_000;

const pct = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;

function toCsv(r: CompareReport): string {
  const cols = [
    'roth',
    'preTax',
    'afterTax',
    'taxable',
    'received',
    'wealth',
    'p10',
    'p50',
    'p90',
  ] as const;
  const lines = [`year,phase,strategy,${cols.join(',')}`];
  for (const y of r.years) {
    for (const s of STRATEGIES) {
      const a = y.strategies[s];
      const f = (c: Cents): string => (c / 100).toFixed(2);
      lines.push([String(y.year), y.phase, s, ...cols.map((c) => f(a[c].cents))].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

const usd = (f: Figure): string => formatUsd(f.cents, { wholeDollars: true });

function renderCompare(r: CompareReport): string {
  const i = r.inputs;
  const out: string[] = [];
  out.push(
    householdLine(r.household) +
      `${usd(i.contribution)} a year for ${String(i.contributionYears)} years` +
      (i.separationYears < i.years
        ? ` (to separation; retirement after ${String(i.years)} years)`
        : '') +
      `, then withdrawals over ${String(i.withdrawalYears)} years; ` +
      `return ${pct(i.expectedReturn.rate)} (volatility ${pct(i.volatility.rate)}), inflation ${pct(i.inflation.rate)}.\n` +
      `Marginal rate now ${pct(i.currentRate.rate)}, in retirement ${pct(i.retirementRate.rate)}, capital gains ${pct(i.capitalGainsRate.rate)}, ` +
      `dividend yield ${pct(i.dividendYield.rate)}; pre-tax room ${usd(i.preTaxRoom)} a year.\n\n`,
  );
  out.push(
    renderTable(
      [
        { header: 'Strategy' },
        { header: 'At retirement', align: 'right' },
        { header: 'At end', align: 'right' },
        { header: "At end, today's $", align: 'right' },
        { header: 'MC 10th', align: 'right' },
        { header: 'MC median', align: 'right' },
        { header: 'MC 90th', align: 'right' },
      ],
      r.strategies.map((s) => [
        s.label,
        usd(s.atRetirement),
        usd(s.atEnd),
        usd(s.atEndToday),
        usd(s.monteCarloEnd.p10),
        usd(s.monteCarloEnd.p50),
        usd(s.monteCarloEnd.p90),
      ]),
    ),
  );
  out.push('\nAfter-tax wealth: money received so far plus what is left after tax if sold.\n\n');
  const sep = r.rothLiteSeparation;
  const beats = r.monteCarlo.probabilityFullMbrBeats;
  out.push(
    renderPairs([
      ['Roth-lite at separation: basis to a Roth IRA', usd(sep.toRothIra)],
      ['  earnings to a traditional IRA', usd(sep.toTraditionalIra)],
      ['  tax on those earnings at the retirement rate', usd(sep.taxOnEarnings)],
      ['Full MBR: moves to Roth at once; tax on gains', formatUsd(0, { wholeDollars: true })],
      [
        `Full MBR ends ahead of Roth-lite / pre-tax / taxable (${String(r.monteCarlo.paths)} paths, seed ${String(r.monteCarlo.seed)})`,
        `${pct(beats.rothLite.rate)} / ${pct(beats.preTax.rate)} / ${pct(beats.taxable.rate)}`,
      ],
    ]),
  );
  out.push("\nTrade-offs (after-tax wealth at the plan's end):\n");
  out.push(`${tradeOffLines(r.tradeOffs, '  ').join('\n')}\n`);
  out.push('\nMonte Carlo after-tax wealth by year (10th / median / 90th percentile):\n');
  const last = r.years.length - 1;
  const shown = r.years.filter((y, k) => y.year % 5 === 0 || k === last || y.year === i.years);
  // thousands of dollars, rounded
  const k = (f: Figure): string => `${String(Math.round(f.cents / 100_000))}k`;
  out.push(
    renderTable(
      [
        { header: 'Year', align: 'right' },
        ...STRATEGIES.map((s) => ({ header: STRATEGY_SHORT[s], align: 'right' as const })),
      ],
      shown.map((y) => [
        `${String(y.year)}${y.year === i.years ? ' (ret.)' : ''}`,
        ...STRATEGIES.map((s) => {
          const q = y.strategies[s];
          return `${k(q.p10)} / ${k(q.p50)} / ${k(q.p90)}`;
        }),
      ]),
    ),
  );
  out.push(renderFindings(r.findings));
  return out.join('');
}

/**
 * Projection inputs given as a file (not a household): `--return` and `--volatility` replace
 * the file's; the other assumption flags need a household (the file gives the rates).
 */
function projectionFlags(
  inputs: Explained<ProjectionInputs>,
  opts: CompareOptions,
): Explained<ProjectionInputs> {
  const given = withFlags(ASSUMPTION_FLAGS, () => givenByFlags(opts));
  const other = Object.keys(given).find((k) => k !== 'expectedReturn' && k !== 'volatility');
  if (other !== undefined) {
    throw new InputError([
      {
        path: ASSUMPTION_FLAGS[`assumptions.${other}`] ?? other,
        message:
          'applies to a household scenario; projection inputs give their rates directly (currentRate, retirementRate, capitalGainsRate, …)',
      },
    ]);
  }
  let out = inputs;
  if (given.expectedReturn !== undefined) {
    out = withGiven(out, 'expectedReturn', given.expectedReturn, '--return');
  }
  if (given.volatility !== undefined) {
    out = withGiven(out, 'volatility', given.volatility, '--volatility');
  }
  return out;
}

export const register: Register = (program, io) => {
  withAssumptionOptions(
    withReportOptions(
      program
        .command('compare')
        .summary('Full MBR vs Roth-lite vs pre-tax vs taxable, deterministic and Monte Carlo')
        .description(
          `Projects the same yearly budget four ways — ${STRATEGIES.map((s) => STRATEGY_LABELS[s]).join(', ')} — ` +
            'through retirement and withdrawals, with Monte Carlo percentiles. Without FILE: the ' +
            'built-in physician example.',
        )
        .argument(
          '[file]',
          'a household scenario (see megaroth schema) or projection inputs (YAML or JSON); see docs/growth.md',
        )
        .option('--years <N>', `years to retirement (1-${String(MAX_YEARS)}), overrides the file`)
        .option('--paths <N>', `Monte Carlo paths (1-${String(MAX_PATHS)})`, String(DEFAULT_PATHS))
        .option('--seed <N>', `random seed, 0-${String(MAX_SEED)} (same seed, same numbers)`, '1'),
    ),
  )
    .option('--csv', 'print one CSV row per year and strategy')
    .addHelpText(
      'after',
      '\nExamples:\n  megaroth compare\n  megaroth compare examples/married-couple.yaml --explain\n  megaroth compare --return 5 --volatility 20 --json\n  megaroth compare examples/assumptions.yaml --state-rate 0',
    )
    .action((file: string | undefined, opts: CompareOptions) => {
      const assumptions = assumptionsFromFlags(opts);
      let inputs = file
        ? projectionInputsFrom(io, file, assumptions)
        : physicianProjection(assumptions);
      if (inputs.household === null) inputs = projectionFlags(inputs, opts);
      if (opts.years !== undefined) {
        inputs = withYears(inputs, parseIntOption('--years', opts.years, 1, MAX_YEARS));
      }
      const paths = parseIntOption('--paths', opts.paths, 1, MAX_PATHS);
      const seed = parseIntOption('--seed', opts.seed, 0, MAX_SEED);
      const bar = progressBar(io, 'Monte Carlo', !opts.json && !opts.csv);
      const report = compareReport(inputs, {
        paths,
        seed,
        onProgress: (d) => {
          bar.update(d);
        },
      });
      bar.finish();
      if (opts.csv && !opts.json) io.out(toCsv(report));
      else {
        printReport(io, report, opts, (r) =>
          opts.explain ? renderCompare(r) + assumptionsText(r.assumptions) : renderCompare(r),
        );
      }
    });
};
