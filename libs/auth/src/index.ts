export * from './identity.js';
export * from './identity-token.js';
export * from './staff-token.js';
export * from './access-rule.js';
export * from './access.decorators.js';
export * from './roles.guard.js';
export * from './identity.middleware.js';
export * from './auth.module.js';
