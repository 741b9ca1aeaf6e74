import amqp, { type Channel, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { Logger, type LoggerService } from '@nestjs/common';
import type { RedressConfig } from '@redress/config';
import type { ServiceName } from '@redress/contracts';
import { backoffDelay, type Backoff } from './backoff.js';
import { declareTopology } from './topology.js';

export interface AmqpConnectionOptions {
  reconnect?: Backoff;
  heartbeatSeconds?: number;
}

/** Called after every (re)connect, once the topology is declared: the place to (re)open channels and consumers. */
export type ConnectListener = (connection: ChannelModel) => void | Promise<void>;

/**
 * The service's one connection to RabbitMQ. amqplib never reconnects by itself; this does, with
 * backoff, and re-declares the whole topology before telling anyone the connection is back.
 */
export class AmqpConnection {
  private current?: ChannelModel;
  private started = false;
  private closing = false;
  private failures = 0;
  private timer?: NodeJS.Timeout;
  private readonly listeners = new Set<ConnectListener>();
  private readonly waiters = new Set<{ resolve: (model: ChannelModel) => void; reject: (error: Error) => void }>();
  private readonly reconnect: Backoff;

  constructor(
    private readonly config: Pick<RedressConfig, 'rabbitmqUrl' | 'retryDelaysMs'>,
    private readonly service: ServiceName,
    private readonly logger: LoggerService = new Logger('AmqpConnection'),
    private readonly options: AmqpConnectionOptions = {},
  ) {
    this.reconnect = options.reconnect ?? { minMs: 250, maxMs: 10_000 };
  }

  /** Starts connecting in the background; boot does not wait for the broker (readiness reports it). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.closing = false;
    void this.connect();
  }

  isConnected(): boolean {
    return this.current !== undefined;
  }

  /** Runs `listener` now if connected and after every reconnect; returns a function that unsubscribes. */
  onConnect(listener: ConnectListener): () => void {
    this.listeners.add(listener);
    if (this.current) this.notify(listener, this.current);
    return () => this.listeners.delete(listener);
  }

  /** The live connection, waiting up to `timeoutMs` for one. */
  waitForConnection(timeoutMs = 5000): Promise<ChannelModel> {
    if (this.current) return Promise.resolve(this.current);
    return new Promise((resolve, reject) => {
      const waiter = { resolve: (model: ChannelModel) => settle(() => resolve(model)), reject: (error: Error) => settle(() => reject(error)) };
      const timer = setTimeout(() => waiter.reject(new Error(`Not connected to the broker after ${timeoutMs} ms`)), timeoutMs);
      const settle = (done: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        done();
      };
      this.waiters.add(waiter);
    });
  }

  /** A channel whose errors are logged (an unhandled channel 'error' would kill the process). */
  async openChannel(model: ChannelModel, purpose: string, confirm: true): Promise<ConfirmChannel>;
  async openChannel(model: ChannelModel, purpose: string, confirm?: false): Promise<Channel>;
  async openChannel(model: ChannelModel, purpose: string, confirm = false): Promise<Channel> {
    const channel = confirm ? await model.createConfirmChannel() : await model.createChannel();
    channel.on('error', (error: Error) => this.logger.warn({ msg: `${purpose} channel failed: ${error.message}` }, 'AmqpConnection'));
    return channel;
  }

  /** Drops the connection (only if it is still `model`, when given) so that it is made again, topology and consumers included. */
  restart(reason: string, model: ChannelModel | undefined = this.current): void {
    if (!model || model !== this.current) return;
    this.logger.warn({ msg: `Reconnecting to the broker: ${reason}` }, 'AmqpConnection');
    model.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.started = false;
    clearTimeout(this.timer);
    for (const waiter of [...this.waiters]) waiter.reject(new Error('The broker connection is closing'));
    const model = this.current;
    this.current = undefined;
    await model?.close().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    let model: ChannelModel | undefined;
    try {
      model = await amqp.connect(this.url(), {
        noDelay: true,
        timeout: 10_000,
        clientProperties: { connection_name: `redress-${this.service}` },
      });
      const opened = model;
      opened.on('error', (error: Error) => this.logger.warn({ msg: `Broker connection error: ${error.message}` }, 'AmqpConnection'));
      opened.on('close', () => this.lost(opened));
      opened.on('blocked', (reason: string) => this.logger.warn({ msg: `Broker blocked publishing: ${reason}` }, 'AmqpConnection'));
      opened.on('unblocked', () => this.logger.log({ msg: 'Broker unblocked publishing' }, 'AmqpConnection'));
      await this.declare(opened);
      if (this.closing) return void (await opened.close().catch(() => undefined));
      this.connected(opened);
    } catch (error) {
      await model?.close().catch(() => undefined);
      if (this.closing) return;
      this.logger.warn({ msg: `Cannot reach the broker: ${(error as Error).message}` }, 'AmqpConnection');
      this.scheduleReconnect();
    }
  }

  private async declare(model: ChannelModel): Promise<void> {
    const channel = await this.openChannel(model, 'topology');
    await declareTopology(channel, this.config.retryDelaysMs);
    await channel.close();
  }

  private connected(model: ChannelModel): void {
    this.current = model;
    this.logger.log({ msg: this.failures ? `Reconnected to the broker after ${this.failures} failed attempts` : 'Connected to the broker' }, 'AmqpConnection');
    this.failures = 0;
    for (const waiter of [...this.waiters]) waiter.resolve(model);
    for (const listener of this.listeners) this.notify(listener, model);
  }

  private lost(model: ChannelModel): void {
    if (this.current !== model) return;
    this.current = undefined;
    if (this.closing) return;
    this.logger.warn({ msg: 'Lost the broker connection; reconnecting' }, 'AmqpConnection');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.failures += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), backoffDelay(this.failures, this.reconnect));
  }

  private notify(listener: ConnectListener, model: ChannelModel): void {
    Promise.resolve()
      .then(() => listener(model))
      .catch((error: Error) => this.logger.error({ msg: `Setting up after connecting failed: ${error.message}` }, 'AmqpConnection'));
  }

  private url(): string {
    const url = new URL(this.config.rabbitmqUrl);
    if (!url.searchParams.has('heartbeat')) url.searchParams.set('heartbeat', String(this.options.heartbeatSeconds ?? 15));
    return url.toString();
  }
}
