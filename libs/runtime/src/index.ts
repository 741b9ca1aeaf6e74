export * from './start-service.js';
export * from './round-robin-balancer.js';
