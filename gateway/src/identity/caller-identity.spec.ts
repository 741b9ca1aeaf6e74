import { StaffTokenVerifier } from '@redress/auth';
import { SignJWT } from 'jose';
import { callerIdentity } from './caller-identity.js';

const config = { jwtSecret: 'gateway-test-secret-0123456789abcdef0123' };
const verifier = new StaffTokenVerifier(config);
const token = (expiresIn = '1h') =>
  new SignJWT({ roles: ['AGENT'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('alice').setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(config.jwtSecret));

describe('callerIdentity', () => {
  it('treats a request without Authorization as an anonymous customer', async () => {
    await expect(callerIdentity(undefined, verifier)).resolves.toEqual({ sub: null, roles: [], anonymous: true });
  });

  it('reads a staff member from a valid bearer token', async () => {
    await expect(callerIdentity(`Bearer ${await token()}`, verifier)).resolves.toMatchObject({ sub: 'alice', roles: ['AGENT'], anonymous: false });
  });

  it.each([
    ['an expired token', async () => `Bearer ${await token('-2m')}`],
    ['a token that is not a JWT', async () => 'Bearer hello'],
    ['another scheme', async () => `Basic ${Buffer.from('a:b').toString('base64')}`],
  ])('answers UNAUTHENTICATED (HTTP 401) to %s instead of treating it as anonymous', async (_, header) => {
    await expect(callerIdentity(await header(), verifier)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  });
});
