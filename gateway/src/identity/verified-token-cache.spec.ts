import type { Identity } from '@redress/auth';
import { VerifiedTokenCache } from './verified-token-cache.js';

const staff: Identity = { sub: 'alice', roles: ['AGENT'], anonymous: false };

function tokenExpiringAt(seconds: number | undefined, marker = 'x'): string {
  const payload = Buffer.from(JSON.stringify({ sub: 'alice', ...(seconds !== undefined && { exp: seconds }), marker })).toString('base64url');
  return `header.${payload}.signature`;
}

function counting(result: () => Promise<Identity>) {
  const verifier = { calls: 0, verify: async () => { verifier.calls += 1; return result(); } };
  return verifier;
}

describe('VerifiedTokenCache', () => {
  it('verifies a token once while it is valid', async () => {
    let now = 1_000_000;
    const verifier = counting(async () => ({ ...staff }));
    const cache = new VerifiedTokenCache(verifier, 10, () => now);
    const token = tokenExpiringAt(now / 1000 + 60);
    expect(await cache.verify(token)).toEqual(staff);
    now += 30_000;
    expect(await cache.verify(token)).toEqual(staff);
    expect(verifier.calls).toBe(1);
  });

  it('checks again once the token has expired, so an expired token is refused', async () => {
    let now = 1_000_000;
    let valid = true;
    const verifier = counting(async () => {
      if (!valid) throw new Error('"exp" claim timestamp check failed');
      return { ...staff };
    });
    const cache = new VerifiedTokenCache(verifier, 10, () => now);
    const token = tokenExpiringAt(now / 1000 + 60);
    await cache.verify(token);
    now += 61_000;
    valid = false;
    await expect(cache.verify(token)).rejects.toThrow('exp');
    expect(verifier.calls).toBe(2);
  });

  it('trusts a long-lived token for five minutes at most', async () => {
    let now = 1_000_000;
    const verifier = counting(async () => ({ ...staff }));
    const cache = new VerifiedTokenCache(verifier, 10, () => now);
    const token = tokenExpiringAt(now / 1000 + 12 * 3600);
    await cache.verify(token);
    now += 5 * 60_000 + 1;
    await cache.verify(token);
    expect(verifier.calls).toBe(2);
  });

  it('never caches a refusal or a token without expiry', async () => {
    const refusing = counting(async () => { throw new Error('signature verification failed'); });
    const cache = new VerifiedTokenCache(refusing, 10, () => 0);
    await expect(cache.verify(tokenExpiringAt(60))).rejects.toThrow();
    await expect(cache.verify(tokenExpiringAt(60))).rejects.toThrow();
    expect(refusing.calls).toBe(2);
    const accepting = counting(async () => ({ ...staff }));
    const noExpiry = new VerifiedTokenCache(accepting, 10, () => 0);
    await noExpiry.verify(tokenExpiringAt(undefined));
    await noExpiry.verify(tokenExpiringAt(undefined));
    expect(accepting.calls).toBe(2);
  });

  it('keeps at most maxEntries tokens, dropping the least recently used', async () => {
    const verifier = counting(async () => ({ ...staff }));
    const cache = new VerifiedTokenCache(verifier, 2, () => 0);
    const [a, b, c] = ['a', 'b', 'c'].map((m) => tokenExpiringAt(60, m));
    await cache.verify(a);
    await cache.verify(b);
    await cache.verify(a); // a is now the most recent
    await cache.verify(c); // evicts b
    expect(verifier.calls).toBe(3);
    await cache.verify(a);
    expect(verifier.calls).toBe(3);
    await cache.verify(b);
    expect(verifier.calls).toBe(4);
  });

  it('hands out an identity nobody can alter for the next request', async () => {
    const cache = new VerifiedTokenCache(counting(async () => ({ ...staff })), 10, () => 0);
    const identity = await cache.verify(tokenExpiringAt(60));
    expect(Object.isFrozen(identity)).toBe(true);
  });
});
