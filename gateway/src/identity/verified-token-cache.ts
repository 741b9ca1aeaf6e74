import type { Identity, StaffTokenVerifier } from '@redress/auth';

/** How long a verified token is trusted without checking again, at most (its own expiry comes first). */
const MAX_TRUST_MS = 5 * 60_000;

interface Verified {
  identity: Identity;
  until: number;
}

/**
 * Remembers staff tokens already verified, until they expire (and at most five minutes, so a key
 * withdrawn from the JWKS stops being honoured soon), so a client's every request does not pay for the
 * signature check again. Bounded: the least recently used token goes first. Failures are not cached.
 */
export class VerifiedTokenCache implements Pick<StaffTokenVerifier, 'verify'> {
  private readonly verified = new Map<string, Verified>();

  constructor(
    private readonly verifier: Pick<StaffTokenVerifier, 'verify'>,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(token: string): Promise<Identity> {
    const known = this.verified.get(token);
    if (known) {
      this.verified.delete(token);
      if (known.until > this.now()) {
        this.verified.set(token, known); // most recently used last
        return known.identity;
      }
    }
    const identity = Object.freeze(await this.verifier.verify(token));
    const expiresAt = expiryOf(token);
    if (expiresAt !== undefined) {
      if (this.verified.size >= this.maxEntries) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(token, { identity, until: Math.min(expiresAt, this.now() + MAX_TRUST_MS) });
    }
    return identity;
  }
}

/** The `exp` of a token the verifier accepted (ms), or undefined when it has none. */
function expiryOf(token: string): number | undefined {
  try {
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
