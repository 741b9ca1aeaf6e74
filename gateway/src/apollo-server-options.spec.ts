import type { ApolloGateway } from '@apollo/gateway';
import { createServer } from 'node:http';
import { apolloServerOptions } from './apollo-server-options.js';
import { loadGatewayConfig } from './config/gateway-config.js';
import type { AnonymousRateLimiter } from './limits/anonymous-rate-limiter.js';

const logger = { log() {}, warn() {}, error() {} };
const strong = 'x'.repeat(40);
const configOf = (env: Record<string, string>) => loadGatewayConfig(env);
const optionsFor = (config: ReturnType<typeof configOf>) => apolloServerOptions(config, logger, {} as ApolloGateway, createServer(), {} as AnonymousRateLimiter);

describe('apolloServerOptions', () => {
  it('keeps introspection and the landing page for development only, and never suggests field names', () => {
    const development = optionsFor(configOf({}));
    const production = optionsFor(configOf({ NODE_ENV: 'production', JWT_SECRET: strong, INTERNAL_SECRET: strong, LINK_SECRET: strong }));
    expect([development.introspection, development.hideSchemaDetailsFromClientErrors]).toEqual([true, true]);
    expect([production.introspection, production.hideSchemaDetailsFromClientErrors]).toEqual([false, true]);
    const pluginCount = (options: typeof development) => options.plugins?.length ?? 0;
    expect(pluginCount(production)).toBe(pluginCount(development) + 1); // the landing page, disabled
  });

  it('prevents CSRF, sends no stack traces and limits operations in every environment', () => {
    const options = optionsFor(configOf({}));
    expect(options.csrfPrevention).toBe(true);
    expect(options.includeStacktraceInErrorResponses).toBe(false);
    expect(options.validationRules).toHaveLength(3);
    expect(options.allowBatchedHttpRequests).toBe(false);
    expect(options.parseOptions).toEqual({ maxTokens: 1_000 });
  });
});
