import { ANONYMOUS, signIdentity } from '@redress/auth';
import { CORRELATION_HEADER, correlation } from '@redress/observability';
import { Router } from 'express';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';

const PASSED_HEADERS = ['content-type', 'content-disposition', 'content-length', 'cache-control'];

/**
 * `GET /downloads/<kind>?token=…`: the signed links reporting hands out (complaint log, reports) are
 * served through the gateway, streamed from reporting with a gateway-signed identity. The token in the
 * link is the credential; reporting checks it.
 */
export function downloadRoutes(reportingGraphqlUrl: string, internalSecret: string): Router {
  const reporting = new URL(reportingGraphqlUrl).origin;
  const router = Router();
  router.get('/:kind', async (req, res) => {
    const kind = req.params.kind;
    if (!/^[a-z-]{1,40}$/.test(kind)) return void res.status(404).json({ errors: [{ message: 'No such download', extensions: { code: 'NOT_FOUND' } }] });
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    const correlationId = correlation.idOrNew();
    try {
      const upstream = await fetch(`${reporting}/downloads/${kind}${query}`, {
        headers: { 'x-redress-identity': await signIdentity(ANONYMOUS, correlationId, internalSecret), [CORRELATION_HEADER]: correlationId },
      });
      res.status(upstream.status);
      for (const name of PASSED_HEADERS) {
        const value = upstream.headers.get(name);
        if (value) res.setHeader(name, value);
      }
      if (!upstream.body) return void res.end();
      Readable.fromWeb(upstream.body as ReadableStream<Uint8Array>).on('error', () => res.destroy()).pipe(res);
    } catch {
      res.status(502).json({ errors: [{ message: `The download is not available right now; reference ${correlationId}`, extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId } }] });
    }
  });
  return router;
}
