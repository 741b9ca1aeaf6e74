import { context, propagation, ROOT_CONTEXT, type Context, type TextMapGetter } from '@opentelemetry/api';
import { tracingEnabled } from './tracing.js';

/** W3C trace context as headers: `traceparent` and, when a vendor set one, `tracestate`. */
export type TraceCarrier = Record<string, string>;

export const TRACE_HEADERS = ['traceparent', 'tracestate'] as const;

/** Reads string values only: AMQP headers, HTTP headers (first of a repeated one) and stored JSON alike. */
const stringGetter: TextMapGetter<unknown> = {
  keys: (carrier) => (carrier && typeof carrier === 'object' ? Object.keys(carrier) : []),
  get(carrier, key) {
    if (!carrier || typeof carrier !== 'object') return undefined;
    const value = (carrier as Record<string, unknown>)[key];
    if (typeof value === 'string') return value;
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
    if (Buffer.isBuffer(value)) return value.toString('latin1');
    return undefined;
  },
};

/**
 * The active trace context as headers, to store beside work that continues elsewhere (an outbox row,
 * a job); undefined outside a trace and whenever tracing is off.
 */
export function currentTraceCarrier(): TraceCarrier | undefined {
  if (!tracingEnabled()) return undefined;
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? carrier : undefined;
}

/** Adds the active trace context to outgoing headers (a Headers object or a plain record); nothing when off. */
export function injectTraceHeaders(headers: { set(name: string, value: string): unknown } | Record<string, unknown>): void {
  const carrier = currentTraceCarrier();
  if (!carrier) return;
  for (const [name, value] of Object.entries(carrier)) {
    if (typeof headers.set === 'function') (headers as { set(name: string, value: string): unknown }).set(name, value);
    else (headers as Record<string, unknown>)[name] = value;
  }
}

/** The trace context carried by `carrier` (headers, or a stored TraceCarrier); the root context when none. */
export function traceContextFrom(carrier: unknown): Context {
  if (!carrier || typeof carrier !== 'object') return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, carrier, stringGetter);
}
