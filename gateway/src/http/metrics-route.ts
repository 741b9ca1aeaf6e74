import type { Request, Response } from 'express';
import { metricsRegistry } from '@redress/observability';

/**
 * `GET /metrics` in the Prometheus text format, as every service serves it: request latency by route,
 * status and GraphQL operation, and Node's process metrics. For Prometheus inside the cluster; the
 * ingress should route only `/graphql` and `/downloads` to the gateway.
 */
export async function metricsRoute(_req: Request, res: Response): Promise<void> {
  res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
}
