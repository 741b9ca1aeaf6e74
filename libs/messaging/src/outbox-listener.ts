import pg from 'pg';
import type { LoggerService } from '@nestjs/common';
import { backoffDelay, type Backoff } from './backoff.js';
import { OUTBOX_CHANNEL } from './messaging-schema.js';

/**
 * Holds a dedicated PostgreSQL connection LISTENing for outbox commits, so the relay publishes within
 * milliseconds instead of at its next poll. Reconnects on its own; after reconnecting it wakes the relay
 * once, for anything committed while it was away.
 */
export class OutboxListener {
  private client?: pg.Client;
  private stopped = true;
  private failures = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly databaseUrl: string,
    private readonly onCommit: () => void,
    private readonly logger: LoggerService,
    private readonly backoff: Backoff = { minMs: 500, maxMs: 10_000 },
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'redress-outbox-relay' });
    client.on('notification', () => this.onCommit());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (this.stopped) return void (await client.end());
      this.client = client;
      this.failures = 0;
      this.onCommit();
    } catch (error) {
      await client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn({ msg: `Outbox listener cannot reach the database: ${(error as Error).message}` }, 'OutboxRelay');
      this.retry();
    }
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    if (this.stopped) return;
    this.logger.warn({ msg: `Outbox listener lost the database${error ? `: ${error.message}` : ''}; reconnecting` }, 'OutboxRelay');
    this.retry();
  }

  private retry(): void {
    this.failures += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), backoffDelay(this.failures, this.backoff));
  }
}
