import { ANONYMOUS, type Identity, type StaffTokenVerifier } from '@redress/auth';
import { GraphQLError } from 'graphql';

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * Who is calling: no Authorization header → an anonymous customer; a valid staff token → that staff
 * member; anything else (malformed, expired, badly signed) → UNAUTHENTICATED, never silently anonymous.
 */
export async function callerIdentity(authorization: string | undefined, verifier: Pick<StaffTokenVerifier, 'verify'>): Promise<Identity> {
  if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!bearer) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  try {
    return await verifier.verify(bearer[1]);
  } catch (error) {
    throw unauthenticated((error as Error).message);
  }
}
