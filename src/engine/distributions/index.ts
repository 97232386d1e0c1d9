/** Moving money out of a plan: pro-rata, Notice 2014-54 destinations, IRR, separation. */
export * from './prorata.js';
export * from './destinations.js';
export * from './routes.js';
export * from './irr.js';
export * from './frequency.js';
export * from './separation.js';
export * from './explain.js';
