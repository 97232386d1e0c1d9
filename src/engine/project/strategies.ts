/** The four strategies compared for the same yearly take-home budget. */

export type StrategyId = 'fullMbr' | 'rothLite' | 'preTax' | 'taxable';

export const STRATEGIES: readonly StrategyId[] = ['fullMbr', 'rothLite', 'preTax', 'taxable'];

export const STRATEGY_LABELS: Readonly<Record<StrategyId, string>> = {
  fullMbr: '(a) Full Mega Backdoor (after-tax converted at once)',
  rothLite: '(b) Roth-lite (after-tax, converted at separation)',
  preTax: '(c) Pre-tax, tax saved in a taxable account',
  taxable: '(d) Taxable brokerage account',
};

export const STRATEGY_SHORT: Readonly<Record<StrategyId, string>> = {
  fullMbr: 'Full MBR',
  rothLite: 'Roth-lite',
  preTax: 'Pre-tax',
  taxable: 'Taxable',
};
