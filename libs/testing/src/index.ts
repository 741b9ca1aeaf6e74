export * from './rabbit-vhost.js';
export * from './test-config.js';
export * from './test-database.js';
export * from './test-environment.js';
export * from './tcp-proxy.js';
export * from './wait-for.js';
export * from './subgraph-harness.js';
export * from './rpc-stand-in.js';
