import { AnonymousRateLimiter, type HitCounter } from './anonymous-rate-limiter.js';

class HitCounterFake implements HitCounter {
  readonly counts = new Map<string, number>();
  failing = false;
  async hit(key: string): Promise<number> {
    if (this.failing) throw new Error('connection refused');
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count;
  }
}

const logger = { warnings: [] as unknown[], log() {}, error() {}, warn(message: unknown) { this.warnings.push(message); } };

describe('AnonymousRateLimiter', () => {
  it('refuses a client beyond its budget per operation with RATE_LIMITED, HTTP 429 and Retry-After', async () => {
    const limiter = new AnonymousRateLimiter(new HitCounterFake(), { requests: 2, windowSeconds: 60 }, logger);
    expect(await limiter.refusal('203.0.113.7', ['trackComplaint'])).toBeNull();
    expect(await limiter.refusal('203.0.113.7', ['trackComplaint'])).toBeNull();
    const refused = await limiter.refusal('203.0.113.7', ['trackComplaint']);
    expect(refused?.extensions.code).toBe('RATE_LIMITED');
    const http = refused?.extensions.http as { status: number; headers: Map<string, string> };
    expect(http.status).toBe(429);
    expect(Number(http.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('keeps budgets apart per client and per operation', async () => {
    const limiter = new AnonymousRateLimiter(new HitCounterFake(), { requests: 1, windowSeconds: 60 }, logger);
    expect(await limiter.refusal('203.0.113.7', ['trackComplaint'])).toBeNull();
    expect(await limiter.refusal('203.0.113.8', ['trackComplaint'])).toBeNull();
    expect(await limiter.refusal('203.0.113.7', ['submitComplaint'])).toBeNull();
    expect(await limiter.refusal('203.0.113.7', ['trackComplaint'])).not.toBeNull();
  });

  it('lets requests through, and says so once, while Redis does not answer', async () => {
    const counter = new HitCounterFake();
    counter.failing = true;
    const limiter = new AnonymousRateLimiter(counter, { requests: 1, windowSeconds: 60 }, logger);
    for (let i = 0; i < 5; i += 1) expect(await limiter.refusal('203.0.113.7', ['trackComplaint'])).toBeNull();
    expect(logger.warnings).toHaveLength(1);
  });

  it('does nothing when the limit is 0 (off)', async () => {
    const counter = new HitCounterFake();
    const limiter = new AnonymousRateLimiter(counter, { requests: 0, windowSeconds: 60 }, logger);
    expect(await limiter.refusal('203.0.113.7', ['trackComplaint'])).toBeNull();
    expect(counter.counts.size).toBe(0);
  });
});
