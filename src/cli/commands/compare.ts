/**
 * `megaroth compare [FILE]`: the four strategies for the same yearly budget — full Mega
 * Backdoor, Roth-lite, pre-tax with the tax saved invested, taxable brokerage — projected
 * deterministically and by Monte Carlo; without FILE, the built-in physician example.
 */
import { formatUsd, toDollars, type Cents } from '../../engine/money.js';
import {
  MAX_PATHS,
  MAX_RETURN,
  MAX_VOLATILITY,
  MAX_YEARS,
  MIN_RETURN,
  STRATEGIES,
  STRATEGY_LABELS,
  STRATEGY_SHORT,
  physicianProjection,
  projectStrategies,
  simulateStrategies,
  type MonteCarloResult,
  type Projection,
  type ProjectionInputs,
} from '../../engine/project/index.js';
import { projectionInputsFrom } from '../growth-input.js';
import { printJson } from '../io.js';
import { parseIntOption, parseNumberOption } from '../options.js';
import { progressBar } from '../progress.js';
import { renderPairs, renderTable } from '../table.js';
import type { Register } from './index.js';

interface CompareOptions {
  years?: string;
  paths: string;
  seed: string;
  return?: string;
  volatility?: string;
  json?: boolean;
  csv?: boolean;
}

const pct = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;

function inputsJson(i: ProjectionInputs): unknown {
  return {
    contribution: toDollars(i.contribution),
    preTaxRoom: toDollars(i.preTaxRoom),
    years: i.years,
    withdrawalYears: i.withdrawalYears,
    expectedReturn: i.expectedReturn,
    volatility: i.volatility,
    inflation: i.inflation,
    currentRate: i.currentRate,
    retirementRate: i.retirementRate,
    capitalGainsRate: i.capitalGainsRate,
    dividendYield: i.dividendYield,
  };
}

function toJson(i: ProjectionInputs, p: Projection, mc: MonteCarloResult): unknown {
  const d = (c: Cents): number => toDollars(c);
  return {
    inputs: inputsJson(i),
    strategies: STRATEGIES.map((s) => ({
      id: s,
      label: STRATEGY_LABELS[s],
      atRetirement: d(p.outcomes[s].atRetirement),
      atEnd: d(p.outcomes[s].atEnd),
      atEndToday: d(p.outcomes[s].atEndToday),
      monteCarloEnd: mcEnd(mc, s),
    })),
    rothLiteSeparation: {
      toRothIra: d(p.separation.toRothIra),
      toTraditionalIra: d(p.separation.toTraditionalIra),
      taxOnEarnings: d(p.separation.taxOnEarnings),
    },
    breakEvenRetirementRate: p.breakEvenRetirementRate,
    monteCarlo: {
      paths: mc.paths,
      seed: mc.seed,
      probabilityFullMbrBeats: mc.probabilityFullMbrBeats,
    },
    years: p.rows.map((r, y) => ({
      year: r.year,
      phase: r.phase,
      strategies: Object.fromEntries(
        STRATEGIES.map((s) => {
          const a = r.strategies[s];
          const q = mc.percentiles[s][y];
          return [
            s,
            {
              roth: d(a.roth),
              preTax: d(a.preTax),
              afterTax: d(a.afterTax),
              taxable: d(a.taxable),
              received: d(a.received),
              wealth: d(a.wealth),
              p10: d(q?.p10 ?? 0),
              p50: d(q?.p50 ?? 0),
              p90: d(q?.p90 ?? 0),
            },
          ];
        }),
      ),
    })),
  };
}

function mcEnd(mc: MonteCarloResult, s: (typeof STRATEGIES)[number]): unknown {
  const rows = mc.percentiles[s];
  const q = rows[rows.length - 1];
  return { p10: toDollars(q?.p10 ?? 0), p50: toDollars(q?.p50 ?? 0), p90: toDollars(q?.p90 ?? 0) };
}

function toCsv(p: Projection, mc: MonteCarloResult): string {
  const lines = ['year,phase,strategy,roth,preTax,afterTax,taxable,received,wealth,p10,p50,p90'];
  p.rows.forEach((r, y) => {
    for (const s of STRATEGIES) {
      const a = r.strategies[s];
      const q = mc.percentiles[s][y];
      const f = (c: Cents): string => (c / 100).toFixed(2);
      lines.push(
        [
          String(r.year),
          r.phase,
          s,
          f(a.roth),
          f(a.preTax),
          f(a.afterTax),
          f(a.taxable),
          f(a.received),
          f(a.wealth),
          f(q?.p10 ?? 0),
          f(q?.p50 ?? 0),
          f(q?.p90 ?? 0),
        ].join(','),
      );
    }
  });
  return `${lines.join('\n')}\n`;
}

function usd(c: Cents): string {
  return formatUsd(c, { wholeDollars: true });
}

