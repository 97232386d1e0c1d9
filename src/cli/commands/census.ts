/**
 * `megaroth census --employees N --seed S [--with-deferrals [--year Y]] [--out FILE]`: writes a
 * synthetic, deterministic census CSV (see src/engine/acp/census-generator.ts) for trying the
 * ACP test (and with deferrals, birth and hire dates, the ADP test beside it) and benchmarks.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { generateCensusCsv, MAX_EMPLOYEES } from '../../engine/acp/census-generator.js';
import { inputError } from '../../engine/errors.js';
import { MAX_SEED } from '../../engine/project/prng.js';
import { fileErrorText } from '../census-file.js';
import { withFlags } from '../flags.js';
import { parseIntOption, parseYearOption } from '../options.js';
import { SUPPORTED_YEARS } from '../../engine/params/index.js';
import type { Register } from './index.js';

export const register: Register = (program, io) => {
  program
    .command('census')
    .summary('Write a synthetic, seeded plan census CSV for the ACP test')
    .description(
      'Write a synthetic plan census CSV (deterministic for a seed): log-normal pay, a few owners, participation rising with pay, a 100%/3% + 50%/2% match, after-tax use mostly by HCEs.',
    )
    .requiredOption('--employees <n>', `number of employees (1 to ${String(MAX_EMPLOYEES)})`)
    .option('--seed <s>', `seed of the generator (0 to ${String(MAX_SEED)})`, '1')
    .option(
      '--with-deferrals',
      'add deferrals, birth_date and hire_date columns (the ADP test; deferrals within --year’s limits)',
    )
    .option(
      '--year <year>',
      `plan year of the deferral limits (${SUPPORTED_YEARS.join(', ')})`,
      String(SUPPORTED_YEARS[SUPPORTED_YEARS.length - 1]),
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .addHelpText(
      'after',
      '\nExamples:\n  megaroth census --employees 500 --seed 7 --out census.csv\n  megaroth census --employees 1000000 --seed 1 --out big.csv\n  megaroth census --employees 1000 --with-deferrals --out adp.csv',
    )
    .action(
      async (o: {
        employees: string;
        seed?: string;
        out?: string;
        withDeferrals?: boolean;
        year?: string;
      }) => {
        const employees = parseIntOption('--employees', o.employees, 1, MAX_EMPLOYEES);
        const seed = parseIntOption('--seed', o.seed ?? '1', 0, MAX_SEED);
        const year = parseYearOption('--year', o.year ?? '');
        const chunks = withFlags({ employees: '--employees', seed: '--seed' }, () =>
          generateCensusCsv({
            employees,
            seed,
            ...(o.withDeferrals ? { withDeferrals: { year } } : {}),
          }),
        );
        if (o.out === undefined) {
          for (const c of chunks) io.out(c);
          return;
        }
        const path = resolve(io.cwd, o.out);
        const stream = createWriteStream(path);
        const failed = new Promise<never>((_, reject) => {
          stream.on('error', (e: NodeJS.ErrnoException) => {
            reject(
              inputError(
                '--out',
                `cannot write ${o.out ?? ''}: ${fileErrorText(e, 'write failed')}`,
              ),
            );
          });
        });
        const write = async (): Promise<void> => {
          for (const c of chunks) {
            if (!stream.write(c)) await once(stream, 'drain');
          }
          stream.end();
          await once(stream, 'finish');
        };
        await Promise.race([write(), failed]);
        io.err(`wrote ${String(employees)} employees to ${o.out}\n`);
      },
    );
};
