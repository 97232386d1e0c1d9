/** Roth five-year clocks, ordering rules and withdrawal allocation. */
export * from './dates.js';
export * from './history.js';
export * from './clocks.js';
export * from './ordering.js';
