import type { LoggerService } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import type { AnonymousRateLimit } from '../config/request-limits-config.js';
import { clientKey } from './client-address.js';

/** Counts hits of a key within a window; shared by every gateway replica. */
export interface HitCounter {
  hit(key: string, windowMs: number): Promise<number>;
}

/** Fixed windows in Redis: one INCR per hit on a key that expires with its window. */
export class RedisHitCounter implements HitCounter {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  async hit(key: string, windowMs: number): Promise<number> {
    const window = Math.floor(Date.now() / windowMs);
    const redisKey = `${this.prefix}:rate-limit:${key}:${window}`;
    const results = await this.redis.multi().incr(redisKey).pexpire(redisKey, windowMs).exec();
    const [error, count] = results?.[0] ?? [new Error('no reply from Redis'), 0];
    if (error) throw error;
    return Number(count);
  }
}

/**
 * Per client and operation, anonymous requests beyond the budget of the window are refused with
 * RATE_LIMITED (HTTP 429, Retry-After). Staff are authenticated and not limited here. When Redis cannot
 * answer, requests pass and the outage is logged: customers keep reaching the complaint form.
 */
export class AnonymousRateLimiter {
  private lastOutageLog = 0;

  constructor(private readonly counter: HitCounter, private readonly limit: AnonymousRateLimit, private readonly logger: LoggerService) {}

  async refusal(clientAddress: string | undefined, operations: readonly string[]): Promise<GraphQLError | null> {
    if (this.limit.requests === 0) return null;
    const windowMs = this.limit.windowSeconds * 1000;
    const client = clientKey(clientAddress);
    for (const operation of new Set(operations)) {
      let count: number;
      try {
        count = await this.counter.hit(`${operation}:${client}`, windowMs);
      } catch (error) {
        this.logOutage(error as Error);
        return null;
      }
      if (count > this.limit.requests) return rateLimited(operation, windowMs);
    }
    return null;
  }

  private logOutage(error: Error): void {
    if (Date.now() - this.lastOutageLog < 60_000) return;
    this.lastOutageLog = Date.now();
    this.logger.warn({ msg: `anonymous rate limits not enforced: Redis did not answer (${error.message})` });
  }
}

function rateLimited(operation: string, windowMs: number): GraphQLError {
  const retryAfterSeconds = Math.max(1, Math.ceil((windowMs - (Date.now() % windowMs)) / 1000));
  return new GraphQLError(`Too many ${operation} requests; try again in ${retryAfterSeconds} s`, {
    extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } },
  });
}
