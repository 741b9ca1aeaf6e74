// k8s/observability: the scrape target, alert rules and dashboard must read series that Redress
// really exports, with label values that exist; otherwise an alert never fires and nobody notices.
import { readFileSync } from 'node:fs';
import { EVENT_TYPES, SERVICES, type ServiceName } from '@redress/contracts';
import { deadLetterQueue, eventsQueue } from '@redress/messaging';
import { metricsRegistry } from '@redress/observability';
import { registerMessagingGauges } from '../libs/messaging/src/messaging-metrics.js';
import { renderKustomization } from './validation/kustomize.js';
import { named, ofKind, selects, type Deployment } from './validation/objects.js';
import { metricNames } from './validation/promql.js';

const root = new URL('../', import.meta.url).pathname;
const objects = renderKustomization(`${root}k8s/overlays/prod`);

/** What every Redress process exports at GET /metrics (prom-client histograms add _bucket, _sum, _count). */
const EXPORTED = [
  'redress_http_request_duration_seconds',
  'redress_events_published_total',
  'redress_events_consumed_total',
  'redress_event_handling_duration_seconds',
  'redress_job_duration_seconds',
  'redress_outbox_pending',
  'redress_outbox_lag_seconds',
  'redress_queue_messages',
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'nodejs_eventloop_lag_p99_seconds',
];
const HISTOGRAMS = ['redress_http_request_duration_seconds', 'redress_event_handling_duration_seconds', 'redress_job_duration_seconds'];
/** Series from the platform, not from Redress: Prometheus's own `up` and kube-state-metrics. */
const PLATFORM = ['up', 'kube_deployment_status_replicas_available', 'kube_deployment_spec_replicas'];
const readable = new Set([...EXPORTED, ...HISTOGRAMS.flatMap((h) => ['_bucket', '_sum', '_count'].map((s) => h + s))]);

interface Rule { alert?: string; expr: string; for?: string; labels?: Record<string, string>; annotations?: Record<string, string> }
const rules = ofKind(objects, 'PrometheusRule').flatMap((r) => (r.spec as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules));
const dashboard = JSON.parse(readFileSync(`${root}k8s/observability/redress-dashboard.json`, 'utf8')) as {
  uid: string; panels: { type: string; title: string; targets?: { expr: string }[] }[];
};
const queries = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ title: p.title, expr: t.expr })));
const runbookAnchors = readFileSync(`${root}docs/runbook.md`, 'utf8').replace(/```[\s\S]*?```/g, '').split('\n').filter((l) => l.startsWith('#')).map(slug);
const labelValues = (expr: string, label: string) => [...expr.matchAll(new RegExp(`\\b${label}="([^"]+)"`, 'g'))].map((m) => m[1]);

describe('the metric names k8s/observability relies on', () => {
  it('are registered by the services (the list above is not wishful)', () => {
    registerMessagingGauges('intake', {} as never, {} as never); // registers the scrape-time gauges; nothing is read
    for (const name of EXPORTED) expect({ name, registered: metricsRegistry.getSingleMetric(name) !== undefined }).toEqual({ name, registered: true });
  });
});

