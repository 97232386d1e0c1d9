/** The ACP nondiscrimination test (IRC 401(m); Treas. Reg. 1.401(m)-2): census, test, correction, what-ifs. */
export * from './acp-test.js';
export * from './adp.js';
export * from './census.js';
export * from './census-csv.js';
export * from './census-values.js';
export * from './census-generator.js';
export * from './deadlines.js';
export * from './hce.js';
export * from './id-store.js';
export * from './leveling.js';
export * from './participant.js';
export * from './ratios.js';
export * from './whatif.js';
