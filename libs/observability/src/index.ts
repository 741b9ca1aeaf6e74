export * from './correlation.js';
export * from './json-logger.js';
