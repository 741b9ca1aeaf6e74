import { SignJWT, exportSPKI, generateKeyPair, importJWK, type CryptoKey } from 'jose';
import { DEV_SECRETS } from '@redress/config';
import { E2E, gatewayUrl } from './support/e2e-environment.js';
import { AUDIENCE, ISSUER, LocalIdentityProvider, hs256Token, staffClaims } from './support/security-identity-provider.js';
import { startSystem, stopSystem } from './support/system.js';

// Issue 3, deliverables 1 and 2: staff authentication at the gateway (HS256 and RS256 through a JWKS
// endpoint) and subgraphs that trust only the gateway — through the real gateway and services.
const idp = new LocalIdentityProvider();
const STAFF_QUERY = '{ complaints(first: 1) { totalCount } }';
const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const inSeconds = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;

beforeAll(async () => {
  await idp.start();
  await idp.rotateIn('key-1');
  await startSystem({ JWT_JWKS_URL: idp.jwksUrl, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE });
}, 150_000);
afterAll(async () => {
  await stopSystem();
  await idp.stop();
}, 30_000);

async function post(url: string, body: object, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
}
const asStaff = (token: string, query = STAFF_QUERY) => post(gatewayUrl, { query }, { authorization: `Bearer ${token}` });

describe('staff tokens at the gateway', () => {
  it('accepts an RS256 token from the identity provider and an HS256 token with JWT_SECRET', async () => {
    for (const token of [await idp.issue(['AGENT'], 'key-1'), await hs256Token(['QA'])]) {
      const { status, body } = await asStaff(token);
      expect(status).toBe(200);
      expect(body).toEqual({ data: { complaints: { totalCount: expect.any(Number) } } });
    }
  });

  const badTokens: [string, () => Promise<string>][] = [
    ['unsigned (alg none)', async () => `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'mallory', roles: ['ADMIN'], iss: ISSUER, aud: AUDIENCE, exp: inSeconds(600) })}.`],
    ["HS256 keyed with the provider's public key (HS/RS confusion)", async () => {
      const publicKey = (await importJWK(idp.keys[0], 'RS256', { extractable: true })) as CryptoKey;
      return staffClaims(['ADMIN']).setProtectedHeader({ alg: 'HS256', kid: 'key-1' }).sign(new TextEncoder().encode(await exportSPKI(publicKey)));
    }],
    ['RS256 signed by a key the provider never published', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      return staffClaims(['ADMIN']).setProtectedHeader({ alg: 'RS256', kid: 'key-1' }).sign(privateKey);
    }],
    ['expired two minutes ago', () => idp.issue(['AGENT'], 'key-1', (jwt) => jwt.setExpirationTime(inSeconds(-120)))],
    ['not valid until five minutes from now (nbf)', () => idp.issue(['AGENT'], 'key-1', (jwt) => jwt.setNotBefore(inSeconds(300)))],
    ['for another audience', () => idp.issue(['AGENT'], 'key-1', (jwt) => jwt.setAudience('payroll'))],
    ['from another issuer', () => idp.issue(['AGENT'], 'key-1', (jwt) => jwt.setIssuer('https://evil.example.com'))],
    ['HS256 with another secret', () => hs256Token(['ADMIN'], undefined, 'a-guessed-secret-that-is-long-enough-0000')],
    ['without an expiry', () => new SignJWT({ roles: ['AGENT'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer(ISSUER).setAudience(AUDIENCE)
      .sign(new TextEncoder().encode(DEV_SECRETS.JWT_SECRET))],
    ['that is not a JWT', async () => 'definitely-not-a-jwt'],
  ];

  it.each(badTokens)('refuses a token %s with HTTP 401 and UNAUTHENTICATED, and no data', async (_, token) => {
    const { status, body } = await asStaff(await token());
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const { status, body } = await post(gatewayUrl, { query: STAFF_QUERY }, { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` });
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("fetches the provider's keys once, and a flood of unknown key ids does not make it refetch", async () => {
    const token = await idp.issue(['MANAGER'], 'key-1');
    for (let i = 0; i < 10; i += 1) expect((await asStaff(token)).status).toBe(200);
    const fetchesBefore = idp.fetches;
    const { privateKey } = await generateKeyPair('RS256');
    for (let i = 0; i < 20; i += 1) {
      const forged = await staffClaims(['ADMIN']).setProtectedHeader({ alg: 'RS256', kid: `forged-${i}` }).sign(privateKey);
      expect((await asStaff(forged)).status).toBe(401);
    }
    expect(idp.fetches).toBe(1);
    expect(idp.fetches - fetchesBefore).toBe(0);
  });

  it('ignores an identity header sent by a client: only the gateway states who is calling', async () => {
    const { signIdentity } = await import('@redress/auth');
    const forgedWithTheRealSecret = await signIdentity({ sub: 'mallory', roles: ['ADMIN'], anonymous: false }, 'c', DEV_SECRETS.INTERNAL_SECRET);
    const { body } = await post(gatewayUrl, { query: STAFF_QUERY }, { 'x-redress-identity': forgedWithTheRealSecret });
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('subgraphs trust only the gateway', () => {
  const services = Object.entries(E2E.ports);
  const requests = [
    ['an operation', { query: '{ __typename }' }],
    ['the schema fetch (_service)', { query: '{ _service { sdl } }' }],
    ['an entity fetch (_entities)', { query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'Complaint', id: '00000000-0000-4000-8000-000000000000' }] } }],
  ] as const;

  async function identityHeaders(): Promise<[string, Record<string, string>][]> {
    const { signIdentity } = await import('@redress/auth');
    const internal = new TextEncoder().encode(DEV_SECRETS.INTERNAL_SECRET);
    const expired = await new SignJWT({ anon: false, roles: ['ADMIN'], cid: 'c' }).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory')
      .setIssuer('redress-gateway').setAudience('redress-subgraph').setIssuedAt(inSeconds(-300)).setExpirationTime(inSeconds(-240)).sign(internal);
    return [
      ['no identity', {}],
      ['a staff bearer token instead', { authorization: `Bearer ${await hs256Token(['ADMIN'])}` }],
      ['an identity signed with a guessed secret', { 'x-redress-identity': await signIdentity({ sub: 'mallory', roles: ['ADMIN'], anonymous: false }, 'c', 'guessed-internal-secret-000000000000000') }],
      ['a staff JWT in the identity header', { 'x-redress-identity': await hs256Token(['ADMIN']) }],
      ['an expired gateway identity', { 'x-redress-identity': expired }],
    ];
  }

  it.each(services)('%s refuses every direct call without a valid gateway identity (HTTP 401, UNAUTHENTICATED)', async (_, port) => {
    const url = `http://127.0.0.1:${port}/graphql`;
    for (const [headersName, headers] of await identityHeaders()) {
      for (const [requestName, body] of requests) {
        const { status, body: answer } = await post(url, body, headers);
        expect({ headersName, requestName, status, code: answer.errors?.[0]?.extensions?.code, data: answer.data })
          .toEqual({ headersName, requestName, status: 401, code: 'UNAUTHENTICATED', data: undefined });
      }
    }
    const viaGet = await fetch(`${url}?query=${encodeURIComponent('{ _service { sdl } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(viaGet.status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
  });
});
