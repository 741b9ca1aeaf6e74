import type { RedressConfig } from '@redress/config';
import { Unauthenticated } from '@redress/errors';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { rolesFromClaim, type Identity } from './identity.js';
import { secretKey } from './secret-key.js';

export type StaffTokenConfig = Pick<RedressConfig, 'jwtSecret' | 'jwtJwksUrl' | 'jwtIssuer' | 'jwtAudience'>;

const keySets = new Map<string, JWTVerifyGetKey>();

/** jose caches the provider's keys and refetches them when a token names an unknown `kid`. */
function remoteKeySet(url: string): JWTVerifyGetKey {
  let keySet = keySets.get(url);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(url));
    keySets.set(url, keySet);
  }
  return keySet;
}

/**
 * Verifies a staff JWT: HS256 with JWT_SECRET, or RS256 with the identity provider's keys when
 * JWT_JWKS_URL is set. Each algorithm has its own key, so an RS256 public key can never be used
 * as an HMAC secret. `iss`/`aud` are checked when configured; `exp` and `sub` are required.
 */
export async function verifyStaffToken(token: string, config: StaffTokenConfig): Promise<Identity> {
  const jwks = config.jwtJwksUrl ? remoteKeySet(config.jwtJwksUrl) : undefined;
  const key: JWTVerifyGetKey = (header, jws) => (header.alg === 'HS256' || !jwks ? secretKey(config.jwtSecret) : jwks(header, jws));
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: jwks ? ['HS256', 'RS256'] : ['HS256'],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      requiredClaims: ['exp', 'sub'],
    }));
  } catch {
    throw new Unauthenticated('The token is invalid or has expired');
  }
  return {
    sub: payload.sub!,
    roles: rolesFromClaim(payload.roles),
    anonymous: false,
    ...(typeof payload.name === 'string' && { name: payload.name }),
    ...(typeof payload.email === 'string' && { email: payload.email }),
  };
}
