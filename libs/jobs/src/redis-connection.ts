import { Redis } from 'ioredis';
import type { RedressConfig } from '@redress/config';

/** BullMQ workers block on Redis, so their connection must never give up on a request. */
export function createRedisConnection(config: Pick<RedressConfig, 'redisUrl'>, name: string): Redis {
  return new Redis(config.redisUrl, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectionName: name,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  });
}
