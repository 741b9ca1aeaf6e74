import { metrics } from '@redress/observability';
import type { ConfirmChannel } from 'amqplib';
import { Logger, type LoggerService } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EVENTS_EXCHANGE, type ServiceName } from '@redress/contracts';
import type { AmqpConnection } from './amqp-connection.js';
import { backoffDelay, type Backoff } from './backoff.js';
import { publishConfirmed } from './confirmed-publish.js';
import { eventMessage } from './event-message.js';
import { OutboxListener } from './outbox-listener.js';
import { OutboxStore, type ClaimedEvent } from './outbox-store.js';
import { tracePublication } from './publication-tracing.js';

export interface OutboxRelayOptions {
  batchSize: number;
  /** Safety net only: commits wake the relay through LISTEN/NOTIFY. */
  pollIntervalMs: number;
  /** How long a claimed row stays reserved for this relay; longer than a confirm can take. */
  leaseMs: number;
  confirmTimeoutMs: number;
  /** Published rows older than this are deleted. */
  retentionMs: number;
  pruneEveryMs: number;
  errorBackoff: Backoff;
}

const DEFAULTS: OutboxRelayOptions = {
  batchSize: 1000,
  pollIntervalMs: 5000,
  leaseMs: 30_000,
  confirmTimeoutMs: 15_000,
  retentionMs: 7 * 24 * 3600_000,
  pruneEveryMs: 3600_000,
  errorBackoff: { minMs: 500, maxMs: 10_000 },
};

export interface OutboxRelayDeps {
  service: ServiceName;
  dataSource: DataSource;
  /** The service database's URL, for the LISTEN connection. */
  databaseUrl: string;
  connection: AmqpConnection;
  logger?: LoggerService;
}

/** Publishes committed outbox rows to `complaints.events` with confirms; several replicas may run it at once. */
export class OutboxRelay {
  readonly store: OutboxStore;
  private readonly options: OutboxRelayOptions;
  private readonly logger: LoggerService;
  private readonly listener: OutboxListener;
  private stopped = true;
  private running?: Promise<void>;
  private wakeRequested = false;
  private wake?: () => void;
  private channel?: ConfirmChannel;
  private unsubscribe?: () => void;
  private publishedUnmarked: string[] = [];
  private lastPrune = 0;

  constructor(private readonly deps: OutboxRelayDeps, options: Partial<OutboxRelayOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.logger = deps.logger ?? new Logger('OutboxRelay');
    this.store = new OutboxStore(deps.dataSource);
    this.listener = new OutboxListener(deps.databaseUrl, () => this.poke(), this.logger, this.options.errorBackoff);
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.deps.connection.onConnect(() => this.poke());
    await this.listener.start();
    this.running = this.loop();
  }

  /** Asks for a pass now (a commit, a reconnect). */
  poke(): void {
    this.wakeRequested = true;
    this.wake?.();
  }

  /** Finishes the batch in flight (its confirms included), then stops. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe?.();
    this.poke();
    await this.running;
    await this.listener.stop();
    await this.channel?.close().catch(() => undefined);
    this.channel = undefined;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      this.wakeRequested = false;
      try {
        const more = await this.relayBatch();
        await this.pruneWhenDue();
        failures = 0;
        if (!more) await this.idle(this.options.pollIntervalMs);
      } catch (error) {
        failures += 1;
        this.logger.warn({ msg: `Outbox relay pass failed (${failures} in a row): ${(error as Error).message}` }, 'OutboxRelay');
        await this.idle(backoffDelay(failures, this.options.errorBackoff));
      }
    }
  }

  /**
   * One pass over what is pending. A batch is claimed and published with its confirms in flight
   * together; while the broker confirms a full batch, the next one is claimed and published behind it
   * (the wire keeps their order), so the relay never sits idle waiting for confirms. True when more
   * may wait.
   */
  private async relayBatch(): Promise<boolean> {
    await this.markUnmarked();
    if (!this.deps.connection.isConnected()) return false; // a reconnect pokes the relay
    const channel = await this.confirmChannel();
    let confirming: Promise<void> | undefined; // the batch published last, until the broker has answered for it
    try {
      for (;;) {
        const rows = await this.store.claim(this.options.batchSize, this.options.leaseMs);
        const before = confirming;
        confirming = rows.length ? this.publish(channel, rows) : undefined;
        confirming?.catch(() => undefined); // awaited below; its failure must not go unhandled meanwhile
        await before;
        if (rows.length < this.options.batchSize || this.stopped) {
          await confirming;
          return rows.length === this.options.batchSize;
        }
      }
    } finally {
      await confirming?.catch(() => undefined);
    }
  }

  /** Publishes claimed rows, then marks the confirmed ones and gives the others back. */
  private async publish(channel: ConfirmChannel, rows: ClaimedEvent[]): Promise<void> {
    const appId = `redress-${this.deps.service}`;
    const messages = rows.map((row) => eventMessage(EVENTS_EXCHANGE, row.envelope, appId));
    const published = tracePublication(rows, messages);
    const outcomes = await publishConfirmed(channel, messages, this.options.confirmTimeoutMs);
    published(outcomes);
    const confirmed = rows.filter((_, i) => outcomes[i].ok);
    this.publishedUnmarked.push(...confirmed.map((row) => row.id));
    for (const row of confirmed) metrics.eventsPublished.inc({ type: row.envelope.type });
    await this.markUnmarked();
    const failure = outcomes.find((outcome) => !outcome.ok);
    if (failure && !failure.ok) {
      await this.dropChannel(channel);
      await this.store.release(rows.filter((_, i) => !outcomes[i].ok).map((row) => row.id), failure.error.message);
      throw new Error(`${outcomes.filter((o) => !o.ok).length} of ${rows.length} events not confirmed: ${failure.error.message}`);
    }
  }

  /** Rows the broker confirmed are marked even if the database hiccupped when they were first marked. */
  private async markUnmarked(): Promise<void> {
    if (!this.publishedUnmarked.length) return;
    const ids = this.publishedUnmarked;
    this.publishedUnmarked = [];
    try {
      await this.store.markPublished(ids);
    } catch (error) {
      this.publishedUnmarked.push(...ids);
      throw error;
    }
  }

  private async confirmChannel(): Promise<ConfirmChannel> {
    if (this.channel) return this.channel;
    const model = await this.deps.connection.waitForConnection(1000);
    const channel = await this.deps.connection.openChannel(model, 'outbox relay', true);
    channel.on('close', () => {
      if (this.channel === channel) this.channel = undefined;
    });
    this.channel = channel;
    return channel;
  }

  private async dropChannel(channel: ConfirmChannel): Promise<void> {
    if (this.channel === channel) this.channel = undefined;
    await channel.close().catch(() => undefined);
  }

  private async pruneWhenDue(): Promise<void> {
    if (Date.now() - this.lastPrune < this.options.pruneEveryMs) return;
    this.lastPrune = Date.now();
    const deleted = await this.store.prune(this.options.retentionMs);
    if (deleted) this.logger.log({ msg: `Pruned ${deleted} published outbox rows` }, 'OutboxRelay');
  }

  private idle(ms: number): Promise<void> {
    if (this.wakeRequested || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
