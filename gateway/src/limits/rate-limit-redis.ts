import type { RedressConfig } from '@redress/config';
import { Redis } from 'ioredis';

/**
 * The gateway's Redis connection for rate limits: a command fails fast (never queued while Redis is
 * away), so a Redis outage costs a request a few milliseconds, not its answer.
 */
export function rateLimitRedis(config: Pick<RedressConfig, 'redisUrl'>): Redis {
  const redis = new Redis(config.redisUrl, {
    connectionName: 'gateway-rate-limits',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 500,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  });
  redis.on('error', () => undefined); // outages are reported by the rate limiter, once a minute
  return redis;
}
