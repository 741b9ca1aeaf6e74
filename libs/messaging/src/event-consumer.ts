import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { LoggerService } from '@nestjs/common';
import type { MessageHandler } from '@nestjs/microservices';
import type { EventEnvelope, ServiceName } from '@redress/contracts';
import { correlation, inSpan, markSpanFailed, metrics, SpanKind, traceContextFrom, tracingEnabled } from '@redress/observability';
import type { TransactionRunner } from '@redress/persistence';
import { sleep, within } from './timers.js';
import { publishConfirmed } from './confirmed-publish.js';
import { readEnvelope } from './envelope-reader.js';
import { describeFailure, isDetailLost, type HandlerFailure } from './handler-failure.js';
import { invokeHandler, RabbitContext, type HandlerLookup } from './handler-invocation.js';
import { DeliveryWindow } from './delivery-window.js';
import { recordInbox } from './inbox.js';
import { copyTo, originalRoutingKey } from './message-copy.js';
import { HEADERS, type DeadLetterReason } from './message-headers.js';
import { deadLetterQueue, eventsQueue } from './queue-names.js';
import { attemptsSoFar, nextStep } from './retry-policy.js';

export interface EventConsumerDeps {
  service: ServiceName;
  retryDelaysMs: readonly number[];
  transactions: TransactionRunner;
  logger: LoggerService;
  eventHandler: HandlerLookup;
  /** How long an event waits before going back to the queue when a server is down (not counted as a failure). */
  outagePauseMs: number;
  /** At most this many deliveries handled in one transaction (default 100, the prefetch). 1 turns batching off. */
  maxBatch?: number;
  /**
   * At most this many of those transactions at once (default 4), so a backlog leaves database connections
   * for queries; what arrives meanwhile joins the next batch.
   */
  concurrentBatches?: number;
}

interface Delivery {
  channel: ConfirmChannel;
  message: ConsumeMessage;
}

/** A delivery that can join a batch: its envelope read and a handler found. */
interface Handleable extends Delivery {
  routingKey: string;
  envelope: EventEnvelope;
  handler: MessageHandler;
}

const CONTEXT = 'RabbitEventsServer';

/**
 * What happens to deliveries of `<service>.events`: dedupe, handle, ack after commit; retry or
 * dead-letter on failure.
 *
 * Deliveries that arrive together (a backlog, a burst) are handled in **one transaction**: one inbox
 * statement for all of them, each handler in turn, one commit, then every ack — the commit and its WAL
 * flush are what an event costs on its own. If anything in that transaction fails, it rolls back and
 * each delivery is handled again on its own, so one failing event is retried or dead-lettered alone and
 * its neighbours are still handled exactly once. A delivery that arrives alone takes the single path.
 */
export class EventConsumer {
  private warnedDetailLost = false;
  private readonly window: DeliveryWindow<Delivery>;

  constructor(private readonly deps: EventConsumerDeps) {
    this.window = new DeliveryWindow((deliveries) => this.consumeTogether(deliveries), deps.maxBatch ?? 100, deps.concurrentBatches ?? 4);
  }

  consume(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    return this.deps.maxBatch === 1 ? this.consumeOne(channel, message) : this.window.add({ channel, message });
  }

  private async consumeTogether(deliveries: Delivery[]): Promise<void> {
    if (deliveries.length === 1) return this.consumeOne(deliveries[0].channel, deliveries[0].message);
    const batch: Handleable[] = [];
    const alone: Delivery[] = [];
    for (const delivery of deliveries) {
      const routingKey = originalRoutingKey(delivery.message);
      const read = readEnvelope(delivery.message.content, routingKey);
      const handler = read.ok ? this.deps.eventHandler(routingKey) : null;
      if (read.ok && handler && delivery.channel === deliveries[0].channel) batch.push({ ...delivery, routingKey, envelope: read.envelope, handler });
      else alone.push(delivery);
    }
    await Promise.all([
      batch.length > 1 ? this.handleBatch(batch) : this.consumeAll(batch),
      this.consumeAll(alone),
    ]);
  }

  private async consumeAll(deliveries: Delivery[]): Promise<void> {
    await Promise.all(deliveries.map((d) => this.consumeOne(d.channel, d.message)));
  }

