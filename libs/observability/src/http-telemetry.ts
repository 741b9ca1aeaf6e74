import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE } from '@opentelemetry/semantic-conventions';
import { CORRELATION_HEADER, correlation } from './correlation.js';
import { metrics } from './metrics.js';
import { traceContextFrom } from './tracing/trace-context.js';
import { tracer, tracingEnabled } from './tracing/tracing.js';

type HttpRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

/** What one HTTP request learns on its way: the GraphQL operation it turned out to be, its server span. */
interface RequestTelemetry {
  operation?: string;
  span?: Span;
}

const requests = new AsyncLocalStorage<RequestTelemetry>();

// Operation names come from callers: past this many distinct ones, the metric label is `other`.
const MAX_OPERATION_LABELS = 200;
const operationLabels = new Set<string>();

/**
 * Express middleware, first in the chain: times every request into `redress_http_request_duration_seconds`
 * (GraphQL requests also by operation name) and, when tracing is on, runs the request inside a SERVER
 * span that continues the caller's `traceparent`. `knownRoutes` (and paths under them) are labelled as such; the rest is `other`.
 */
export function httpTelemetry(knownRoutes: readonly string[]) {
  const known = new Set(knownRoutes);
  return (req: HttpRequest, res: ServerResponse, next: () => void): void => {
    // originalUrl: a router mounted on /graphql rewrites req.url to '/' for its own handlers.
    const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
    const route = routeOf(path, known);
    const record: RequestTelemetry = {};
    const endTimer = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const operation = route === '/graphql' ? operationLabel(record.operation ?? bodyOperationName(req.body)) : '';
      endTimer({ method: req.method, route, status: String(res.statusCode), operation });
    });
    if (!tracingEnabled()) return requests.run(record, next);
    const parent = traceContextFrom(req.headers);
    const span = tracer.startSpan(`${req.method} ${route}`, {
      kind: SpanKind.SERVER,
      attributes: { [ATTR_HTTP_REQUEST_METHOD]: req.method ?? 'GET', [ATTR_HTTP_ROUTE]: route, 'redress.correlation_id': correlationOf(req) },
    }, parent);
    record.span = span;
    res.once('close', () => endServerSpan(span, res, record.operation ?? bodyOperationName(req.body)));
    context.with(trace.setSpan(parent, span), () => requests.run(record, next));
  };
}

/** Called once GraphQL knows which operation a request runs: names the request's span and metric label. */
export function nameGraphqlOperation(type: string, name: string | undefined): void {
  const record = requests.getStore();
  if (!record) return;
  record.operation = name;
  if (!record.span) return;
  record.span.updateName(name ? `${type} ${name}` : type);
  record.span.setAttributes({ 'graphql.operation.type': type, ...(name && { 'graphql.operation.name': name }) });
}

/** A bounded label: the first MAX_OPERATION_LABELS distinct names keep theirs, later ones share `other`. */
export function operationLabel(name: string | undefined): string {
  if (!name) return '';
  const label = name.slice(0, 64);
  if (operationLabels.has(label)) return label;
  if (operationLabels.size >= MAX_OPERATION_LABELS) return 'other';
  operationLabels.add(label);
  return label;
}

/** A known route itself, or the known route a path lies under (`/downloads/<token>` → `/downloads`). */
function routeOf(path: string, known: ReadonlySet<string>): string {
  if (known.has(path)) return path;
  for (const route of known) if (path.startsWith(`${route}/`)) return route;
  return 'other';
}

function bodyOperationName(body: unknown): string | undefined {
  const name = (body as { operationName?: unknown } | undefined)?.operationName;
  return typeof name === 'string' && name ? name : undefined;
}

function correlationOf(req: HttpRequest): string {
  const header = req.headers[CORRELATION_HEADER];
  return correlation.id() ?? (Array.isArray(header) ? header[0] : header) ?? '';
}

function endServerSpan(span: Span, res: ServerResponse, operation: string | undefined): void {
  span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
  if (operation) span.setAttribute('graphql.operation.name', operation);
  if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  if (!res.writableFinished) span.setStatus({ code: SpanStatusCode.ERROR, message: 'the client went away before the answer' });
  span.end();
}
