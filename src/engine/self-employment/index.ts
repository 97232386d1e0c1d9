/** Self-employment computations: Schedule SE, the Pub 560 rate and worksheet, 404(a)(7), the solo household. */
export * from './schedule-se.js';
export * from './pub560-rate.js';
export * from './pub560-deduction-worksheet.js';
export * from './catch-up-limit.js';
export * from './cash-balance.js';
export * from './form-figures.js';
export * from './solo-scenario.js';
