import type { DataSource } from 'typeorm';
import { createTestEnvironment, type TestEnvironment } from '@redress/testing';
import type { RedressConfig } from '@redress/config';
import type { ServiceName } from '@redress/contracts';
import { databaseName, databaseUrl, openDataSource, TransactionRunner } from '@redress/persistence';
import { AmqpConnection } from '../../src/amqp-connection.js';
import { messagingEntities, messagingMigrations } from '../../src/messaging-schema.js';
import { declareTopology } from '../../src/topology.js';
import { BrokerInspector } from './broker-inspector.js';
import { RecordingLogger } from './recording-logger.js';

// Reconnect quickly in tests; production waits longer between attempts.
export const FAST_RECONNECT = { reconnect: { minMs: 50, maxMs: 500 } };

/** One test file's world: its own vhost and database, the migrated tables, a broker inspector, and cleanup. */
export class MessagingFixture {
  readonly logger = new RecordingLogger();
  private readonly closers: (() => Promise<unknown>)[] = [];

  private constructor(
    readonly env: TestEnvironment,
    readonly service: ServiceName,
    readonly dataSource: DataSource,
    readonly transactions: TransactionRunner,
    readonly broker: BrokerInspector,
  ) {}

  static async create(label: string, service: ServiceName, overrides: NodeJS.ProcessEnv = {}): Promise<MessagingFixture> {
    const env = await createTestEnvironment(label, overrides);
    const dataSource = await openDataSource(env.config, { service, entities: messagingEntities, migrations: messagingMigrations });
    await dataSource.query('CREATE TABLE IF NOT EXISTS test_effects (event_id uuid NOT NULL, note text)');
    const broker = await BrokerInspector.open(env.config.rabbitmqUrl);
    await declareTopology(broker.channel, env.config.retryDelaysMs);
    return new MessagingFixture(env, service, dataSource, new TransactionRunner(dataSource), broker);
  }

  get config(): RedressConfig {
    return this.env.config;
  }

  get databaseUrl(): string {
    return databaseUrl(this.config.databaseUrl, databaseName(this.config, this.service));
  }

  /** A started connection (through `rabbitmqUrl`, e.g. a proxy) whose topology is declared. */
  async connection(rabbitmqUrl = this.config.rabbitmqUrl): Promise<AmqpConnection> {
    const connection = new AmqpConnection({ ...this.config, rabbitmqUrl }, this.service, this.logger, FAST_RECONNECT);
    connection.start();
    this.onClose(() => connection.close());
    await connection.waitForConnection(10_000);
    return connection;
  }

  /** Registers cleanup, run in reverse order by `close()`. */
  onClose(closer: () => Promise<unknown>): void {
    this.closers.push(closer);
  }

  async effects(): Promise<{ event_id: string; note: string }[]> {
    return this.dataSource.query('SELECT event_id, note FROM test_effects');
  }

  async close(): Promise<void> {
    for (const closer of this.closers.reverse()) await closer().catch(() => undefined);
    await this.broker.close();
    await this.dataSource.destroy();
    await this.env.dispose();
  }
}
