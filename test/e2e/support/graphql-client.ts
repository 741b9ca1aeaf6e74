import { SignJWT } from 'jose';
import { DEV_SECRETS } from '@redress/config';
import type { Role } from '@redress/contracts';
import { gatewayUrl } from './e2e-environment.js';

export interface GraphqlResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A staff token as an identity provider would issue it (HS256 with the development JWT_SECRET). */
export async function staffToken(roles: Role[], sub = `staff-${roles.join('-').toLowerCase()}`): Promise<string> {
  return new SignJWT({ name: `Test ${roles.join(' ')}`, email: `${sub}@redress.local`, roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(DEV_SECRETS.JWT_SECRET));
}

/** POSTs one operation to the real gateway. */
export async function graphql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<T>> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlResponse<T>;
}

export function errorCodes(response: GraphqlResponse<unknown>): unknown[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}
