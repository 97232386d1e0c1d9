/**
 * Moving money out of a plan: pro-rata, Notice 2014-54 destinations, IRR, separation, the 10%
 * additional tax and withholding.
 */
export * from './accounting.js';
export * from './prorata.js';
export * from './destinations.js';
export * from './routes.js';
export * from './irr.js';
export * from './frequency.js';
export * from './separation.js';
export * from './early-tax.js';
export * from './withholding.js';
