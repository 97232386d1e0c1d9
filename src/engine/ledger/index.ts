/** The ledger by source: model, parser and the running account. */
export * from './model.js';
export * from './parse.js';
export * from './ledger.js';
