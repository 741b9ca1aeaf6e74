import type { GatewayConfig } from '@apollo/gateway';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode } from 'graphql';

type QueryPlanCache = NonNullable<NonNullable<GatewayConfig['queryPlannerConfig']>['cache']>;

/**
 * How many distinct operations the gateway keeps parsed and validated, and how many query plans. Apollo's
 * defaults bound both caches by an estimate of 30 MiB each, which real objects exceed several times: with
 * clients sending new operation texts the gateway's memory kept growing for the whole 10-minute soak
 * (docs/performance.md, P7). Real clients send a few hundred distinct operations.
 */
export const MAX_CACHED_OPERATIONS = 1000;

export function documentCache(): InMemoryLRUCache<DocumentNode> {
  return new InMemoryLRUCache<DocumentNode>({ max: MAX_CACHED_OPERATIONS });
}

export function queryPlanCache(): QueryPlanCache {
  return new InMemoryLRUCache({ max: MAX_CACHED_OPERATIONS }) as QueryPlanCache;
}
