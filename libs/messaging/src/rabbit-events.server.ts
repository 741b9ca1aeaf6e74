import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { Logger, type LoggerService } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { RedressConfig } from '@redress/config';
import { SUBSCRIPTIONS, type ServiceName } from '@redress/contracts';
import type { TransactionRunner } from '@redress/persistence';
import type { AmqpConnection } from './amqp-connection.js';
import { within } from './timers.js';
import { EventConsumer } from './event-consumer.js';
import { eventsQueue, rpcQueue } from './queue-names.js';
import { RpcResponder } from './rpc-responder.js';

export const RABBIT_EVENTS_TRANSPORT = Symbol('RABBIT_EVENTS');

export interface RabbitEventsServerDeps {
  service: ServiceName;
  config: Pick<RedressConfig, 'retryDelaysMs'>;
  connection: AmqpConnection;
  transactions: TransactionRunner;
  logger?: LoggerService;
}

export interface RabbitEventsServerOptions {
  /** Unacknowledged events per replica; below ~100 consumers starve (FACTS.md). */
  prefetch: number;
  rpcPrefetch: number;
  outagePauseMs: number;
  /** How long shutdown waits for handlers in flight. */
  drainTimeoutMs: number;
}

const DEFAULTS: RabbitEventsServerOptions = { prefetch: 100, rpcPrefetch: 20, outagePauseMs: 1000, drainTimeoutMs: 15_000 };

interface Subscription {
  channel: Channel;
  consumerTag: string;
}

/**
 * The Nest transport for RabbitMQ: `@EventPattern(type)` handlers consume `<service>.events` (routed by
 * the event type, bare envelopes, manual acks after commit), `@MessagePattern(name)` handlers answer
 * `<service>.rpc`. Consumers are re-created after every reconnect.
 */
export class RabbitEventsServer extends Server implements CustomTransportStrategy {
  override transportId = RABBIT_EVENTS_TRANSPORT;
  // Event handler failures come back to this transport, which retries or dead-letters them.
  override readonly propagatesEventHandlerErrors = true;
  private readonly options: RabbitEventsServerOptions;
  private readonly log: LoggerService;
  private readonly events: EventConsumer;
  private readonly requests: RpcResponder;
  private readonly inFlight = new Set<Promise<void>>();
  private subscriptions: Subscription[] = [];
  private unsubscribe?: () => void;
  private closing = false;

  constructor(private readonly deps: RabbitEventsServerDeps, options: Partial<RabbitEventsServerOptions> = {}) {
    super();
    this.options = { ...DEFAULTS, ...options };
    this.log = deps.logger ?? new Logger('RabbitEventsServer');
    this.events = new EventConsumer({
      service: deps.service,
      retryDelaysMs: deps.config.retryDelaysMs,
      transactions: deps.transactions,
      logger: this.log,
      eventHandler: (pattern) => this.handlerFor(pattern, true),
      outagePauseMs: this.options.outagePauseMs,
    });
    this.requests = new RpcResponder((pattern) => this.handlerFor(pattern, false), this.log);
  }

  listen(callback: (...optionalParams: unknown[]) => unknown): void {
    this.closing = false;
    this.reportSubscriptionGaps();
    this.unsubscribe = this.deps.connection.onConnect((model) =>
      this.subscribe(model).catch((error: Error) => {
        this.log.error({ msg: `Could not start consuming: ${error.message}` }, 'RabbitEventsServer');
        this.deps.connection.restart('consumers could not start', model);
      }),
    );
    callback();
  }

  /** Stops consuming, waits for the handlers in flight, then closes the channels (unhandled deliveries return to the queue). */
  async close(): Promise<void> {
    this.closing = true;
    this.unsubscribe?.();
    const subscriptions = this.subscriptions;
    this.subscriptions = [];
    await Promise.all(subscriptions.map(({ channel, consumerTag }) => channel.cancel(consumerTag).catch(() => undefined)));
    await within(Promise.allSettled([...this.inFlight]), this.options.drainTimeoutMs, []);
    await Promise.all(subscriptions.map(({ channel }) => channel.close().catch(() => undefined)));
  }

  on(): never {
    throw new Error('RabbitEventsServer has no events to listen to');
  }

  unwrap<T>(): T {
    return this.deps.connection as T;
  }

  get handling(): number {
    return this.inFlight.size;
  }

  private async subscribe(model: ChannelModel): Promise<void> {
    const { connection, service } = this.deps;
    const events = await connection.openChannel(model, 'event consumer', true);
    await events.prefetch(this.options.prefetch);
    const rpc = await connection.openChannel(model, 'rpc server');
    await rpc.prefetch(this.options.rpcPrefetch);
    for (const channel of [events, rpc]) channel.on('close', () => this.channelClosed(model));
    const eventsConsumer = await events.consume(eventsQueue(service), (m) => this.track(model, m, (message) => this.events.consume(events, message)));
    const rpcConsumer = await rpc.consume(rpcQueue(service), (m) => this.track(model, m, (message) => this.requests.answer(rpc, message)));
    this.subscriptions = [{ channel: events, consumerTag: eventsConsumer.consumerTag }, { channel: rpc, consumerTag: rpcConsumer.consumerTag }];
    if (this.closing) return void (await this.close());
    this.log.log({ msg: `Consuming ${eventsQueue(service)} and ${rpcQueue(service)}` }, 'RabbitEventsServer');
  }

  private track(model: ChannelModel, message: ConsumeMessage | null, work: (message: ConsumeMessage) => Promise<void>): void {
    if (!message) {
      // The broker cancelled the consumer (its queue was deleted): reconnecting declares it again.
      if (!this.closing) this.deps.connection.restart('the broker cancelled a consumer', model);
      return;
    }
    if (this.closing) return; // left unacknowledged: back to the queue when the channel closes
    const running: Promise<void> = work(message)
      .catch((error: Error) => this.log.error({ msg: `Unexpected failure while processing a delivery: ${error.message}`, stack: error.stack }, 'RabbitEventsServer'))
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  /** A channel closing under a live connection (a channel error) would silently stop consumption. */
  private channelClosed(model: ChannelModel): void {
    if (!this.closing) this.deps.connection.restart('a consumer channel closed', model);
  }

  private handlerFor(pattern: string, event: boolean): MessageHandler | null {
    const handler = this.getHandlerByPattern(pattern);
    return handler && handler.isEventHandler === event ? handler : null;
  }

  private reportSubscriptionGaps(): void {
    const subscribed = SUBSCRIPTIONS[this.deps.service];
    const missing = subscribed.filter((type) => !this.handlerFor(type, true));
    if (missing.length) {
      this.log.error({ msg: `No @EventPattern handler for ${missing.join(', ')}: ${eventsQueue(this.deps.service)} receives them (SUBSCRIPTIONS) and they will be acknowledged unhandled` }, 'RabbitEventsServer');
    }
    const unbound = [...this.getHandlers().entries()].filter(([pattern, h]) => h.isEventHandler && !subscribed.includes(pattern as never)).map(([p]) => p);
    if (unbound.length) {
      this.log.warn({ msg: `Handlers for ${unbound.join(', ')} will never run: add them to SUBSCRIPTIONS.${this.deps.service} in @redress/contracts` }, 'RabbitEventsServer');
    }
  }
}
