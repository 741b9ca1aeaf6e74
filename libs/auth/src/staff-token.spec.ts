import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { verifyStaffToken, type StaffTokenConfig } from './staff-token.js';

const SECRET = 'staff-secret-for-tests-0123456789abcdef';
const hs256: StaffTokenConfig = { jwtSecret: SECRET };

function staffToken(claims: Record<string, unknown> = {}, expiresIn = '1h', header: { alg: string; kid?: string } = { alg: 'HS256' }) {
  return new SignJWT({ roles: ['AGENT'], name: 'Alice Agent', email: 'alice@example.com', ...claims })
    .setProtectedHeader(header).setSubject('alice').setIssuedAt().setExpirationTime(expiresIn);
}
const sign = (jwt: SignJWT, secret = SECRET) => jwt.sign(new TextEncoder().encode(secret));

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

  it.each([
    ['signed with another secret', () => sign(staffToken(), 'another-secret-0123456789abcdef0123456')],
    ['expired', () => sign(staffToken({}, '-1s'))],
    ['without exp', () => sign(new SignJWT({ roles: ['AGENT'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('alice'))],
    ['without sub', () => sign(new SignJWT({ roles: ['AGENT'] }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h'))],
    ['garbage', async () => 'not.a.jwt'],
  ])('refuses a token %s as UNAUTHENTICATED', async (_, token) => {
    await expect(verifyStaffToken(await token(), hs256)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('checks iss and aud when they are configured', async () => {
    const config = { ...hs256, jwtIssuer: 'https://idp.example.com', jwtAudience: 'redress' };
    const right = await sign(staffToken().setIssuer('https://idp.example.com').setAudience('redress'));
    const wrongIssuer = await sign(staffToken().setIssuer('https://evil.example.com').setAudience('redress'));
    const noAudience = await sign(staffToken().setIssuer('https://idp.example.com'));
    await expect(verifyStaffToken(right, config)).resolves.toMatchObject({ sub: 'alice' });
    await expect(verifyStaffToken(wrongIssuer, config)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifyStaffToken(noAudience, config)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('verifyStaffToken (RS256 through JWT_JWKS_URL)', () => {
  let server: Server;
  let config: StaffTokenConfig;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    server = createServer((_, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    config = { ...hs256, jwtJwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json` };
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('accepts a token signed by the identity provider', async () => {
    const token = await staffToken({ roles: ['QA'] }, '1h', { alg: 'RS256', kid: 'key-1' }).sign(privateKey);
    await expect(verifyStaffToken(token, config)).resolves.toMatchObject({ sub: 'alice', roles: ['QA'] });
  });

  it('refuses an RS256 token signed by another key', async () => {
    const other = await generateKeyPair('RS256');
    const token = await staffToken({}, '1h', { alg: 'RS256', kid: 'key-1' }).sign(other.privateKey);
    await expect(verifyStaffToken(token, config)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('still accepts HS256 tokens signed with JWT_SECRET', async () => {
    await expect(verifyStaffToken(await sign(staffToken()), config)).resolves.toMatchObject({ sub: 'alice' });
  });
});
