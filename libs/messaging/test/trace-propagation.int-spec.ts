import { jest } from '@jest/globals';
import type { ConsumeMessage } from 'amqplib';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { flushTraces, inSpan, SpanKind, startTracing, stopTracing } from '@redress/observability';
import { waitFor } from '@redress/testing';
import { EventPublisher } from '../src/event-publisher.js';
import { OutboxRelay } from '../src/outbox-relay.js';
import { MessagingFixture } from './support/messaging-fixture.js';
import { complaintReceived } from './support/sample-events.js';

jest.setTimeout(30_000);

// The trace of the request that wrote an outbox row reaches the broker: stored with the row, continued
// by the relay's PRODUCER span, handed on in the AMQP `traceparent` header.
describe('trace context through the outbox (real PostgreSQL and RabbitMQ)', () => {
  const exporter = new InMemorySpanExporter();
  let fixture: MessagingFixture;
  let publisher: EventPublisher;
  let tapped: ConsumeMessage[];

  beforeAll(async () => {
    fixture = await MessagingFixture.create('tracing', 'intake');
    publisher = new EventPublisher(fixture.transactions);
    tapped = await fixture.broker.tapExchange();
    const relay = new OutboxRelay({ service: 'intake', dataSource: fixture.dataSource, databaseUrl: fixture.databaseUrl, connection: await fixture.connection(), logger: fixture.logger });
    await relay.start();
    fixture.onClose(() => relay.stop());
  });

  afterAll(async () => {
    await fixture.close();
    await stopTracing();
  });

  const arrived = (id: string) => waitFor(() => tapped.find((m) => m.properties.messageId === id), { timeoutMs: 5000, description: `event ${id}` });
  const commit = () => fixture.transactions.run(() => publisher.publish(complaintReceived()));

  it('with tracing off, stores no context and adds no header', async () => {
    const envelope = await inSpan('request', {}, commit);
    const message = await arrived(envelope.id);
    expect(message.properties.headers?.traceparent).toBeUndefined();
    expect(await fixture.dataSource.query('SELECT trace_context FROM outbox WHERE id = $1', [envelope.id])).toEqual([{ trace_context: null }]);
  });

  it('with tracing on, publishes under a PRODUCER span that is a child of the writing request', async () => {
    startTracing('intake', { batchDelayMs: 50, sampleRatio: 1 }, undefined, exporter);
    const envelope = await inSpan('mutation Submit', { kind: SpanKind.SERVER }, commit);
    const message = await arrived(envelope.id);
    await flushTraces();
    const request = exporter.getFinishedSpans().find((s) => s.name === 'mutation Submit')!;
    const publish = await waitFor(async () => {
      await flushTraces();
      return exporter.getFinishedSpans().find((s) => s.name === 'complaint.received publish');
    }, { description: 'the publish span' });
    expect(publish.kind).toBe(SpanKind.PRODUCER);
    expect(publish.spanContext().traceId).toBe(request.spanContext().traceId);
    expect(publish.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(message.properties.headers?.traceparent).toBe(`00-${publish.spanContext().traceId}-${publish.spanContext().spanId}-01`);
    const [row] = await fixture.dataSource.query('SELECT trace_context FROM outbox WHERE id = $1', [envelope.id]);
    expect(row.trace_context).toEqual({ traceparent: `00-${request.spanContext().traceId}-${request.spanContext().spanId}-01` });
  });
});
