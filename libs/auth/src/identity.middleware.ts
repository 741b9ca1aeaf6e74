import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import { CORRELATION_HEADER, correlation } from '@redress/observability';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Identity } from './identity.js';
import { IDENTITY_HEADER, verifyIdentity } from './identity-token.js';

export type RequestWithIdentity = IncomingMessage & { identity?: Identity };

/**
 * Subgraphs accept only calls from the gateway (SPEC §8): every request must carry the identity the
 * gateway signed — anonymous callers and the gateway's own `_service` fetches included. The rest of the
 * request runs under the gateway's correlation id, so logs and events carry it.
 */
@Injectable()
export class IdentityMiddleware implements NestMiddleware<RequestWithIdentity, ServerResponse> {
  constructor(@Inject(REDRESS_CONFIG) private readonly config: RedressConfig) {}

  async use(req: RequestWithIdentity, res: ServerResponse, next: (error?: unknown) => void): Promise<void> {
    let verified;
    try {
      verified = await verifyIdentity(single(req.headers[IDENTITY_HEADER]), this.config.internalSecret);
    } catch (error) {
      refuse(res, (error as Error).message);
      return;
    }
    req.identity = verified.identity;
    correlation.run(verified.correlationId ?? single(req.headers[CORRELATION_HEADER]), () => next());
  }
}

function single(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header;
}

/** A GraphQL-shaped body, so a client sees the same error shape as anywhere else. */
function refuse(res: ServerResponse, message: string): void {
  res.statusCode = 401;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }));
}
