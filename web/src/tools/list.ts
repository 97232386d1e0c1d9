/** The tools beside the planner: id, title and one sentence each. */
export const TOOLS = [
  [
    'rollover',
    'Withdrawal or rollover',
    'How much of a plan withdrawal is pre-tax and basis, where each part lands, the tax and the withholding.',
  ],
  [
    'form8606',
    'Form 8606 (backdoor Roth)',
    'How much of a Roth IRA conversion is taxable under the pro-rata rule, line by line.',
  ],
  [
    'clocks',
    'Roth five-year clocks',
    'When converted and contributed Roth money can come out free of tax and penalty.',
  ],
  [
    'ledger',
    'Plan account by source',
    'A plan account kept by source over shared funds, with the after-tax basis.',
  ],
  [
    'solo',
    'Solo 401(k) beside a W-2 job',
    'How much fits in a solo 401(k) on 1099 or S-corp income: Schedule SE, the Pub 560 worksheet, the 415(c) room and the trade-off.',
  ],
  [
    'optimize',
    'Best split of a savings budget',
    'How to split a yearly budget across pre-tax, Roth, after-tax and taxable for the scenario open in the planner.',
  ],
  [
    'paychecks',
    'Paycheck by paycheck',
    'The elections to enter for the scenario open in the planner (or the built-in example), every remaining paycheck and the dated steps, with CSV and calendar downloads.',
  ],
  [
    'tax',
    'Federal income tax',
    'The tax on a taxable income for a year and filing status, bracket by bracket.',
  ],
  [
    'montecarlo',
    'Monte Carlo of the four strategies',
    'The range of outcomes of full Mega Backdoor, Roth-lite, pre-tax and taxable for the scenario open in the planner, simulated in the background.',
  ],
  [
    'acp',
    'ACP test on a census',
    'Does the plan pass the ACP test, and what are the refunds? A synthetic census or your CSV file, tested in the background.',
  ],
] as const;

export type ToolId = (typeof TOOLS)[number][0];
