/** `megaroth plan [FILE]`: the household report (per person 402(g), per plan the waterfall and verdict). */
import { planReport } from '../../engine/report/plan.js';
import { parseYearOption } from '../options.js';
import { renderPlanReport } from '../render/plan-report.js';
import { printReport, withReportOptions, type ReportOutputOptions } from '../report-output.js';
import { loadScenario } from '../scenario-input.js';
import type { Register } from './index.js';
import {
  assumptionsFromFlags,
  withAssumptionOptions,
  type AssumptionOptions,
} from '../assumption-options.js';
import { ASSUMPTION_FLAGS, withFlags } from '../flags.js';
import { assumptionsText } from '../render/assumptions.js';

interface PlanOptions extends ReportOutputOptions, AssumptionOptions {
  readonly year?: number;
}

export const register: Register = (program, io) => {
  withAssumptionOptions(
    withReportOptions(
      program
        .command('plan')
        .summary('How much goes into each plan, in which form, and the Mega Backdoor verdict')
        .description(
          'How much can go into each plan, in which form, and whether a Mega Backdoor Roth is available.\nWithout FILE, uses the built-in example (a physician with a hospital 403(b) and a solo 401(k)).',
        )
        .argument('[file]', 'scenario file (YAML or JSON); see `megaroth schema`'),
    ),
  )
    .option('--year <year>', "override the scenario's tax year", (v) =>
      parseYearOption('--year', v),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  megaroth plan\n  megaroth plan examples/large-employer-full-mbr.yaml --explain\n  megaroth plan examples/married-couple.yaml --json\n  megaroth plan examples/assumptions.yaml --explain\n  megaroth plan --state-rate 0 --retirement-tax-rate 24',
    )
    .action((file: string | undefined, opts: PlanOptions) => {
      const scenario = loadScenario(io, file, opts.year);
      const report = withFlags(ASSUMPTION_FLAGS, () =>
        planReport(scenario, assumptionsFromFlags(opts)),
      );
      printReport(io, report, opts, (r) =>
        opts.explain
          ? renderPlanReport(r) + assumptionsText(r.worth?.assumptions)
          : renderPlanReport(r),
      );
    });
};