  private async handleBatch(batch: Handleable[]): Promise<void> {
    let handled: Set<Handleable>;
    try {
      handled = await this.handleBatchOnce(batch);
    } catch (error) {
      this.deps.logger.debug?.({ msg: `A batch of ${batch.length} events rolled back (${describeFailure(error).message}); handling each on its own` }, CONTEXT);
      return this.consumeAll(batch);
    }
    for (const delivery of batch) {
      const { routingKey, envelope } = delivery;
      metrics.eventsConsumed.inc({ type: routingKey, outcome: handled.has(delivery) ? 'handled' : 'duplicate' });
      if (handled.has(delivery)) this.deps.logger.log({ msg: `Handled ${routingKey}`, eventId: envelope.id, complaintId: envelope.complaintId, batch: batch.length }, CONTEXT);
      settle(() => delivery.channel.ack(delivery.message));
    }
  }

  /**
   * One inbox statement, the handlers of the events not seen before, one commit. Handlers run one after
   * another, ordered by complaint (stable, so one complaint's events keep their order): two replicas'
   * batches then lock complaints in the same order and do not deadlock each other.
   */
  private handleBatchOnce(batch: Handleable[]): Promise<Set<Handleable>> {
    return this.deps.transactions.run(async (manager) => {
      const fresh = await recordInbox(manager, batch.map((d) => d.envelope));
      const handled = new Set<Handleable>();
      const ordered = [...batch].sort((a, b) => compareComplaints(a.envelope.complaintId, b.envelope.complaintId));
      for (const delivery of ordered) {
        if (!fresh.delete(delivery.envelope.id)) continue; // handled before, or a second copy in this batch
        const { message, routingKey, envelope, handler } = delivery;
        const started = Date.now();
        await correlation.run(envelope.correlationId, () =>
          this.traced(message, routingKey, envelope, () => invokeHandler(handler, envelope, new RabbitContext([message, routingKey]))));
        metrics.eventHandlingDuration.observe({ type: routingKey }, (Date.now() - started) / 1000);
        handled.add(delivery);
      }
      return handled;
    });
  }

  private async consumeOne(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    const routingKey = originalRoutingKey(message);
    const read = readEnvelope(message.content, routingKey);
    const correlationId = read.ok ? read.envelope.correlationId : message.properties.correlationId;
    await correlation.run(correlationId, async () => {
      if (read.ok) return this.traced(message, routingKey, read.envelope, () => this.dispatch(channel, message, routingKey, read.envelope));
      if (read.reason === 'unknown-version') {
        this.deps.logger.warn({ msg: `Skipped an event version this service does not know: ${read.problems.join('; ')}`, messageId: message.properties.messageId }, CONTEXT);
        return settle(() => channel.ack(message));
      }
      const reason = read.reason === 'unknown-type' ? 'unknown-type' : 'malformed';
      await this.deadLetter(channel, message, routingKey, reason, read.problems.join('; '), attemptsSoFar(message.properties));
    });
  }

  /** A CONSUMER span around the handling of a delivery, child of the publisher's span (AMQP `traceparent`). */
  private traced<T>(message: ConsumeMessage, routingKey: string, envelope: EventEnvelope, work: () => Promise<T>): Promise<T> {
    if (!tracingEnabled()) return work();
    return inSpan(`${routingKey} process`, {
      kind: SpanKind.CONSUMER,
      parent: traceContextFrom(message.properties.headers),
      attributes: {
        'messaging.system': 'rabbitmq',
        'messaging.operation.type': 'process',
        'messaging.destination.name': eventsQueue(this.deps.service),
        'messaging.rabbitmq.destination.routing_key': routingKey,
        'messaging.message.id': envelope.id,
        'redress.correlation_id': envelope.correlationId,
      },
    }, work);
  }

  private async dispatch(channel: ConfirmChannel, message: ConsumeMessage, routingKey: string, envelope: EventEnvelope): Promise<void> {
    const handler = this.deps.eventHandler(routingKey);
    if (!handler) {
      this.deps.logger.warn({ msg: `No handler for ${routingKey}; acknowledged without handling`, eventId: envelope.id }, CONTEXT);
      return settle(() => channel.ack(message));
    }
    try {
      const started = Date.now();
      const handled = await this.handleOnce(handler, message, routingKey, envelope);
      metrics.eventsConsumed.inc({ type: routingKey, outcome: handled ? 'handled' : 'duplicate' });
      if (!handled) this.deps.logger.debug?.({ msg: `Skipped ${routingKey} ${envelope.id}: already handled`, eventId: envelope.id }, CONTEXT);
      else {
        metrics.eventHandlingDuration.observe({ type: routingKey }, (Date.now() - started) / 1000);
        this.deps.logger.log({ msg: `Handled ${routingKey}`, eventId: envelope.id, complaintId: envelope.complaintId, ms: Date.now() - started }, CONTEXT);
      }
      settle(() => channel.ack(message));
    } catch (error) {
      markSpanFailed(error);
      await this.failed(channel, message, routingKey, envelope, describeFailure(error));
    }
  }