function printText(
  out: (t: string) => void,
  i: ProjectionInputs,
  p: Projection,
  mc: MonteCarloResult,
  example: boolean,
): void {
  out(
    (example
      ? 'Built-in example: physician, age 40, single, 2026, solo 401(k) with in-plan conversion.\n'
      : '') +
      `${usd(i.contribution)} a year for ${String(i.years)} years, then withdrawals over ${String(i.withdrawalYears)} years; ` +
      `return ${pct(i.expectedReturn)} (volatility ${pct(i.volatility)}), inflation ${pct(i.inflation)}.\n` +
      `Marginal rate now ${pct(i.currentRate)}, in retirement ${pct(i.retirementRate)}, capital gains ${pct(i.capitalGainsRate)}, ` +
      `dividend yield ${pct(i.dividendYield)}; pre-tax room ${usd(i.preTaxRoom)} a year.\n\n`,
  );
  const last = p.rows.length - 1;
  out(
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
      STRATEGIES.map((s) => {
        const q = mc.percentiles[s][last];
        return [
          STRATEGY_LABELS[s],
          usd(p.outcomes[s].atRetirement),
          usd(p.outcomes[s].atEnd),
          usd(p.outcomes[s].atEndToday),
          usd(q?.p10 ?? 0),
          usd(q?.p50 ?? 0),
          usd(q?.p90 ?? 0),
        ];
      }),
    ),
  );
  out('\nAfter-tax wealth: money received so far plus what is left after tax if sold.\n\n');
  const beats = mc.probabilityFullMbrBeats;
  out(
    renderPairs([
      ['Roth-lite at separation: basis to a Roth IRA', usd(p.separation.toRothIra)],
      ['  earnings to a traditional IRA', usd(p.separation.toTraditionalIra)],
      ['  tax on those earnings at the retirement rate', usd(p.separation.taxOnEarnings)],
      ['Full MBR: moves to Roth at once; tax on gains', usd(0)],
      [
        'Break-even retirement rate (pre-tax = full MBR)',
        p.breakEvenRetirementRate === null ? 'none in 0-99%' : pct(p.breakEvenRetirementRate, 2),
      ],
      [
        `Full MBR ends ahead of Roth-lite / pre-tax / taxable (${String(mc.paths)} paths, seed ${String(mc.seed)})`,
        `${pct(beats.rothLite)} / ${pct(beats.preTax)} / ${pct(beats.taxable)}`,
      ],
    ]),
  );
  out('\nMonte Carlo after-tax wealth by year (10th / median / 90th percentile):\n');
  const shown = p.rows.filter((r, y) => r.year % 5 === 0 || y === last || y === i.years - 1);
  out(
    renderTable(
      [
        { header: 'Year', align: 'right' },
        ...STRATEGIES.map((s) => ({ header: STRATEGY_SHORT[s], align: 'right' as const })),
      ],
      shown.map((r) => [
        `${String(r.year)}${r.year === i.years ? ' (ret.)' : ''}`,
        ...STRATEGIES.map((s) => {
          const q = mc.percentiles[s][r.year - 1];
          const k = (c: Cents): string => `${String(Math.round(c / 100_000))}k`;
          return `${k(q?.p10 ?? 0)} / ${k(q?.p50 ?? 0)} / ${k(q?.p90 ?? 0)}`;
        }),
      ]),
    ),
  );
}

export const register: Register = (program, io) => {
  program
    .command('compare')
    .summary('Full MBR vs Roth-lite vs pre-tax vs taxable, deterministic and Monte Carlo')
    .description(
      'Projects the same yearly budget four ways — (a) after-tax money converted at once (full ' +
        'Mega Backdoor), (b) after-tax converted only at separation (Roth-lite), (c) pre-tax with ' +
        'the tax saved invested, (d) a taxable brokerage account — through retirement and ' +
        'withdrawals, with Monte Carlo percentiles. Without FILE: the built-in physician example.',
    )
    .argument(
      '[file]',
      'a household scenario (see megaroth schema) or projection inputs (YAML or JSON); see docs/growth.md',
    )
    .option('--years <N>', `years to retirement (1-${String(MAX_YEARS)}), overrides the file`)
    .option('--paths <N>', `Monte Carlo paths (1-${String(MAX_PATHS)})`, '10000')
    .option('--seed <N>', 'random seed (same seed, same numbers)', '1')
    .option(
      '--return <R>',
      `expected yearly return as a decimal (${String(MIN_RETURN)} to ${String(MAX_RETURN)})`,
    )
    .option('--volatility <V>', `yearly volatility as a decimal (0 to ${String(MAX_VOLATILITY)})`)
    .option('--json', 'print JSON (dollars with cents)')
    .option('--csv', 'print one CSV row per year and strategy')
    .addHelpText(
      'after',
      '\nExamples:\n  megaroth compare\n  megaroth compare --return 0.05 --volatility 0.2 --json',
    )
    .action((file: string | undefined, opts: CompareOptions) => {
      let inputs = file ? projectionInputsFrom(io, file) : physicianProjection();
      if (opts.years !== undefined) {
        inputs = { ...inputs, years: parseIntOption('--years', opts.years, 1, MAX_YEARS) };
      }
      if (opts.return !== undefined) {
        inputs = {
          ...inputs,
          expectedReturn: parseNumberOption('--return', opts.return, MIN_RETURN, MAX_RETURN),
        };
      }
      if (opts.volatility !== undefined) {
        inputs = {
          ...inputs,
          volatility: parseNumberOption('--volatility', opts.volatility, 0, MAX_VOLATILITY),
        };
      }
      const paths = parseIntOption('--paths', opts.paths, 1, MAX_PATHS);
      const seed = parseIntOption('--seed', opts.seed, 0, 0xffffffff);
      const projection = projectStrategies(inputs);
      const bar = progressBar(io, 'Monte Carlo', !opts.json && !opts.csv);
      const mc = simulateStrategies(inputs, {
        paths,
        seed,
        onProgress: (d) => {
          bar.update(d);
        },
      });
      bar.finish();
      if (opts.json) printJson(io, toJson(inputs, projection, mc));
      else if (opts.csv) io.out(toCsv(projection, mc));
      else printText(io.out, inputs, projection, mc, file === undefined);
    });
};
