import type { ApolloGateway } from '@apollo/gateway';
import type { ApolloServerOptions } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { LoggerService } from '@nestjs/common';
import type { Server } from 'node:http';
import { operationTelemetryPlugin } from '@redress/graphql';
import type { AccessPolicy } from './access/operation-access.js';
import { apolloLogger } from './apollo-logger.js';
import type { GatewayConfig } from './config/gateway-config.js';
import { formatGatewayError } from './errors/format-gateway-error.js';
import { documentCache } from './operation-caches.js';
import type { GatewayContext } from './identity/signed-identity-data-source.js';
import type { AnonymousRateLimiter } from './limits/anonymous-rate-limiter.js';
import { operationLimitRules } from './limits/operation-limits.js';
import { requestChecksPlugin } from './request-checks.plugin.js';

/**
 * Apollo Server settings of the gateway (SPEC §8): no stack traces, CSRF prevention, no introspection or
 * landing page in production, no schema hints (field suggestions) in any environment, one operation per
 * request (no batching), the token, depth, alias, directive and cost limits, access and rate checks.
 */
export function apolloServerOptions(
  config: GatewayConfig,
  logger: LoggerService,
  gateway: ApolloGateway,
  httpServer: Server,
  rateLimiter: AnonymousRateLimiter,
  accessPolicy?: AccessPolicy,
): ApolloServerOptions<GatewayContext> {
  return {
    gateway,
    logger: apolloLogger(logger),
    formatError: formatGatewayError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    documentStore: documentCache(),
    validationRules: operationLimitRules(config.limits),
    nodeEnv: config.nodeEnv,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      operationTelemetryPlugin(),
      requestChecksPlugin(config.limits, rateLimiter, accessPolicy),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  };
}