describe('k8s/observability alert rules', () => {
  it('include the alerts operators were promised', () => {
    const names = rules.map((r) => r.alert);
    for (const alert of ['RedressDeadLetterQueueNotEmpty', 'RedressOutboxLagging', 'RedressEventHandlingFailuresRising', 'RedressServiceNotReady', 'RedressSlaBreached']) {
      expect(names).toContain(alert);
    }
  });

  it.each(rules.map((r) => [r.alert!, r] as const))('%s reads only series that exist, and says what to do', (_alert, rule) => {
    const names = metricNames(rule.expr);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect({ name, known: readable.has(name) || PLATFORM.includes(name) }).toEqual({ name, known: true });
    for (const type of labelValues(rule.expr, 'type')) expect(EVENT_TYPES).toContain(type);
    expect(['warning', 'critical']).toContain(rule.labels?.severity);
    expect(rule.annotations?.summary).toBeTruthy();
    const anchor = rule.annotations?.runbook?.split('#')[1];
    expect(runbookAnchors).toContain(anchor);
  });

  it('fires on an outbox lag over 60 s and on any dead-lettered message left in a DLQ', () => {
    expect(rules.find((r) => r.alert === 'RedressOutboxLagging')?.expr).toMatch(/redress_outbox_lag_seconds\) > 60$/);
    const dlq = rules.find((r) => r.alert === 'RedressDeadLetterQueueNotEmpty')!.expr;
    const pattern = new RegExp(`^${JSON.parse(`"${dlq.match(/queue=~"([^"]+)"/)![1]}"`) as string}$`); // PromQL string → regex
    for (const service of SERVICES) {
      expect(pattern.test(deadLetterQueue(service as ServiceName))).toBe(true);
      expect(pattern.test(eventsQueue(service as ServiceName))).toBe(false);
    }
  });

  it('counts SLA breaches from the complaint.sla_breached events published', () => {
    const breach = rules.filter((r) => r.alert?.startsWith('RedressSlaBreach'));
    expect(breach.length).toBeGreaterThan(0);
    for (const rule of breach) expect(rule.expr).toContain('redress_events_published_total{type="complaint.sla_breached"}');
  });
});

describe('k8s/observability scraping and dashboard', () => {
  it('scrapes the http port at /metrics of every Redress Deployment', () => {
    const monitor = ofKind(objects, 'PodMonitor')[0].spec as {
      selector: { matchExpressions: { key: string; operator: string; values: string[] }[] };
      podMetricsEndpoints: { port: string; path: string }[];
    };
    expect(monitor.podMetricsEndpoints).toEqual([expect.objectContaining({ port: 'http', path: '/metrics' })]);
    const [expression] = monitor.selector.matchExpressions;
    for (const deployment of ofKind<Deployment>(objects, 'Deployment')) {
      const labels = deployment.spec.template.metadata.labels;
      expect(expression.operator === 'In' && expression.values.includes(labels[expression.key])).toBe(true);
      expect(deployment.spec.template.spec.containers[0].ports?.map((p) => p.name)).toContain('http');
    }
  });

  it('ships the dashboard in a ConfigMap the Grafana sidecar loads', () => {
    const map = ofKind(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('redress-grafana-dashboard-'));
    expect(map?.metadata.labels).toEqual({ grafana_dashboard: '1' });
    expect(JSON.parse((map?.data as Record<string, string>)['redress-dashboard.json']).uid).toBe(dashboard.uid);
    expect(named(objects, 'NetworkPolicy', 'prometheus-scrape')).toBeDefined();
    const scrape = named(objects, 'NetworkPolicy', 'prometheus-scrape')!.spec as { podSelector: { matchLabels: Record<string, string> } };
    for (const deployment of ofKind<Deployment>(objects, 'Deployment')) expect(selects(scrape.podSelector.matchLabels, deployment.spec.template.metadata.labels)).toBe(true);
  });

  it('charts requests and latency by operation, events in and out, outbox lag, queue depth, DLQs and job latency', () => {
    const used = new Set(queries.flatMap((q) => metricNames(q.expr)));
    for (const name of ['redress_http_request_duration_seconds_count', 'redress_http_request_duration_seconds_bucket', 'redress_events_published_total',
      'redress_events_consumed_total', 'redress_outbox_lag_seconds', 'redress_queue_messages', 'redress_job_duration_seconds_bucket']) {
      expect(used).toContain(name);
    }
    expect(queries.some((q) => q.expr.includes('by (le, service, operation)'))).toBe(true);
    expect(queries.some((q) => /queue=~"[^"]*dlq"/.test(q.expr))).toBe(true);
  });

  it.each(queries.map((q) => [q.title, q.expr] as const))('panel "%s" reads only exported series: %s', (_title, expr) => {
    const names = metricNames(expr);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect({ name, exported: readable.has(name) }).toEqual({ name, exported: true });
    for (const type of labelValues(expr, 'type')) expect(EVENT_TYPES).toContain(type);
  });
});

/** GitHub's anchor for a Markdown heading. */
function slug(heading: string): string {
  return heading.replace(/^#+\s*/, '').toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}
