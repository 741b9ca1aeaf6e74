import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type LoggerService } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ANONYMOUS, type RequestWithIdentity } from '@redress/auth';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import { DateTimeScalar } from './date-time.scalar.js';
import { formatSubgraphError } from './format-subgraph-error.js';
import type { GraphqlContext } from './graphql-context.js';
import { operationTelemetryPlugin } from './operation-telemetry.plugin.js';
import { subgraphSdl } from './subgraph-sdl.js';

export interface SubgraphGraphqlOptions {
  /** The subgraph's own SDL; the federation header and the shared base types are added here. */
  typeDefs: string;
  /** Where unexpected errors are logged; Nest's logger (the app's JsonLogger) by default. */
  logger?: LoggerService;
}

/** The options of every subgraph's GraphQL server, in one place (schema-first, Federation 2). */
export function subgraphGraphqlConfig(options: SubgraphGraphqlOptions, config: Pick<RedressConfig, 'production' | 'nodeEnv'>): Omit<ApolloFederationDriverConfig, 'driver'> {
  return {
    typeDefs: subgraphSdl(options.typeDefs),
    resolvers: { DateTime: DateTimeScalar },
    fieldResolverEnhancers: ['guards'],
    context: ({ req }: { req: RequestWithIdentity }): GraphqlContext => ({ req, identity: req.identity ?? ANONYMOUS }),
    formatError: formatSubgraphError(options.logger),
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    csrfPrevention: true,
    graphiql: false,
    nodeEnv: config.nodeEnv,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginUsageReportingDisabled(), operationTelemetryPlugin()],
  };
}

/** `imports: [SubgraphGraphqlModule.forRoot({ typeDefs })]`; needs ConfigModule and AuthModule. */
@Module({})
export class SubgraphGraphqlModule {
  static forRoot(options: SubgraphGraphqlOptions): DynamicModule {
    return {
      module: SubgraphGraphqlModule,
      imports: [
        GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          inject: [REDRESS_CONFIG],
          useFactory: (config: RedressConfig) => subgraphGraphqlConfig(options, config),
        }),
      ],
    };
  }
}
