import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { Unauthenticated } from '@redress/errors';

/** What a customer link lets its holder do: answer one proposal, or the satisfaction survey of one cycle. */
export type LinkPurpose = 'RESPOND' | 'FEEDBACK';

export interface LinkClaims {
  purpose: LinkPurpose;
  complaintId: string;
  /** RESPOND: the proposal the customer decides on. */
  proposalId?: string;
  /** FEEDBACK: the cycle the survey asks about. */
  cycle?: number;
  /** The token's own id: a link works once (see used-links.ts). */
  tokenId: string;
  expiresAt: Date;
}

/** SPEC §5: a proposal link lasts 14 days, a survey link 30. */
export const LINK_LIFETIME_DAYS: Record<LinkPurpose, number> = { RESPOND: 14, FEEDBACK: 30 };

const ISSUER = 'redress-resolution';
const AUDIENCE = 'redress-customer-link';
const DAY_MS = 86_400_000;

const keys = new Map<string, Uint8Array>();
function keyOf(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = new TextEncoder().encode(secret)));
  return key;
}

/**
 * A compact HS256 JWS signed with LINK_SECRET: only base64url characters and dots, so it travels in a
 * URL as it is (SPEC §5: `[A-Za-z0-9._~-]`).
 */
export async function signLinkToken(claims: Omit<LinkClaims, 'tokenId' | 'expiresAt'>, secret: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_DAYS[claims.purpose] * DAY_MS);
  const token = await new SignJWT({
    pur: claims.purpose, cid: claims.complaintId,
    ...(claims.proposalId !== undefined && { pid: claims.proposalId }), ...(claims.cycle !== undefined && { cyc: claims.cycle }),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(keyOf(secret));
  return { token, expiresAt };
}

/** The claims of a genuine, unexpired link for `purpose`; anything else is UNAUTHENTICATED (the link is the credential). */
export async function verifyLinkToken(token: string, purpose: LinkPurpose, secret: string, now = new Date()): Promise<LinkClaims> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, currentDate: now, requiredClaims: ['jti', 'exp'],
    });
    if (payload.pur !== purpose || typeof payload.cid !== 'string') throw new Error('a link for something else');
    return {
      purpose, complaintId: payload.cid, tokenId: payload.jti!, expiresAt: new Date(payload.exp! * 1000),
      ...(typeof payload.pid === 'string' && { proposalId: payload.pid }), ...(typeof payload.cyc === 'number' && { cycle: payload.cyc }),
    };
  } catch {
    throw new Unauthenticated('This link is not valid or has expired');
  }
}
