export * from './correlation.js';
export * from './json-logger.js';
export * from './metrics.js';
