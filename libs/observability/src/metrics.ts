import client from 'prom-client';

/**
 * The process's Prometheus metrics, served at `GET /metrics`. One registry per process; every series
 * carries the `service` label (set once at start).
 */
export const metricsRegistry = new client.Registry();
client.collectDefaultMetrics({ register: metricsRegistry });

const registers = [metricsRegistry];
const SECONDS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const metrics = {
  httpDuration: new client.Histogram({
    name: 'redress_http_request_duration_seconds',
    help: 'HTTP requests by route and status; GraphQL requests also by operation name',
    labelNames: ['method', 'route', 'status', 'operation'],
    buckets: SECONDS,
    registers,
  }),
  eventsPublished: new client.Counter({ name: 'redress_events_published_total', help: 'Events the outbox relay published (confirmed by the broker)', labelNames: ['type'], registers }),
  eventsConsumed: new client.Counter({
    name: 'redress_events_consumed_total',
    help: 'Events this service consumed, by outcome (handled, duplicate, retried, dead_lettered, skipped)',
    labelNames: ['type', 'outcome'],
    registers,
  }),
  eventHandlingDuration: new client.Histogram({ name: 'redress_event_handling_duration_seconds', help: 'Time to handle one event (inbox + handler + commit)', labelNames: ['type'], buckets: SECONDS, registers }),
  jobDuration: new client.Histogram({ name: 'redress_job_duration_seconds', help: 'BullMQ job processing time by queue and outcome', labelNames: ['queue', 'outcome'], buckets: SECONDS, registers }),
};

/** Labels every series of this process with its service name. */
export function labelMetrics(service: string): void {
  metricsRegistry.setDefaultLabels({ service });
}

/** A gauge whose value is read when Prometheus scrapes (outbox lag, queue depth, clocks at risk). */
export function scrapedGauge(name: string, help: string, labelNames: string[], collect: (gauge: client.Gauge) => Promise<void>): client.Gauge {
  const existing = metricsRegistry.getSingleMetric(name) as client.Gauge | undefined;
  if (existing) return existing;
  return new client.Gauge({
    name,
    help,
    labelNames,
    registers,
    async collect() {
      await collect(this).catch(() => undefined);
    },
  });
}
