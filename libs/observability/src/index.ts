export * from './correlation.js';
export * from './http-telemetry.js';
export * from './json-logger.js';
export * from './metrics.js';
export * from './tracing/index.js';
