export * from './redis-connection.js';
export * from './job-queues.js';
export * from './jobs.module.js';
export * from './job-tracing.js';
