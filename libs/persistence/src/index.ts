export * from './database.js';
export * from './data-source.js';
export * from './transaction-runner.js';
export * from './persistence.module.js';
