import { Unauthenticated } from '@redress/errors';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { rolesFromClaim, type Identity } from './identity.js';
import { secretKey } from './secret-key.js';

/** The header that carries the gateway's signed statement of who is calling. */
export const IDENTITY_HEADER = 'x-redress-identity';

const ISSUER = 'redress-gateway';
const AUDIENCE = 'redress-subgraph';
/** Long enough for one request (and a retry), short enough that a captured header is soon worthless. */
const LIFETIME_SECONDS = 60;
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export interface VerifiedIdentity {
  identity: Identity;
  correlationId?: string;
}

/**
 * A compact HS256 JWS over the identity, signed with INTERNAL_SECRET, for the `x-redress-identity` header.
 * Signed and checked synchronously with node:crypto's HMAC, not through WebCrypto: every request through the
 * gateway signs one and every subgraph call checks one, and the asynchronous WebCrypto path cost the
 * gateway about a sixth of its CPU (docs/performance.md). Any JWT library verifies these tokens.
 */
export function signIdentity(identity: Identity, correlationId: string, internalSecret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    anon: identity.anonymous,
    roles: identity.roles,
    ...(identity.name !== undefined && { name: identity.name }),
    ...(identity.email !== undefined && { email: identity.email }),
    cid: correlationId,
    iss: ISSUER,
    aud: AUDIENCE,
    iat: now,
    exp: now + LIFETIME_SECONDS,
    ...(identity.sub !== null && { sub: identity.sub }),
  };
  const signingInput = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return Promise.resolve(`${signingInput}.${hmac(signingInput, internalSecret).toString('base64url')}`);
}

/** Checks signature, issuer, audience and expiry; anything wrong is UNAUTHENTICATED. */
export async function verifyIdentity(token: string | undefined, internalSecret: string): Promise<VerifiedIdentity> {
  if (!token) throw new Unauthenticated('Requests must come through the gateway');
  try {
    const payload = verifiedClaims(token, internalSecret);
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

function hmac(signingInput: string, internalSecret: string): Buffer {
  return createHmac('sha256', secretKey(internalSecret)).update(signingInput).digest();
}

interface IdentityClaims {
  anon?: unknown;
  roles?: unknown;
  name?: unknown;
  email?: unknown;
  cid?: unknown;
  sub?: string;
}

/** The claims of a well-formed HS256 token with a valid signature, issuer, audience and expiry; throws otherwise. */
function verifiedClaims(token: string, internalSecret: string): IdentityClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) throw new Error('not a compact JWS');
  const [header, body, signature] = parts;
  const protectedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown; crit?: unknown };
  if (protectedHeader.alg !== 'HS256' || protectedHeader.crit !== undefined) throw new Error('unexpected algorithm');
  const expected = hmac(`${header}.${body}`, internalSecret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error('bad signature');
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown> | null;
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new Error('claims are not an object');
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.iss !== ISSUER || !audience.includes(AUDIENCE)) throw new Error('wrong issuer or audience');
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= now) throw new Error('expired');
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > now)) throw new Error('not yet valid');
  if (claims.sub !== undefined && typeof claims.sub !== 'string') throw new Error('sub is not a string');
  return claims as IdentityClaims;
}
