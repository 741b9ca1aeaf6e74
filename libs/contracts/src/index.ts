export * from './enums.js';
export * from './graphql-enums.js';
export * from './envelope.js';
export * from './events.js';
export * from './schema.js';
export * from './validation.js';
export * from './subscriptions.js';
export * from './rpc.js';
