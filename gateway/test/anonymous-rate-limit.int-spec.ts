import { loadConfig } from '@redress/config';
import { randomUUID } from 'node:crypto';
import { AnonymousRateLimiter, RedisHitCounter } from '../src/limits/anonymous-rate-limiter.js';
import { rateLimitRedis } from '../src/limits/rate-limit-redis.js';

// Two gateway replicas, each with its own Redis connection, share one budget per client.
const config = loadConfig({});
const logger = { log() {}, warn() {}, error() {} };
const prefix = `gateway-rate-test-${randomUUID()}`;

describe('anonymous rate limits in Redis', () => {
  const replicaA = rateLimitRedis(config);
  const replicaB = rateLimitRedis(config);
  const ready = (redis: typeof replicaA) => (redis.status === 'ready' ? Promise.resolve() : new Promise((resolve) => redis.once('ready', resolve)));
  beforeAll(() => Promise.all([ready(replicaA), ready(replicaB)]));
  afterAll(async () => {
    const keys = await replicaA.keys(`${prefix}:*`);
    if (keys.length) await replicaA.del(...keys);
    replicaA.disconnect();
    replicaB.disconnect();
  });

  it('counts a client across replicas and refuses the request beyond the budget', async () => {
    const limit = { requests: 4, windowSeconds: 30 };
    const a = new AnonymousRateLimiter(new RedisHitCounter(replicaA, prefix), limit, logger);
    const b = new AnonymousRateLimiter(new RedisHitCounter(replicaB, prefix), limit, logger);
    const answers = [];
    for (const limiter of [a, b, a, b, a, b]) answers.push((await limiter.refusal('198.51.100.4', ['trackComplaint']))?.extensions.code ?? 'ok');
    expect(answers).toEqual(['ok', 'ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(await a.refusal('198.51.100.5', ['trackComplaint'])).toBeNull();
  });

  it('lets the key expire with its window', async () => {
    const keys = await replicaA.keys(`${prefix}:rate-limit:trackComplaint:198.51.100.4:*`);
    expect(keys).toHaveLength(1);
    const ttl = await replicaA.pttl(keys[0]);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });

  it('fails open, quickly, when Redis cannot be reached', async () => {
    const unreachable = rateLimitRedis({ redisUrl: 'redis://127.0.0.1:1' });
    try {
      const limiter = new AnonymousRateLimiter(new RedisHitCounter(unreachable, prefix), { requests: 1, windowSeconds: 30 }, logger);
      const started = Date.now();
      for (let i = 0; i < 3; i += 1) expect(await limiter.refusal('198.51.100.6', ['submitComplaint'])).toBeNull();
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      unreachable.disconnect();
    }
  });
});
