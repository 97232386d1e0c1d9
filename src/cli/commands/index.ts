/**
 * Every command of the CLI, loaded only when it runs: each entry names the command, gives its
 * summary and arguments for the top-level help, and loads the module whose `register` adds the
 * command to the program. Keep one entry per command; `summary` and `args` must match what the
 * module registers (`src/cli/commands/index.test.ts` checks).
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';

export type Register = (program: Command, io: Io) => void;

export interface CommandEntry {
  readonly name: string;
  /** The command's `.summary(…)`, shown by `megaroth --help`. */
  readonly summary: string;
  /** Its arguments as the help writes them (`[file]`, `<file>`), '' for none. */
  readonly args: string;
  readonly load: () => Promise<{ readonly register: Register }>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'plan',
    summary: 'How much goes into each plan, in which form, and the Mega Backdoor verdict',
    args: '[file]',
    load: () => import('./plan.js'),
  },
  {
    name: 'schema',
    summary: 'The JSON Schema of scenario files, or of a report',
    args: '',
    load: () => import('./schema.js'),
  },
  {
    name: 'rollover',
    summary: 'Pre-tax vs after-tax in a plan withdrawal, where it lands, tax and withholding',
    args: '',
    load: () => import('./rollover.js'),
  },
  {
    name: 'form8606',
    summary: 'Form 8606 Parts I-II: taxable part of a backdoor Roth conversion',
    args: '',
    load: () => import('./form8606.js'),
  },
  {
    name: 'clocks',
    summary: 'Roth five-year clocks, ordering, and the tax on a planned withdrawal',
    args: '<file>',
    load: () => import('./clocks.js'),
  },
  {
    name: 'ledger',
    summary: 'A plan account by source over shared funds, from a YAML/CSV transaction file',
    args: '<file>',
    load: () => import('./ledger.js'),
  },
  {
    name: 'acp',
    summary: 'ACP and ADP tests on a census CSV: pass/fail, HCE refunds, deadlines, what-ifs',
    args: '[census]',
    load: () => import('./acp.js'),
  },
  {
    name: 'census',
    summary: 'Write a synthetic, seeded plan census CSV for the ACP test',
    args: '',
    load: () => import('./census.js'),
  },
  {
    name: 'solo',
    summary: 'Solo 401(k) room on self-employment or S-corp income, beside W-2 jobs',
    args: '',
    load: () => import('./solo.js'),
  },
  {
    name: 'tax',
    summary: 'Federal income tax on a taxable income, with the marginal rate',
    args: '',
    load: () => import('./tax.js'),
  },
  {
    name: 'compare',
    summary: 'Full MBR vs Roth-lite vs pre-tax vs taxable, deterministic and Monte Carlo',
    args: '[file]',
    load: () => import('./compare.js'),
  },
  {
    name: 'optimize',
    summary: 'The best split of a yearly budget across pre-tax, Roth, after-tax and taxable',
    args: '[file]',
    load: () => import('./optimize.js'),
  },
  {
    name: 'serve',
    summary: 'Serve the web app on this computer (127.0.0.1)',
    args: '',
    load: () => import('./serve.js'),
  },
  {
    name: 'paychecks',
    summary: 'Paycheck by paycheck: the elections to enter, when each limit is reached, the steps',
    args: '[file]',
    load: () => import('./paychecks.js'),
  },
];
