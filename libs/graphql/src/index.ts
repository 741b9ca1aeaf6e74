export * from './subgraph-sdl.js';
export * from './date-time.scalar.js';
export * from './public-error-codes.js';
export * from './format-subgraph-error.js';
export * from './request-loader.js';
export * from './graphql-context.js';
export * from './subgraph-graphql.module.js';
export * from './operation-telemetry.plugin.js';
