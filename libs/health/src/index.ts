export * from './health.module.js';
export * from './health.controller.js';
export * from './readiness-check.js';
export * from './metrics.controller.js';
