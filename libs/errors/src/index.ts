export * from './domain-errors.js';
export * from './input-rules.js';
