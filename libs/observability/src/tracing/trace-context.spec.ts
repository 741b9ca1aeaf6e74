import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { currentTraceCarrier, injectTraceHeaders, traceContextFrom } from './trace-context.js';
import { endSpan, inSpan, startDetachedSpan } from './spans.js';
import { flushTraces, startTracing, stopTracing, tracingEnabled } from './tracing.js';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;
const settings = { batchDelayMs: 10, sampleRatio: 1 };

describe('with tracing off (no OTLP endpoint)', () => {
  it('registers nothing and leaves every helper inert', async () => {
    expect(startTracing('test', settings)).toBe(false);
    expect(tracingEnabled()).toBe(false);
    expect(currentTraceCarrier()).toBeUndefined();
    const headers: Record<string, unknown> = {};
    injectTraceHeaders(headers);
    expect(headers).toEqual({});
    expect(startDetachedSpan('publish', {})).toBeUndefined();
    let active: unknown = 'unset';
    await inSpan('work', {}, async () => (active = trace.getActiveSpan()));
    expect(active).toBeUndefined();
  });
});

describe('with tracing on', () => {
  const exporter = new InMemorySpanExporter();
  const spans = async () => {
    await flushTraces();
    return exporter.getFinishedSpans();
  };

  beforeAll(() => expect(startTracing('test', settings, undefined, exporter)).toBe(true));
  afterAll(stopTracing);
  beforeEach(async () => {
    await flushTraces(); // spans a previous test left in the batch
    exporter.reset();
  });

  it('carries the active span as a W3C traceparent, in plain records and in Headers objects', async () => {
    await inSpan('request', { kind: SpanKind.SERVER }, async () => {
      const { traceId, spanId } = trace.getActiveSpan()!.spanContext();
      expect(currentTraceCarrier()).toEqual({ traceparent: `00-${traceId}-${spanId}-01` });
      const record: Record<string, unknown> = { other: 'kept' };
      injectTraceHeaders(record);
      expect(record).toEqual({ other: 'kept', traceparent: `00-${traceId}-${spanId}-01` });
      const headers = new Headers();
      injectTraceHeaders(headers);
      expect(headers.get('traceparent')).toBe(`00-${traceId}-${spanId}-01`);
    });
    expect(currentTraceCarrier()).toBeUndefined(); // outside any span: nothing to carry
  });

  it('continues a trace from stored or received headers: the new span is a child of the carried one', async () => {
    let carried: Record<string, string> | undefined;
    await inSpan('writer', {}, async () => (carried = currentTraceCarrier()));
    // AMQP and HTTP header tables: other headers beside it, repeated HTTP headers as arrays.
    const received = { 'x-redress-attempts': 2, traceparent: [carried!.traceparent] };
    await inSpan('consumer', { kind: SpanKind.CONSUMER, parent: traceContextFrom(received) }, async () => undefined);
    const [writer, consumer] = await spans();
    expect(consumer.spanContext().traceId).toBe(writer.spanContext().traceId);
    expect(consumer.parentSpanContext?.spanId).toBe(writer.spanContext().spanId);
    expect(consumer.kind).toBe(SpanKind.CONSUMER);
  });

  it('starts a new trace from missing or malformed headers', async () => {
    for (const carrier of [undefined, null, {}, { traceparent: 'garbage' }, 'not an object']) {
      await inSpan('root', { parent: traceContextFrom(carrier) }, async () => undefined);
    }
    const roots = await spans();
    expect(roots).toHaveLength(5);
    for (const span of roots) expect(span.parentSpanContext).toBeUndefined();
  });

  it('gives a detached span headers naming it as the parent, and ends it failed on error', async () => {
    const parent = traceContextFrom({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    const started = startDetachedSpan('complaint.received publish', { kind: SpanKind.PRODUCER, parent })!;
    const [, traceId, spanId] = TRACEPARENT.exec(started.headers.traceparent)!;
    expect(traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(spanId).toBe(started.span.spanContext().spanId);
    expect(trace.getActiveSpan()).toBeUndefined(); // not made active
    endSpan(started.span, new Error('No confirm from the broker'));
    const [publish] = await spans();
    expect(publish.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(publish.status).toEqual({ code: SpanStatusCode.ERROR, message: 'No confirm from the broker' });
  });

  it('links instead of parenting when asked (a timer firing hours after the request)', async () => {
    const enqueuedIn = traceContextFrom({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    await context.with(enqueuedIn, () => inSpan('sla-clock process', { linkTo: enqueuedIn }, async () => undefined));
    const [timer] = await spans();
    expect(timer.spanContext().traceId).not.toBe('0af7651916cd43dd8448eb211c80319c');
    expect(timer.parentSpanContext).toBeUndefined();
    expect(timer.links.map((l) => l.context.spanId)).toEqual(['b7ad6b7169203331']);
  });

  it('marks the span failed and rethrows when the work throws', async () => {
    await expect(inSpan('handler', {}, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const [handler] = await spans();
    expect(handler.status.code).toBe(SpanStatusCode.ERROR);
    expect(handler.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('keeps a caller\'s decision not to sample, and still propagates it', async () => {
    const unsampled = traceContextFrom({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00' });
    let carried: Record<string, string> | undefined;
    await inSpan('request', { parent: unsampled }, async () => (carried = currentTraceCarrier()));
    expect(carried?.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-00$/);
    expect(await spans()).toHaveLength(0);
  });
});
