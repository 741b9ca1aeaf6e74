import { Router } from 'express';

/** `/health/live`: the process runs. `/health/ready`: a supergraph is loaded and the gateway is not stopping. */
export function healthRoutes(isReady: () => boolean): Router {
  const router = Router();
  router.get('/live', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  router.get('/ready', (_req, res) => {
    const ready = isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: { supergraph: ready ? 'up' : 'down' } });
  });
  return router;
}
