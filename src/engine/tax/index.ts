/** Income tax: federal ordinary tax, marginal rate, NIIT, Additional Medicare Tax, state tax. */
export * from './filing-status.js';
export * from './ordinary.js';
export * from './marginal.js';
export * from './niit.js';
export * from './additional-medicare.js';
export * from './state.js';
export * from './conversion.js';
export * from './household.js';
