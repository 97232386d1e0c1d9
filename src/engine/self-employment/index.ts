/** Self-employment computations: Schedule SE, Pub 560 rate and worksheet, S-corp, solo room, 404(a)(7). */
export * from './schedule-se.js';
export * from './pub560-rate.js';
export * from './pub560-deduction-worksheet.js';
export * from './catch-up-limit.js';
export * from './s-corp.js';
export * from './solo-room.js';
export * from './cash-balance.js';
export * from './explain.js';
