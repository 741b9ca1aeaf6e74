import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@redress/testing';
import { E2E } from './support/e2e-environment.js';
import { graphql } from './support/graphql-client.js';
import { receivedEmails } from './support/mailbox.js';
import { OtlpReceiver, SPAN_KIND, type ReceivedSpan } from './support/otlp-receiver.js';
import { startSystem, stopSystem } from './support/system.js';

// One submitComplaint through the real system with OTLP export switched on: the gateway, intake, the
// outbox relay, RabbitMQ, notification's consumer and its BullMQ email job must form one trace.
const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitComplaintInput!) {
    submitComplaint(input: $input) { id reference }
  }`;

const collector = new OtlpReceiver();

beforeAll(async () => {
  const endpoint = await collector.start();
  await startSystem({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' });
}, 150_000);
afterAll(async () => {
  await stopSystem();
  await collector.stop();
}, 30_000);

describe('a submitted complaint, traced', () => {
  const correlationId = `e2e-otel-${Date.now()}`;
  const email = `traced.${Date.now()}@example.com`;
  let trace: ReceivedSpan[];
  const one = (predicate: (span: ReceivedSpan) => boolean, what: string): ReceivedSpan => {
    const found = trace.filter(predicate);
    if (found.length !== 1) throw new Error(`expected one ${what}, found ${found.length} among ${listSpans(trace)}`);
    return found[0];
  };
  const parentOf = (span: ReceivedSpan) => trace.find((s) => s.spanId === span.parentSpanId);
  const ancestorsOf = (span: ReceivedSpan): ReceivedSpan[] => {
    const parent = parentOf(span);
    return parent ? [parent, ...ancestorsOf(parent)] : [];
  };

  beforeAll(async () => {
    const response = await graphql<{ submitComplaint: { id: string } }>(SUBMIT, {
      input: { channel: 'WEB', customer: { name: 'Ada Lovelace', email }, subject: 'Parcel never arrived', description: 'Order 77 was marked delivered but never came.' },
    }, undefined, { 'x-correlation-id': correlationId });
    expect(response.errors).toBeUndefined();
    await waitFor(() => receivedEmails().some((e) => e.to.includes(email)), { timeoutMs: 20_000, description: 'the acknowledgement email' });
    const root = await waitFor(() => collector.spans.find((s) => s.service === 'gateway' && s.attributes['redress.correlation_id'] === correlationId), {
      timeoutMs: 10_000, description: 'the gateway span of the request',
    });
    // Spans arrive in batches, every 200 ms from each process: wait until the email job's span is in.
    trace = await waitFor(() => {
      const spans = collector.trace(root.traceId);
      return spans.some((s) => s.service === 'notification' && s.name === 'notification-delivery process') ? spans : undefined;
    }, { timeoutMs: 10_000, description: 'the email job span in the same trace' });
  }, 60_000);

  it('starts at the gateway: one SERVER span named by the operation, its subgraph fetch below it', () => {
    const gateway = one((s) => s.service === 'gateway' && s.kind === SPAN_KIND.SERVER, 'gateway server span');
    expect(gateway.name).toBe('mutation Submit');
    expect(gateway.parentSpanId).toBeUndefined();
    expect(gateway.attributes).toMatchObject({ 'graphql.operation.name': 'Submit', 'http.response.status_code': 200, 'redress.correlation_id': correlationId });
    const fetch = one((s) => s.service === 'gateway' && s.name === 'gateway.fetch', 'gateway fetch span');
    expect(fetch.attributes.service).toBe('intake');
    expect(ancestorsOf(fetch)).toContain(gateway);
  });

  it('continues in intake: the subgraph request is a child of the gateway fetch', () => {
    const intake = one((s) => s.service === 'intake' && s.kind === SPAN_KIND.SERVER && s.name.startsWith('mutation'), 'intake server span');
    expect(parentOf(intake)).toMatchObject({ service: 'gateway', name: 'gateway.fetch' });
    expect(intake.attributes['redress.correlation_id']).toBe(correlationId);
  });

  it('carries the trace through the outbox: the relay\'s PRODUCER span is a child of the request that wrote the row', () => {
    const intake = one((s) => s.service === 'intake' && s.kind === SPAN_KIND.SERVER && s.name.startsWith('mutation'), 'intake server span');
    const publish = one((s) => s.service === 'intake' && s.name === 'complaint.received publish', 'complaint.received publish span');
    expect(publish.kind).toBe(SPAN_KIND.PRODUCER);
    expect(ancestorsOf(publish)).toContain(intake);
    expect(publish.attributes).toMatchObject({ 'messaging.system': 'rabbitmq', 'messaging.destination.name': 'complaints.events', 'messaging.rabbitmq.destination.routing_key': 'complaint.received' });
  });

  it('crosses RabbitMQ: notification\'s CONSUMER span is a child of the PRODUCER span (traceparent in the AMQP headers)', () => {
    const publish = one((s) => s.service === 'intake' && s.name === 'complaint.received publish', 'complaint.received publish span');
    const consume = one((s) => s.service === 'notification' && s.name === 'complaint.received process', 'notification consumer span');
    expect(consume.kind).toBe(SPAN_KIND.CONSUMER);
    expect(consume.parentSpanId).toBe(publish.spanId);
    expect(consume.attributes['messaging.destination.name']).toBe('notification.events');
    // The contact details it asked intake for, over request/reply, belong to the same trace.
    const contact = one((s) => s.service === 'intake' && s.name === 'intake.complaint-contact respond', 'intake RPC span');
    expect(ancestorsOf(contact)).toContain(consume);
  });

  it('crosses BullMQ: the email job\'s span is a child of the consumer that enqueued it', () => {
    const consume = one((s) => s.service === 'notification' && s.name === 'complaint.received process', 'notification consumer span');
    const job = one((s) => s.service === 'notification' && s.name === 'notification-delivery process', 'email job span');
    expect(job.kind).toBe(SPAN_KIND.CONSUMER);
    expect(job.parentSpanId).toBe(consume.spanId);
    expect(job.attributes).toMatchObject({ 'messaging.system': 'bullmq', 'messaging.destination.name': 'notification-delivery', 'bullmq.job.attempt': 1 });
  });

  it('follows the answer back: notification.sent and complaint.acknowledged stay in the same trace', async () => {
    trace = await waitFor(() => {
      const spans = collector.trace(trace[0].traceId);
      return spans.some((s) => s.name === 'complaint.acknowledged publish') ? spans : undefined;
    }, { timeoutMs: 10_000, description: 'complaint.acknowledged published in the trace' });
    const job = one((s) => s.name === 'notification-delivery process', 'email job span');
    const sent = one((s) => s.service === 'notification' && s.name === 'notification.sent publish', 'notification.sent publish span');
    expect(ancestorsOf(sent)).toContain(job);
    const acknowledged = one((s) => s.service === 'intake' && s.name === 'notification.sent process', 'intake consumer span');
    expect(acknowledged.parentSpanId).toBe(sent.spanId);
    expect(trace.every((s) => s.traceId === job.traceId)).toBe(true);
  });

  it('writes the trace id into the log lines of the work it covers', () => {
    const lines = readFileSync(join(E2E.logDirectory, 'notification.log'), 'utf8').split('\n').filter((l) => l.includes(correlationId));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((l) => l.includes(`"traceId":"${trace[0].traceId}"`))).toBe(true);
  });
});

describe('the gateway\'s own metrics', () => {
  it('serves GET /metrics with GraphQL latency by operation name', async () => {
    const response = await fetch(`http://127.0.0.1:${E2E.gatewayPort}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const submit = text.split('\n').find((l) => l.startsWith('redress_http_request_duration_seconds_count{') && l.includes('operation="Submit"'));
    expect(submit).toMatch(/route="\/graphql"/);
    expect(submit).toMatch(/service="gateway"/);
    expect(Number(submit!.split(' ').pop())).toBeGreaterThan(0);
    expect(text).toMatch(/^process_resident_memory_bytes\{service="gateway"\} \d+/m);
  });
});

function listSpans(spans: ReceivedSpan[]): string {
  return spans.map((s) => `${s.service}:${s.name}`).join(', ');
}
