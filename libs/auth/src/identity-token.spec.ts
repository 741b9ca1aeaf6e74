import { jest } from '@jest/globals';
import { SignJWT, jwtVerify } from 'jose';
import { ANONYMOUS, type Identity } from './identity.js';
import { signIdentity, verifyIdentity } from './identity-token.js';

const SECRET = 'internal-secret-for-tests-0123456789abcdef';
const alice: Identity = { sub: 'alice', name: 'Alice Agent', email: 'alice@example.com', roles: ['AGENT', 'QA'], anonymous: false };

describe('identity token (gateway → subgraph)', () => {
  afterEach(() => jest.useRealTimers());

  it('carries the staff identity and the correlation id', async () => {
    const token = await signIdentity(alice, 'corr-1', SECRET);
    await expect(verifyIdentity(token, SECRET)).resolves.toEqual({ identity: alice, correlationId: 'corr-1' });
  });

  it('carries an anonymous identity too', async () => {
    const token = await signIdentity(ANONYMOUS, 'corr-2', SECRET);
    const { identity } = await verifyIdentity(token, SECRET);
    expect(identity).toEqual({ sub: null, roles: [], anonymous: true });
  });

  it('refuses a missing header', async () => {
    await expect(verifyIdentity(undefined, SECRET)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a token signed with another secret', async () => {
    const token = await signIdentity(alice, 'corr', 'some-other-secret-0123456789abcdef0123');
    await expect(verifyIdentity(token, SECRET)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a tampered token (roles raised after signing)', async () => {
    const [header, , signature] = (await signIdentity(alice, 'corr', SECRET)).split('.');
    const forged = Buffer.from(JSON.stringify({ roles: ['ADMIN'], sub: 'alice', anon: false, iss: 'redress-gateway', aud: 'redress-subgraph', exp: 9999999999 })).toString('base64url');
    await expect(verifyIdentity(`${header}.${forged}.${signature}`, SECRET)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses an expired token (older than a minute)', async () => {
    const token = await signIdentity(alice, 'corr', SECRET);
    jest.useFakeTimers({ now: Date.now() + 61_000 });
    await expect(verifyIdentity(token, SECRET)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a token the gateway did not issue, even if signed with the secret (a staff JWT replayed)', async () => {
    const staffJwt = await new SignJWT({ roles: ['ADMIN'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifyIdentity(staffJwt, SECRET)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses an unsigned token (alg none)', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'none' })}.${encode({ sub: 'x', roles: ['ADMIN'], anon: false, iss: 'redress-gateway', aud: 'redress-subgraph' })}.`;
    await expect(verifyIdentity(unsigned, SECRET)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
  it('is a standard HS256 JWT: a JWT library verifies ours, and ours accepts one a JWT library signed the same way', async () => {
    const key = new TextEncoder().encode(SECRET);
    const { payload } = await jwtVerify(await signIdentity(alice, 'corr', SECRET), key, { algorithms: ['HS256'], issuer: 'redress-gateway', audience: 'redress-subgraph' });
    expect(payload).toMatchObject({ sub: 'alice', roles: ['AGENT', 'QA'], cid: 'corr', anon: false });
    const signedElsewhere = await new SignJWT({ anon: false, roles: ['MANAGER'], cid: 'c2' }).setProtectedHeader({ alg: 'HS256' })
      .setIssuer('redress-gateway').setAudience('redress-subgraph').setIssuedAt().setExpirationTime('60s').setSubject('bob').sign(key);
    await expect(verifyIdentity(signedElsewhere, SECRET)).resolves.toMatchObject({ identity: { sub: 'bob', roles: ['MANAGER'] }, correlationId: 'c2' });
  });

  it('refuses a token for another audience, a malformed one and one with its signature altered', async () => {
    const key = new TextEncoder().encode(SECRET);
    const otherAudience = await new SignJWT({ anon: false, roles: ['ADMIN'] }).setProtectedHeader({ alg: 'HS256' })
      .setIssuer('redress-gateway').setAudience('someone-else').setExpirationTime('60s').setSubject('bob').sign(key);
    const token = await signIdentity(alice, 'corr', SECRET);
    for (const bad of [otherAudience, 'not-a-token', `${token}.extra`, `${token}!`, token.slice(0, -2)]) {
      await expect(verifyIdentity(bad, SECRET)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });
});
