import type { ApolloGateway } from '@apollo/gateway';
import { loadConfig } from '@redress/config';
import { createServer } from 'node:http';
import { apolloServerOptions } from './apollo-server-options.js';
import type { GatewayConfig } from './config/gateway-config.js';

const logger = { log() {}, warn() {}, error() {} };
const strong = 'x'.repeat(40);
const configOf = (env: Record<string, string>): GatewayConfig => ({ ...loadConfig(env), subgraphs: [], supergraphPollIntervalMs: 0 });
const optionsFor = (config: GatewayConfig) => apolloServerOptions(config, logger, {} as ApolloGateway, createServer());

describe('apolloServerOptions', () => {
  it('keeps introspection and schema hints for development only', () => {
    const development = optionsFor(configOf({}));
    const production = optionsFor(configOf({ NODE_ENV: 'production', JWT_SECRET: strong, INTERNAL_SECRET: strong, LINK_SECRET: strong }));
    expect([development.introspection, development.hideSchemaDetailsFromClientErrors]).toEqual([true, false]);
    expect([production.introspection, production.hideSchemaDetailsFromClientErrors]).toEqual([false, true]);
  });

  it('prevents CSRF, sends no stack traces and limits operations in every environment', () => {
    const options = optionsFor(configOf({}));
    expect(options.csrfPrevention).toBe(true);
    expect(options.includeStacktraceInErrorResponses).toBe(false);
    expect(options.validationRules).toHaveLength(2);
  });
});
