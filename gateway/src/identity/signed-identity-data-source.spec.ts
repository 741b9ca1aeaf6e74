import { ANONYMOUS, IDENTITY_HEADER, verifyIdentity, type Identity } from '@redress/auth';
import { SignedIdentityDataSource, type GatewayContext } from './signed-identity-data-source.js';

const SECRET = 'internal-secret-for-gateway-tests-0123456789';
const source = new SignedIdentityDataSource('http://intake:4001/graphql', SECRET);
// The values of @apollo/gateway's GraphQLDataSourceRequestKind, which it does not export.
const Kind = { INCOMING_OPERATION: 'incoming operation', LOADING_SCHEMA: 'loading schema', HEALTH_CHECK: 'health check' } as const;
type RequestKind = (typeof Kind)[keyof typeof Kind];
const alice: Identity = { sub: 'alice', roles: ['AGENT'], anonymous: false };

async function send(kind: RequestKind, context: Partial<GatewayContext>) {
  const headers = new Map<string, string>();
  const request = { query: '{ __typename }', http: { method: 'POST', url: 'http://intake:4001/graphql', headers } };
  await source.willSendRequest({ kind, request, context } as never);
  return headers;
}

describe('SignedIdentityDataSource', () => {
  it("signs the caller's identity and forwards the correlation id on every operation", async () => {
    const headers = await send(Kind.INCOMING_OPERATION, { identity: alice, correlationId: 'corr-000111' });
    expect(headers.get('x-correlation-id')).toBe('corr-000111');
    await expect(verifyIdentity(headers.get(IDENTITY_HEADER), SECRET)).resolves.toEqual({ identity: alice, correlationId: 'corr-000111' });
  });

  it("signs an anonymous identity for the gateway's own schema fetches and health checks", async () => {
    for (const kind of [Kind.LOADING_SCHEMA, Kind.HEALTH_CHECK]) {
      const headers = await send(kind, {});
      const { identity } = await verifyIdentity(headers.get(IDENTITY_HEADER), SECRET);
      expect(identity).toEqual(ANONYMOUS);
      expect(headers.get('x-correlation-id')).toEqual(expect.any(String));
    }
  });

  it('signs once per incoming request, however many subgraph fetches it needs', async () => {
    const context: Partial<GatewayContext> = { identity: alice, correlationId: 'corr-000222' };
    const first = await send(Kind.INCOMING_OPERATION, context);
    const second = await send(Kind.INCOMING_OPERATION, context);
    expect(second.get(IDENTITY_HEADER)).toBe(first.get(IDENTITY_HEADER));
  });

  it("keeps the message and code of a subgraph's GraphQL error answered with HTTP 400", async () => {
    const body = { errors: [{ message: 'Variable "$at" got invalid value', extensions: { code: 'BAD_USER_INPUT' } }] };
    const error = await source.errorFromResponse(new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/json' } }) as never);
    expect(error.message).toBe('Variable "$at" got invalid value');
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('does not blame the caller when a subgraph refuses the gateway (INTERNAL_SECRET mismatch)', async () => {
    const body = { errors: [{ message: 'Requests must come through the gateway', extensions: { code: 'UNAUTHENTICATED' } }] };
    const error = await source.errorFromResponse(new Response(JSON.stringify(body), { status: 401, headers: { 'content-type': 'application/json' } }) as never);
    expect(error.extensions.code).toBe('SUBGRAPH_REFUSED_GATEWAY');
  });
});
