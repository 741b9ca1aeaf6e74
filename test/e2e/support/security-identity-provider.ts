import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { DEV_SECRETS } from '@redress/config';
import type { Role } from '@redress/contracts';

export const ISSUER = 'https://idp.redress.test/realms/staff';
export const AUDIENCE = 'redress';

/**
 * A local OpenID-style identity provider: publishes its RS256 keys at a JWKS URL (counting fetches) and
 * issues staff tokens with them, as Keycloak, Entra ID or Okta would.
 */
export class LocalIdentityProvider {
  readonly keys: JWK[] = [];
  fetches = 0;
  private readonly privateKeys = new Map<string, CryptoKey>();
  private server?: Server;
  jwksUrl = '';

  async start(): Promise<void> {
    this.server = createServer((_, res) => {
      this.fetches += 1;
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: this.keys }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.jwksUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/protocol/openid-connect/certs`;
  }

  async rotateIn(kid: string): Promise<void> {
    const pair = await generateKeyPair('RS256', { extractable: true });
    this.privateKeys.set(kid, pair.privateKey);
    this.keys.push({ ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' });
  }

  /** A token the provider would issue; `change` lets a test spoil exactly one property of it. */
  issue(roles: Role[], kid: string, change: (jwt: SignJWT) => SignJWT = (jwt) => jwt): Promise<string> {
    const key = this.privateKeys.get(kid);
    if (!key) throw new Error(`no key ${kid}`);
    return change(staffClaims(roles).setProtectedHeader({ alg: 'RS256', kid })).sign(key);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** Claims of a valid staff token for this system (issuer and audience included). */
export function staffClaims(roles: Role[], sub = `idp-${roles.join('-').toLowerCase() || 'nobody'}`): SignJWT {
  return new SignJWT({ roles, name: `Staff ${roles.join(' ')}`, email: `${sub}@redress.test` })
    .setSubject(sub).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('10m');
}

/** An HS256 staff token with the development JWT_SECRET, issuer and audience set. */
export function hs256Token(roles: Role[], change: (jwt: SignJWT) => SignJWT = (jwt) => jwt, secret = DEV_SECRETS.JWT_SECRET): Promise<string> {
  return change(staffClaims(roles).setProtectedHeader({ alg: 'HS256' })).sign(new TextEncoder().encode(secret));
}
