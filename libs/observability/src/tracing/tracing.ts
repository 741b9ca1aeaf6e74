import { context, diag, DiagLogLevel, propagation, trace } from '@opentelemetry/api';
import type { LoggerService } from '@nestjs/common';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** What a process needs to know to export its spans (RedressConfig.tracing). */
export interface TracingSettings {
  /** OTLP/HTTP traces URL; unset → tracing stays off. */
  tracesUrl?: string;
  /** Overrides the process's own name as `service.name`. */
  serviceName?: string;
  /** Milliseconds between two exports of the batch span processor. */
  batchDelayMs: number;
  /** Share of new traces recorded (0..1); a sampled caller's traces are always kept. */
  sampleRatio: number;
}

let provider: TracerProvider | undefined;

/** The one tracer of the system; a no-op until startTracing registers a provider. */
export const tracer = trace.getTracer('redress');

/** False unless an exporter is configured: instrumented code then skips all tracing work. */
export function tracingEnabled(): boolean {
  return provider !== undefined;
}

/**
 * Registers the OpenTelemetry SDK for this process when an OTLP endpoint is configured: W3C trace
 * context, AsyncLocalStorage context, a parent-based ratio sampler and a batch span processor. Without
 * an endpoint nothing is registered and the API stays the no-op one. The SDK's warnings (a collector
 * that cannot be reached) go to `logger`. `exporter` replaces OTLP (tests).
 */
export function startTracing(service: string, settings: TracingSettings, logger?: LoggerService, exporter?: SpanExporter): boolean {
  if (provider) return true;
  if (!settings.tracesUrl && !exporter) return false;
  // The SDK's own troubles (a collector that refuses or cannot be reached) in our logs, not silently.
  if (logger) diag.setLogger(sdkLogger(logger), DiagLogLevel.WARN);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName ?? service, 'service.namespace': 'redress' }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.sampleRatio) }),
    spanProcessors: [
      new BatchSpanProcessor({ exporter: exporter ?? new OTLPTraceExporter({ url: settings.tracesUrl }), scheduledDelayMillis: settings.batchDelayMs }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  return true;
}

/** Exports the spans still buffered, then turns tracing off (graceful shutdown). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  if (!stopping) return;
  provider = undefined;
  await stopping.shutdown().catch(() => undefined);
  trace.disable();
  propagation.disable();
  context.disable();
  diag.disable();
}

function sdkLogger(logger: LoggerService) {
  const warn = (message: string) => logger.warn({ msg: `OpenTelemetry: ${message}` }, 'Tracing');
  const ignore = () => undefined;
  return { error: warn, warn, info: ignore, debug: ignore, verbose: ignore };
}

/** Exports the spans buffered so far without stopping (tests). */
export async function flushTraces(): Promise<void> {
  await provider?.forceFlush();
}
