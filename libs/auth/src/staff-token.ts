import type { RedressConfig } from '@redress/config';
import { Unauthenticated } from '@redress/errors';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { rolesFromClaim, type Identity } from './identity.js';
import { secretKey } from './secret-key.js';

export type StaffTokenConfig = Pick<RedressConfig, 'jwtSecret' | 'jwtJwksUrl' | 'jwtIssuer' | 'jwtAudience'> & Partial<Pick<RedressConfig, 'jwtRolesClaim'>>;

/** How the identity provider's keys are cached (JWT_JWKS_URL). */
export interface JwksPolicy {
  /** Keys are refetched at the latest after this long, so a revoked key stops working. */
  cacheMaxAgeMs: number;
  /**
   * A token naming an unknown `kid` triggers a refetch (key rotation), but at most once per cooldown:
   * a flood of forged `kid`s cannot turn the gateway into a load generator against the provider.
   */
  cooldownMs: number;
  /** A provider that does not answer by then fails the verification instead of holding the request. */
  timeoutMs: number;
}

export const DEFAULT_JWKS_POLICY: JwksPolicy = { cacheMaxAgeMs: 10 * 60_000, cooldownMs: 30_000, timeoutMs: 5_000 };

/** Tolerated clock difference between the identity provider and the gateway for `exp` and `nbf`. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Verifies staff JWTs: HS256 with JWT_SECRET, or RS256 with the identity provider's keys when
 * JWT_JWKS_URL is set. The algorithm is pinned per key: HS256 only ever meets JWT_SECRET and RS256 only
 * the provider's public keys, so neither `alg: none` nor an HS256 token "signed" with the public key
 * (algorithm confusion) can pass. `exp` and `sub` are required; `nbf` is honoured; `iss`/`aud` are
 * checked when configured.
 */
export class StaffTokenVerifier {
  private readonly jwks?: JWTVerifyGetKey;

  constructor(private readonly config: StaffTokenConfig, policy: JwksPolicy = DEFAULT_JWKS_POLICY) {
    if (config.jwtJwksUrl) {
      this.jwks = createRemoteJWKSet(new URL(config.jwtJwksUrl), {
        cacheMaxAge: policy.cacheMaxAgeMs,
        cooldownDuration: policy.cooldownMs,
        timeoutDuration: policy.timeoutMs,
      });
    }
  }

  async verify(token: string): Promise<Identity> {
    const jwks = this.jwks;
    const key: JWTVerifyGetKey = (header, jws) => (header.alg === 'RS256' && jwks ? jwks(header, jws) : secretKey(this.config.jwtSecret));
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, {
        algorithms: jwks ? ['HS256', 'RS256'] : ['HS256'],
        issuer: this.config.jwtIssuer,
        audience: this.config.jwtAudience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch {
      throw new Unauthenticated('The token is invalid or has expired');
    }
    return {
      sub: payload.sub!,
      roles: rolesFromClaim(claimAt(payload, this.config.jwtRolesClaim ?? 'roles')),
      anonymous: false,
      ...(typeof payload.name === 'string' && { name: payload.name }),
      ...(typeof payload.email === 'string' && { email: payload.email }),
    };
  }
}

/**
 * The value at a claim name or dotted path: identity providers put roles in different places
 * (`roles` in Entra ID, `realm_access.roles` in Keycloak, `groups` or a custom claim in Okta).
 * A claim whose own name contains dots (a namespaced URL claim) is found by its full name first.
 */
export function claimAt(payload: JWTPayload, path: string): unknown {
  if (path in payload) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const verifiers = new WeakMap<StaffTokenConfig, StaffTokenVerifier>();

/** One verifier (and so one key cache) per configuration object. */
export function verifyStaffToken(token: string, config: StaffTokenConfig): Promise<Identity> {
  let verifier = verifiers.get(config);
  if (!verifier) {
    verifier = new StaffTokenVerifier(config);
    verifiers.set(config, verifier);
  }
  return verifier.verify(token);
}
