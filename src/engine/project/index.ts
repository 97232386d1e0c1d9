/** Strategy projections, Monte Carlo and the optimizer (issue 6). */
export * from './inputs.js';
export * from './strategies.js';
export * from './deterministic.js';
export * from './montecarlo.js';
export * from './optimizer.js';
export * from './examples.js';
export { solveLp, type LinearProgram, type LpSolution } from './simplex.js';
export * from './file-input.js';
