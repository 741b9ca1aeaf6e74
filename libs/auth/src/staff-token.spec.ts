import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { StaffTokenVerifier, verifyStaffToken, type StaffTokenConfig } from './staff-token.js';

const SECRET = 'staff-secret-for-tests-0123456789abcdef';
const hs256: StaffTokenConfig = { jwtSecret: SECRET };
const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const inSeconds = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;

function staffToken(claims: Record<string, unknown> = {}, expiresIn: string | number = '1h', header: { alg: string; kid?: string } = { alg: 'HS256' }) {
  return new SignJWT({ roles: ['AGENT'], name: 'Alice Agent', email: 'alice@example.com', ...claims })
    .setProtectedHeader(header).setSubject('alice').setIssuedAt().setExpirationTime(expiresIn);
}
const sign = (jwt: SignJWT, secret: string | Uint8Array = SECRET) => jwt.sign(typeof secret === 'string' ? new TextEncoder().encode(secret) : secret);

describe('verifyStaffToken (HS256)', () => {
  it('reads sub, name, email and roles', async () => {
    await expect(verifyStaffToken(await sign(staffToken()), hs256)).resolves.toEqual({
      sub: 'alice', name: 'Alice Agent', email: 'alice@example.com', roles: ['AGENT'], anonymous: false,
    });
  });

  it('ignores roles it does not know', async () => {
    const identity = await verifyStaffToken(await sign(staffToken({ roles: ['MANAGER', 'GOD_MODE'] })), hs256);
    expect(identity.roles).toEqual(['MANAGER']);
  });

  it('reads roles where the identity provider puts them (JWT_ROLES_CLAIM): a dotted path or a namespaced claim', async () => {
    const keycloak = await sign(staffToken({ roles: undefined, realm_access: { roles: ['MANAGER', 'offline_access'] } }));
    const namespaced = await sign(staffToken({ roles: undefined, 'https://redress.example.com/roles': ['QA'] }));
    await expect(verifyStaffToken(keycloak, { ...hs256, jwtRolesClaim: 'realm_access.roles' })).resolves.toMatchObject({ roles: ['MANAGER'] });
    await expect(verifyStaffToken(namespaced, { ...hs256, jwtRolesClaim: 'https://redress.example.com/roles' })).resolves.toMatchObject({ roles: ['QA'] });
    await expect(verifyStaffToken(keycloak, hs256)).resolves.toMatchObject({ roles: [] });
  });

  it.each([
    ['signed with another secret', () => sign(staffToken(), 'another-secret-0123456789abcdef0123456')],
    ['expired a minute ago (beyond the clock tolerance)', () => sign(staffToken({}, inSeconds(-60)))],
    ['not valid before five minutes from now (nbf)', () => sign(staffToken().setNotBefore(inSeconds(300)))],
    ['without exp', () => sign(new SignJWT({ roles: ['AGENT'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('alice'))],
    ['without sub', () => sign(new SignJWT({ roles: ['AGENT'] }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h'))],
    ['unsigned (alg none)', async () => `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'mallory', roles: ['ADMIN'], exp: inSeconds(3600) })}.`],
    ['signed with HS512 (algorithm not pinned)', () => sign(staffToken({}, '1h', { alg: 'HS512' }), `${SECRET}${SECRET}`)],
    ['garbage', async () => 'not.a.jwt'],
  ])('refuses a token %s as UNAUTHENTICATED', async (_, token) => {
    await expect(verifyStaffToken(await token(), hs256)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('tolerates a few seconds of clock difference with the identity provider', async () => {
    await expect(verifyStaffToken(await sign(staffToken({}, inSeconds(-5))), hs256)).resolves.toMatchObject({ sub: 'alice' });
    await expect(verifyStaffToken(await sign(staffToken().setNotBefore(inSeconds(5))), hs256)).resolves.toMatchObject({ sub: 'alice' });
  });

  it('checks iss and aud when they are configured', async () => {
    const config = { ...hs256, jwtIssuer: 'https://idp.example.com', jwtAudience: 'redress' };
    const right = await sign(staffToken().setIssuer('https://idp.example.com').setAudience('redress'));
    const wrongIssuer = await sign(staffToken().setIssuer('https://evil.example.com').setAudience('redress'));
    const wrongAudience = await sign(staffToken().setIssuer('https://idp.example.com').setAudience('another-app'));
    const noAudience = await sign(staffToken().setIssuer('https://idp.example.com'));
    await expect(verifyStaffToken(right, config)).resolves.toMatchObject({ sub: 'alice' });
    for (const token of [wrongIssuer, wrongAudience, noAudience]) {
      await expect(verifyStaffToken(token, config)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('refuses RS256 tokens when no identity provider is configured', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await staffToken({}, '1h', { alg: 'RS256' }).sign(privateKey);
    await expect(verifyStaffToken(token, hs256)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

/** A local identity provider's JWKS endpoint that counts how often it is asked. */
class JwksServer {
  readonly keys: JWK[] = [];
  fetches = 0;
  delayMs = 0;
  private server!: Server;
  url = '';

  async start() {
    this.server = createServer((_, res) => {
      this.fetches += 1;
      setTimeout(() => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: this.keys })), this.delayMs);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks.json`;
  }

  async publish(kid: string): Promise<CryptoKey> {
    const pair = await generateKeyPair('RS256');
    this.keys.push({ ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' });
    return pair.privateKey;
  }

  stop() {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(resolve));
  }
}

describe('StaffTokenVerifier (RS256 through JWT_JWKS_URL)', () => {
  const idp = new JwksServer();
  let config: StaffTokenConfig;
  let key1: CryptoKey;
  const rs256 = (kid: string, claims: Record<string, unknown> = {}) => staffToken(claims, '1h', { alg: 'RS256', kid });

  beforeAll(async () => {
    await idp.start();
    key1 = await idp.publish('key-1');
    config = { ...hs256, jwtJwksUrl: idp.url };
  });
  afterAll(() => idp.stop());

  it('accepts a token signed by the identity provider', async () => {
    const token = await rs256('key-1', { roles: ['QA'] }).sign(key1);
    await expect(new StaffTokenVerifier(config).verify(token)).resolves.toMatchObject({ sub: 'alice', roles: ['QA'] });
  });

  it('refuses an RS256 token signed by another key', async () => {
    const other = await generateKeyPair('RS256');
    const token = await rs256('key-1').sign(other.privateKey);
    await expect(new StaffTokenVerifier(config).verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it("refuses an HS256 token keyed with the provider's public key (algorithm confusion)", async () => {
    const publicJwk = idp.keys[0];
    const { importJWK } = await import('jose');
    const publicPem = await exportSPKI((await importJWK(publicJwk, 'RS256', { extractable: true })) as CryptoKey);
    const verifier = new StaffTokenVerifier(config);
    for (const secret of [new TextEncoder().encode(publicPem), new TextEncoder().encode(JSON.stringify(publicJwk))]) {
      const forged = await sign(staffToken({ roles: ['ADMIN'] }, '1h', { alg: 'HS256', kid: 'key-1' }), secret);
      await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('still accepts HS256 tokens signed with JWT_SECRET (development and service accounts)', async () => {
    await expect(new StaffTokenVerifier(config).verify(await sign(staffToken()))).resolves.toMatchObject({ sub: 'alice' });
  });

  it('fetches the keys once and serves later tokens from its cache', async () => {
    const verifier = new StaffTokenVerifier(config);
    const before = idp.fetches;
    const token = await rs256('key-1').sign(key1);
    await Promise.all(Array.from({ length: 20 }, () => verifier.verify(token)));
    for (let i = 0; i < 5; i += 1) await verifier.verify(token);
    expect(idp.fetches - before).toBe(1);
  });

  it('refetches at most once per cooldown for unknown key ids, then picks up a rotated key', async () => {
    const verifier = new StaffTokenVerifier(config, { cacheMaxAgeMs: 60_000, cooldownMs: 400, timeoutMs: 1_000 });
    await verifier.verify(await rs256('key-1').sign(key1));
    const afterFirstFetch = idp.fetches;

    for (let i = 0; i < 15; i += 1) {
      const forged = await rs256(`forged-${i}`).sign(key1);
      await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    expect(idp.fetches).toBe(afterFirstFetch); // inside the cooldown: no refetch at all

    const key2 = await idp.publish('key-2');
    await new Promise((resolve) => setTimeout(resolve, 450));
    const rotated = await rs256('key-2').sign(key2);
    await expect(verifier.verify(rotated)).resolves.toMatchObject({ sub: 'alice' });
    await Promise.all(Array.from({ length: 10 }, async (_, i) => verifier.verify(await rs256(`forged-again-${i}`).sign(key2)).catch(() => undefined)));
    expect(idp.fetches - afterFirstFetch).toBe(1);
  });

  it('answers UNAUTHENTICATED, not a hung request, when the provider does not answer in time', async () => {
    const verifier = new StaffTokenVerifier(config, { cacheMaxAgeMs: 60_000, cooldownMs: 0, timeoutMs: 200 });
    idp.delayMs = 2_000;
    try {
      const started = Date.now();
      await expect(verifier.verify(await rs256('key-1').sign(key1))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      idp.delayMs = 0;
    }
  });
});
