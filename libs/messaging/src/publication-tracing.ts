import { endSpan, SpanKind, startDetachedSpan, TRACE_HEADERS, traceContextFrom, tracingEnabled, type Span } from '@redress/observability';
import type { PublishOutcome } from './confirmed-publish.js';
import type { OutgoingMessage } from './event-message.js';
import type { ClaimedEvent } from './outbox-store.js';

/**
 * Gives each message the relay is about to publish a PRODUCER span, child of the trace its outbox row
 * was written in, and puts that span's `traceparent`/`tracestate` in the AMQP headers, so consumers
 * continue the trace. Returns what ends the spans once the broker has answered. With tracing off, a
 * stored context is passed on as it is.
 */
export function tracePublication(rows: ClaimedEvent[], messages: OutgoingMessage[]): (outcomes: PublishOutcome[]) => void {
  if (!tracingEnabled()) {
    rows.forEach((row, i) => passOn(row.traceContext, messages[i]));
    return () => undefined;
  }
  const spans: (Span | undefined)[] = rows.map((row, i) => {
    const message = messages[i];
    const traced = startDetachedSpan(`${row.envelope.type} publish`, {
      kind: SpanKind.PRODUCER,
      parent: traceContextFrom(row.traceContext),
      attributes: {
        'messaging.system': 'rabbitmq',
        'messaging.operation.type': 'send',
        'messaging.destination.name': message.exchange,
        'messaging.rabbitmq.destination.routing_key': message.routingKey,
        'messaging.message.id': row.envelope.id,
        'redress.correlation_id': row.envelope.correlationId,
      },
    });
    if (traced) message.options.headers = { ...message.options.headers, ...traced.headers };
    return traced?.span;
  });
  return (outcomes) => spans.forEach((span, i) => span && endSpan(span, outcomes[i].ok ? undefined : outcomes[i].error));
}

/** A row written while tracing was on keeps its trace even if this relay does not record spans. */
function passOn(stored: Record<string, string> | null, message: OutgoingMessage): void {
  if (!stored?.traceparent) return;
  const headers = Object.fromEntries(TRACE_HEADERS.filter((name) => typeof stored[name] === 'string').map((name) => [name, stored[name]]));
  message.options.headers = { ...message.options.headers, ...headers };
}
