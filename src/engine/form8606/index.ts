/** Form 8606 Parts I and II and the backdoor-Roth pro-rata trap. */
export * from './form8606.js';
export * from './trap.js';
