import { Unauthenticated } from '@redress/errors';
import { SignJWT, jwtVerify } from 'jose';
import { rolesFromClaim, type Identity } from './identity.js';
import { secretKey } from './secret-key.js';

/** The header that carries the gateway's signed statement of who is calling. */
export const IDENTITY_HEADER = 'x-redress-identity';

const ISSUER = 'redress-gateway';
const AUDIENCE = 'redress-subgraph';
/** Long enough for one request (and a retry), short enough that a captured header is soon worthless. */
const LIFETIME_SECONDS = 60;

export interface VerifiedIdentity {
  identity: Identity;
  correlationId?: string;
}

/** A compact HS256 JWS over the identity, signed with INTERNAL_SECRET, for the `x-redress-identity` header. */
export function signIdentity(identity: Identity, correlationId: string, internalSecret: string): Promise<string> {
  const jwt = new SignJWT({
    anon: identity.anonymous,
    roles: identity.roles,
    ...(identity.name !== undefined && { name: identity.name }),
    ...(identity.email !== undefined && { email: identity.email }),
    cid: correlationId,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`);
  if (identity.sub !== null) jwt.setSubject(identity.sub);
  return jwt.sign(secretKey(internalSecret));
}

/** Checks signature, issuer, audience and expiry; anything wrong is UNAUTHENTICATED. */
export async function verifyIdentity(token: string | undefined, internalSecret: string): Promise<VerifiedIdentity> {
  if (!token) throw new Unauthenticated('Requests must come through the gateway');
  try {
    const { payload } = await jwtVerify(token, secretKey(internalSecret), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    const anonymous = payload.anon === true;
    const identity: Identity = {
      sub: anonymous ? null : (payload.sub ?? null),
      roles: anonymous ? [] : rolesFromClaim(payload.roles),
      anonymous,
      ...(typeof payload.name === 'string' && { name: payload.name }),
      ...(typeof payload.email === 'string' && { email: payload.email }),
    };
    if (!anonymous && identity.sub === null) throw new Error('a staff identity without sub');
    return { identity, correlationId: typeof payload.cid === 'string' ? payload.cid : undefined };
  } catch {
    throw new Unauthenticated('Requests must come through the gateway');
  }
}