  /** The inbox row and the handler's effects commit together, or not at all. */
  private handleOnce(handler: MessageHandler, message: ConsumeMessage, routingKey: string, envelope: EventEnvelope): Promise<boolean> {
    const { transactions } = this.deps;
    return transactions.run(async (manager) => {
      if (!(await recordInbox(manager, [envelope])).size) return false;
      await invokeHandler(handler, envelope, new RabbitContext([message, routingKey]));
      return true;
    });
  }

  private async failed(channel: ConfirmChannel, message: ConsumeMessage, routingKey: string, envelope: EventEnvelope, failure: HandlerFailure): Promise<void> {
    this.warnIfDetailLost(failure);
    if (failure.transient || !(await this.databaseAnswers())) {
      this.deps.logger.warn({ msg: `${routingKey} ${envelope.id} hit an outage (${failure.message}); back to the queue, not counted as an attempt` }, CONTEXT);
      await sleep(this.deps.outagePauseMs);
      return settle(() => channel.nack(message, false, true));
    }
    const step = nextStep(this.deps.service, attemptsSoFar(message.properties), this.deps.retryDelaysMs);
    if (step.kind === 'dead-letter') {
      return this.deadLetter(channel, message, routingKey, 'handler-failed', failure.message, step.attempts, failure.stack);
    }
    metrics.eventsConsumed.inc({ type: routingKey, outcome: 'retried' });
    this.deps.logger.warn({ msg: `${routingKey} ${envelope.id} failed (attempt ${step.attempts}): ${failure.message}; retrying in ${step.delayMs} ms`, stack: failure.stack }, CONTEXT);
    const headers = { [HEADERS.attempts]: step.attempts, [HEADERS.routingKey]: routingKey, [HEADERS.error]: truncate(failure.message) };
    await this.moveTo(channel, message, copyTo(step.queue, message, headers));
  }

  private async deadLetter(channel: ConfirmChannel, message: ConsumeMessage, routingKey: string, reason: DeadLetterReason, error: string, attempts: number, stack?: string): Promise<void> {
    const queue = deadLetterQueue(this.deps.service);
    metrics.eventsConsumed.inc({ type: routingKey, outcome: 'dead_lettered' });
    this.deps.logger.error({ msg: `${routingKey} ${message.properties.messageId ?? ''} moved to ${queue} (${reason}, ${attempts} failed attempts): ${error}`, stack }, CONTEXT);
    const headers = {
      [HEADERS.reason]: reason,
      [HEADERS.error]: truncate(error),
      [HEADERS.attempts]: attempts,
      [HEADERS.routingKey]: routingKey,
      [HEADERS.failedAt]: new Date().toISOString(),
      [HEADERS.service]: this.deps.service,
    };
    await this.moveTo(channel, message, copyTo(queue, message, headers));
  }

  /** Acks the original only once the broker has confirmed the copy; otherwise it is redelivered, uncounted. */
  private async moveTo(channel: ConfirmChannel, message: ConsumeMessage, copy: ReturnType<typeof copyTo>): Promise<void> {
    const [outcome] = await publishConfirmed(channel, [copy]);
    if (outcome.ok) return settle(() => channel.ack(message));
    this.deps.logger.warn({ msg: `Could not move ${message.properties.messageId ?? 'a message'} to ${copy.routingKey}: ${outcome.error.message}` }, CONTEXT);
    await sleep(this.deps.outagePauseMs);
    settle(() => channel.nack(message, false, true));
  }

  private async databaseAnswers(): Promise<boolean> {
    return within(this.deps.transactions.dataSource.query('SELECT 1').then(() => true, () => false), 2000, false);
  }

  private warnIfDetailLost(failure: HandlerFailure): void {
    if (this.warnedDetailLost || !isDetailLost(failure)) return;
    this.warnedDetailLost = true;
    this.deps.logger.warn({
      msg: 'Handler errors reach the transport as "Internal server error": connect the microservice with { inheritAppConfig: true } so MessagingModule can keep their code and message',
    }, CONTEXT);
  }
}

/** Acks and nacks on a channel that closed meanwhile throw; the broker redelivers those messages anyway. */
function settle(action: () => void): void {
  try {
    action();
  } catch {
    // channel closed: nothing to settle any more
  }
}

function truncate(text: string): string {
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text;
}

/** Events without a complaint first, then by complaint id. */
function compareComplaints(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0;
  if (!a) return -1;
  if (!b) return 1;
  return a < b ? -1 : 1;
}
