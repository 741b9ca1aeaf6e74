import type { SupergraphManager } from '@apollo/gateway';
import { readFileSync } from 'node:fs';
import type { ApolloLogger } from '../apollo-logger.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { RetryingIntrospectAndCompose, type Backoff } from './retrying-introspect-and-compose.js';

export interface SupergraphSource {
  supergraphSdl: string | SupergraphManager;
  /** Gives up waiting for composition (shutdown). */
  stop(): void;
}

/**
 * Kubernetes: the checked-in, statically composed supergraph (SUPERGRAPH_PATH), so a gateway never
 * serves a schema nobody reviewed. Development: composed from the running subgraphs, retried until
 * all of them answer, then polled for changes.
 */
export function supergraphSource(config: GatewayConfig, logger: ApolloLogger, backoff?: Backoff): SupergraphSource {
  if (config.supergraphPath) return { supergraphSdl: readFileSync(config.supergraphPath, 'utf8'), stop: () => undefined };
  const manager = new RetryingIntrospectAndCompose(
    { subgraphs: config.subgraphs, pollIntervalInMs: config.supergraphPollIntervalMs || undefined, logger },
    backoff,
  );
  return { supergraphSdl: manager, stop: () => manager.stop() };
}
