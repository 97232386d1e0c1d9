/** The four strategies compared for the same yearly take-home budget, and the rules behind each. */

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

/** How each strategy's money is taxed: the citation of its projected wealth. */
export const STRATEGY_CITATIONS: Readonly<Record<StrategyId, string>> = {
  fullMbr:
    'IRC 402A(c)(4), 402A(d)(1); IRC 72(d)(2): after-tax money is its own source, so converted at once nothing is taxed, and qualified Roth distributions are tax-free',
  rothLite:
    'IRC 72(e)(8), 402(c)(2); Notice 2014-54: earnings before separation are taxed at conversion',
  preTax: 'IRC 402(a), 402(g): deferred pay taxed as ordinary income when distributed',
  taxable: 'IRC 1(h): dividends and realised gains taxed each year; IRC 1411 NIIT',
};
