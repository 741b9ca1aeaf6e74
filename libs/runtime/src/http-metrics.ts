import type { NextFunction, Request, Response } from 'express';
import { metrics } from '@redress/observability';

const KNOWN_ROUTES = new Set(['/graphql', '/health/live', '/health/ready', '/metrics']);

/** Times every HTTP request; GraphQL requests are labelled with their operation name too. */
export function recordHttpMetrics(req: Request, res: Response, next: NextFunction): void {
  const end = metrics.httpDuration.startTimer();
  res.once('finish', () => {
    // originalUrl: a router mounted on /graphql rewrites req.path to '/' for its own handlers.
    const path = (req.originalUrl ?? req.url).split('?')[0];
    const route = KNOWN_ROUTES.has(path) ? path : 'other';
    const body = req.body as { operationName?: unknown } | undefined;
    const operation = route === '/graphql' && typeof body?.operationName === 'string' ? body.operationName.slice(0, 64) : '';
    end({ method: req.method, route, status: String(res.statusCode), operation });
  });
  next();
}
