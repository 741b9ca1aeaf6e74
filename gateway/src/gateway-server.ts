import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { LoggerService } from '@nestjs/common';
import { StaffTokenVerifier } from '@redress/auth';
import { CORRELATION_HEADER, correlation, httpTelemetry } from '@redress/observability';
import express, { type RequestHandler } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccessPolicy } from './access/operation-access.js';
import { apolloLogger } from './apollo-logger.js';
import { apolloServerOptions } from './apollo-server-options.js';
import type { GatewayConfig } from './config/gateway-config.js';
import { acceptCorrelationId } from './http/correlation-id.js';
import { downloadRoutes } from './http/download-routes.js';
import { healthRoutes } from './http/health-routes.js';
import { metricsRoute } from './http/metrics-route.js';
import { requestBodyErrors } from './http/request-body-errors.js';
import { callerIdentity } from './identity/caller-identity.js';
import { SignedIdentityDataSource, type GatewayContext } from './identity/signed-identity-data-source.js';
import { VerifiedTokenCache } from './identity/verified-token-cache.js';
import { AnonymousRateLimiter, RedisHitCounter } from './limits/anonymous-rate-limiter.js';
import { rateLimitRedis } from './limits/rate-limit-redis.js';
import { queryPlanCache } from './operation-caches.js';
import type { Backoff } from './supergraph/retrying-introspect-and-compose.js';
import { supergraphSource } from './supergraph/supergraph-source.js';

export interface GatewayOptions {
  /** Delays between composition attempts while subgraphs are down. */
  composeBackoff?: Backoff;
  /** Who may call and read what at the edge; SPEC §2 unless a test composes subgraphs of its own. */
  accessPolicy?: AccessPolicy;
}

export interface RunningGateway {
  port: number;
  /** Settles once the first supergraph is loaded (rejects if it never can be, e.g. a broken static file). */
  ready: Promise<void>;
  isReady(): boolean;
  stop(): Promise<void>;
}

/**
 * Starts listening at once — `/health/live` answers and `/health/ready` says 503 — then loads the
 * supergraph and mounts GraphQL at `/graphql`, so an orchestrator sees the gateway come up in order.
 */
export async function startGateway(config: GatewayConfig, logger: LoggerService, options: GatewayOptions = {}): Promise<RunningGateway> {
  // @apollo/gateway otherwise reports usage data to Apollo's servers from its constructor.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const supergraph = supergraphSource(config, apolloLogger(logger), options.composeBackoff);
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.supergraphSdl,
    buildService: ({ name, url }) => new SignedIdentityDataSource(subgraphUrl(config, name, url), config.internalSecret),
    logger: apolloLogger(logger),
    queryPlannerConfig: { cache: queryPlanCache() },
  });
  const staffTokens = new VerifiedTokenCache(new StaffTokenVerifier(config));
  const redis = rateLimitRedis(config);
  const rateLimiter = new AnonymousRateLimiter(new RedisHitCounter(redis, config.bullPrefix), config.anonymousRateLimit, logger);
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayContext>(apolloServerOptions(config, logger, gateway, httpServer, rateLimiter, options.accessPolicy));
  let graphql: RequestHandler | undefined;
  let stopping = false;

  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxyHops);
  app.use((req, res, next) => {
    const correlationId = acceptCorrelationId(req.headers[CORRELATION_HEADER]);
    res.setHeader(CORRELATION_HEADER, correlationId);
    correlation.run(correlationId, next);
  });
  app.use(httpTelemetry(['/graphql', '/health/live', '/health/ready', '/metrics', '/downloads']));
  app.use('/health', healthRoutes(() => graphql !== undefined && !stopping));
  app.get('/metrics', metricsRoute);
  const reporting = config.subgraphs.find((subgraph) => subgraph.name === 'reporting');
  if (reporting) app.use('/downloads', downloadRoutes(reporting.url, config.internalSecret)); // a gateway without reporting has nothing to download
  app.use('/graphql', express.json({ limit: config.limits.maxBodyBytes }), (req, res, next) => (graphql ? graphql(req, res, next) : notReady(res)));
  app.use(requestBodyErrors(config.limits.maxBodyBytes));

  const port = await listen(httpServer, config.gatewayPort);
  const ready = apollo.start().then(async () => {
    if (stopping) {
      await apollo.stop().catch(() => undefined);
      throw new Error('The gateway stopped before the supergraph was loaded');
    }
    graphql = expressMiddleware(apollo, {
      context: async ({ req }) => ({
        identity: await callerIdentity(req.headers.authorization, staffTokens),
        correlationId: correlation.idOrNew(),
        clientAddress: req.ip,
      }),
    });
    logger.log({ msg: 'gateway ready: supergraph loaded', port, supergraph: config.supergraphPath ?? 'composed from the running subgraphs' });
  });
  ready.catch(() => undefined); // the caller decides what a failed start means; stop() must not crash on it

  return {
    port,
    ready,
    isReady: () => graphql !== undefined && !stopping,
    async stop() {
      stopping = true;
      supergraph.stop();
      redis.disconnect();
      // Before the first supergraph there is nothing to drain; a composition attempt still in flight ends on its own.
      if (graphql) await apollo.stop(); // drains in-flight requests, then closes the HTTP server
      else await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

function subgraphUrl(config: GatewayConfig, name: string, composedUrl: string | undefined): string {
  const url = config.subgraphs.find((subgraph) => subgraph.name === name)?.url ?? composedUrl;
  if (!url) throw new Error(`No URL for subgraph ${name}`);
  return url;
}

function notReady(res: express.Response): void {
  const correlationId = correlation.idOrNew();
  res.status(503).json({ errors: [{ message: 'The gateway is starting; try again shortly', extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId } }] });
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
