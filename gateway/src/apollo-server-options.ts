import type { ApolloGateway } from '@apollo/gateway';
import type { ApolloServerOptions } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { LoggerService } from '@nestjs/common';
import type { Server } from 'node:http';
import { apolloLogger } from './apollo-logger.js';
import type { GatewayConfig } from './config/gateway-config.js';
import { formatGatewayError } from './errors/format-gateway-error.js';
import type { GatewayContext } from './identity/signed-identity-data-source.js';
import { operationLimitRules } from './limits/operation-limits.js';

/** Apollo Server settings of the gateway (SPEC §8): no stack traces, CSRF prevention, no introspection in production, limits. */
export function apolloServerOptions(config: GatewayConfig, logger: LoggerService, gateway: ApolloGateway, httpServer: Server): ApolloServerOptions<GatewayContext> {
  return {
    gateway,
    logger: apolloLogger(logger),
    formatError: formatGatewayError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    csrfPrevention: true,
    validationRules: operationLimitRules(),
    nodeEnv: config.nodeEnv,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  };
}
