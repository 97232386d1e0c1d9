/** `megaroth plan [FILE]`: the household report (per person 402(g), per plan the waterfall and verdict). */
import { planHousehold } from '../../engine/household/plan-household.js';
import { DEFAULT_GROWTH_ASSUMPTIONS } from '../../engine/project/from-household.js';
import { whatItsWorth } from '../../engine/project/worth.js';
import { reportToJson } from '../../engine/report/to-json.js';
import { printJson } from '../io.js';
import { parseYearOption } from '../options.js';
import { renderPlanReport, worthToJson } from '../render/plan-report.js';
import { loadScenario } from '../scenario-input.js';
import type { Register } from './index.js';

interface PlanOptions {
  readonly json?: boolean;
  readonly explain?: boolean;
  readonly year?: number;
}

export const register: Register = (program, io) => {
  program
    .command('plan')
    .summary('How much goes into each plan, in which form, and the Mega Backdoor verdict')
    .description(
      'How much can go into each plan, in which form, and whether a Mega Backdoor Roth is available.\nWithout FILE, uses the built-in example (a physician with a hospital 403(b) and a solo 401(k)).',
    )
    .argument('[file]', 'scenario file (YAML or JSON); see `megaroth schema`')
    .option('--json', 'print the report model as JSON (money in dollars with cents)')
    .option('--explain', 'print each figure with the rule and citation behind it')
    .option('--year <year>', "override the scenario's tax year", (v) =>
      parseYearOption('--year', v),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  megaroth plan\n  megaroth plan examples/large-employer-full-mbr.yaml --explain\n  megaroth plan examples/married-couple.yaml --json',
    )
    .action((file: string | undefined, opts: PlanOptions) => {
      const scenario = loadScenario(io, file, opts.year);
      const report = planHousehold(scenario);
      const worth = whatItsWorth(scenario, report, DEFAULT_GROWTH_ASSUMPTIONS);
      if (opts.json) printJson(io, { ...reportToJson(report), worth: worth && worthToJson(worth) });
      else io.out(renderPlanReport(report, { explain: opts.explain ?? false, worth }));
    });
};
