import { correlation } from '@redress/observability';
import type { ErrorRequestHandler } from 'express';

/**
 * A body the JSON parser refuses (too large, not JSON) is answered in GraphQL's error shape with a
 * plain message — never Express's default HTML page, which carries a stack trace outside production.
 */
export function requestBodyErrors(maxBodyBytes: number): ErrorRequestHandler {
  return (error: { status?: number; type?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const tooLarge = error.type === 'entity.too.large' || error.status === 413;
    const status = tooLarge ? 413 : error.status && error.status >= 400 && error.status < 500 ? error.status : 400;
    const message = tooLarge ? `The request body is larger than ${maxBodyBytes} bytes` : 'The request body is not valid JSON';
    res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST', correlationId: correlation.idOrNew() } }] });
  };
}
