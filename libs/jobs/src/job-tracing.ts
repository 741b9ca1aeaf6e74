import { Queue, type Job, type JobsOptions } from 'bullmq';
import { currentTraceCarrier, inSpan, SpanKind, traceContextFrom, tracingEnabled } from '@redress/observability';

type TelemetryOptions = Pick<JobsOptions, 'telemetry'>;

/**
 * A queue that stores the enqueuer's trace context on every job it adds, in BullMQ's own slot for it
 * (`opts.telemetry.metadata`, kept with the job in Redis), so the worker's span joins that trace.
 * With tracing off the options pass through untouched.
 */
export class TracedQueue extends Queue {
  override add(...[name, data, opts]: Parameters<Queue['add']>): ReturnType<Queue['add']> {
    return super.add(name, data, withTraceContext(opts));
  }

  override addBulk(jobs: Parameters<Queue['addBulk']>[0]): ReturnType<Queue['addBulk']> {
    if (!currentTraceCarrier()) return super.addBulk(jobs);
    return super.addBulk(jobs.map((job) => ({ ...job, opts: withTraceContext(job.opts) })));
  }
}

function withTraceContext<T extends TelemetryOptions>(opts: T | undefined): T | undefined {
  const carrier = currentTraceCarrier();
  if (!carrier || opts?.telemetry?.metadata) return opts;
  return { ...opts, telemetry: { ...opts?.telemetry, metadata: JSON.stringify(carrier) } } as T;
}

/**
 * Processes a job inside a CONSUMER span: a child of the trace that enqueued it, or — for a delayed job
 * (a timer that fires hours later) — a new trace linked to it, so one request's trace does not last days.
 */
export function processTraced<R>(queue: string, job: Job, work: () => Promise<R>): Promise<R> {
  if (!tracingEnabled()) return work();
  const enqueuedIn = traceContextFrom(storedCarrier(job));
  const delayed = (job.opts.delay ?? 0) > 0;
  return inSpan(`${queue} process`, {
    kind: SpanKind.CONSUMER,
    ...(delayed ? { linkTo: enqueuedIn } : { parent: enqueuedIn }),
    attributes: {
      'messaging.system': 'bullmq',
      'messaging.operation.type': 'process',
      'messaging.destination.name': queue,
      'messaging.message.id': job.id ?? '',
      'bullmq.job.name': job.name,
      'bullmq.job.attempt': job.attemptsMade + 1,
    },
  }, work);
}

function storedCarrier(job: Job): unknown {
  const metadata = job.opts.telemetry?.metadata;
  if (!metadata) return undefined;
  try {
    return JSON.parse(metadata);
  } catch {
    return undefined; // written by another telemetry integration: start afresh
  }
}
