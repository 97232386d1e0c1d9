/** `megaroth schema [--report NAME]`: the JSON Schema of scenario files, or of a report's `--json`. */
import { REPORT_NAMES, type ReportName } from '../../engine/report/model.js';
import { printJson } from '../io.js';
import { parseChoiceOption } from '../options.js';
import type { Register } from './index.js';

interface SchemaOptions {
  readonly report?: ReportName;
}

export const register: Register = (program, io) => {
  program
    .command('schema')
    .summary('The JSON Schema of scenario files, or of a report')
    .description(
      'Print the JSON Schema of scenario files (YAML or JSON, version 1), or with --report the\n' +
        "JSON Schema of that command's --json output (documented in docs/json.md).",
    )
    .option(`--report <name>`, `a report: ${REPORT_NAMES.join(', ')}`, (v) =>
      parseChoiceOption('--report', v, REPORT_NAMES),
    )
    .addHelpText('after', '\nExamples:\n  megaroth schema\n  megaroth schema --report plan')
    .action(async (opts: SchemaOptions) => {
      if (opts.report) {
        const { reportJsonSchema } = await import('../../engine/report/schemas/index.js');
        printJson(io, await reportJsonSchema(opts.report));
        return;
      }
      const { scenarioJsonSchema } = await import('../../engine/scenario/json-schema.js');
      printJson(io, scenarioJsonSchema());
    });
};
