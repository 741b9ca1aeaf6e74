import { context, propagation, ROOT_CONTEXT, SpanStatusCode, trace, type Attributes, type Context, type Link, type Span, type SpanKind } from '@opentelemetry/api';
import type { TraceCarrier } from './trace-context.js';
import { tracer, tracingEnabled } from './tracing.js';

export interface WorkSpanOptions {
  kind?: SpanKind;
  /** The parent (e.g. extracted from a message); the active context when omitted. */
  parent?: Context;
  attributes?: Attributes;
  links?: Link[];
  /** Work that another trace asked for long ago (a delayed job): a new trace with a link to it, not a child. */
  linkTo?: Context;
}

function spanStart(options: WorkSpanOptions): { parent: Context; links: Link[] | undefined } {
  if (!options.linkTo) return { parent: options.parent ?? context.active(), links: options.links };
  const linked = trace.getSpanContext(options.linkTo);
  return { parent: ROOT_CONTEXT, links: [...(options.links ?? []), ...(linked ? [{ context: linked }] : [])] };
}

/**
 * Runs `work` inside a new active span that ends when the work settles, failed if it throws. With
 * tracing off it only runs `work`: no span, no context switch.
 */
export function inSpan<T>(name: string, options: WorkSpanOptions, work: () => Promise<T>): Promise<T> {
  if (!tracingEnabled()) return work();
  const { parent, links } = spanStart(options);
  const span = tracer.startSpan(name, { kind: options.kind, attributes: options.attributes, links }, parent);
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await work();
    } catch (error) {
      markSpanFailed(error, span);
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Starts a span that is not made active — for work that ends in a callback, such as a publish waiting
 * for its confirm — with the headers that make it the parent of whatever receives them. Undefined when
 * tracing is off. End it with `endSpan`.
 */
export function startDetachedSpan(name: string, options: WorkSpanOptions): { span: Span; headers: TraceCarrier } | undefined {
  if (!tracingEnabled()) return undefined;
  const { parent, links } = spanStart(options);
  const span = tracer.startSpan(name, { kind: options.kind, attributes: options.attributes, links }, parent);
  const headers: TraceCarrier = {};
  propagation.inject(trace.setSpan(ROOT_CONTEXT, span), headers);
  return { span, headers };
}

/** Ends a span, failed when `error` is given. */
export function endSpan(span: Span, error?: unknown): void {
  if (error !== undefined) markSpanFailed(error, span);
  span.end();
}

/** Marks a span (the active one by default) as failed, with the error as an exception event. */
export function markSpanFailed(error: unknown, span: Span | undefined = trace.getActiveSpan()): void {
  if (!span) return;
  const failure = error instanceof Error ? error : new Error(String(error));
  span.recordException(failure);
  span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message.slice(0, 300) });
}

/** The active trace's id (for log lines), or undefined outside a recorded trace. */
export function activeTraceId(): string | undefined {
  if (!tracingEnabled()) return undefined;
  const span = trace.getActiveSpan();
  return span?.isRecording() ? span.spanContext().traceId : undefined;
}
