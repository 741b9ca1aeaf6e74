import { loadConfig } from '@redress/config';
import { correlation } from '@redress/observability';
import type { ServerResponse } from 'node:http';
import { ANONYMOUS, type Identity } from './identity.js';
import { IDENTITY_HEADER, signIdentity } from './identity-token.js';
import { IdentityMiddleware, type RequestWithIdentity } from './identity.middleware.js';

const config = loadConfig({});
const middleware = new IdentityMiddleware(config);

class ResponseFake {
  statusCode = 200;
  body = '';
  headers: Record<string, string> = {};
  setHeader(name: string, value: string) { this.headers[name] = value; }
  end(body: string) { this.body = body; }
}

async function call(headers: Record<string, string>) {
  const req = { headers } as unknown as RequestWithIdentity;
  const res = new ResponseFake();
  let seen: { identity?: Identity; correlationId?: string } | undefined;
  await middleware.use(req, res as unknown as ServerResponse, () => { seen = { identity: req.identity, correlationId: correlation.id() }; });
  return { res, seen };
}

describe('IdentityMiddleware', () => {
  it('refuses a request without the signed identity with a GraphQL-shaped 401', async () => {
    const { res, seen } = await call({});
    expect(seen).toBeUndefined();
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('refuses an identity signed with another secret', async () => {
    const forged = await signIdentity({ sub: 'mallory', roles: ['ADMIN'], anonymous: false }, 'c', 'not-the-internal-secret-0123456789abcdef');
    const { res, seen } = await call({ [IDENTITY_HEADER]: forged });
    expect(seen).toBeUndefined();
    expect(res.statusCode).toBe(401);
  });

  it('attaches the identity and runs the request under the correlation id', async () => {
    const token = await signIdentity(ANONYMOUS, 'corr-from-gateway', config.internalSecret);
    const { seen } = await call({ [IDENTITY_HEADER]: token, 'x-correlation-id': 'corr-from-gateway' });
    expect(seen).toEqual({ identity: ANONYMOUS, correlationId: 'corr-from-gateway' });
  });
});
