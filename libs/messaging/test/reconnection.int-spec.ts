import { jest } from '@jest/globals';
import type { MessageHandler } from '@nestjs/microservices';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@redress/contracts';
import { openDataSource, TransactionRunner } from '@redress/persistence';
import { TcpProxy, waitFor } from '@redress/testing';
import type { AmqpConnection } from '../src/amqp-connection.js';
import { EventPublisher } from '../src/event-publisher.js';
import { messagingEntities, messagingMigrations } from '../src/messaging-schema.js';
import { OutboxRelay } from '../src/outbox-relay.js';
import { RabbitEventsServer } from '../src/rabbit-events.server.js';
import { MessagingFixture } from './support/messaging-fixture.js';
import { complaintReceived, receivedEnvelope } from './support/sample-events.js';

// The integration project's testTimeout in jest.config.js does not reach tests (Jest reads it globally only).
jest.setTimeout(30_000);

describe('surviving outages (real PostgreSQL and RabbitMQ, connections cut by a proxy)', () => {
  let fixture: MessagingFixture;
  const handled: string[] = [];

  beforeAll(async () => {
    fixture = await MessagingFixture.create('outages', 'notification', { EVENT_RETRY_DELAYS_MS: '100,200' });
  });

  afterAll(() => fixture.close());

  async function consumer(connection: AmqpConnection, transactions: TransactionRunner): Promise<RabbitEventsServer> {
    const server = new RabbitEventsServer(
      { service: 'notification', config: fixture.config, connection, transactions, logger: fixture.logger },
      { outagePauseMs: 50 },
    );
    const handler = async (event: EventEnvelope) => {
      await transactions.requireManager().query('INSERT INTO test_effects (event_id, note) VALUES ($1, $2)', [event.id, 'handled']);
      await new Promise((resolve) => setTimeout(resolve, 5)); // keep work in flight when the connection drops
      handled.push(event.id);
    };
    server.addHandler('complaint.received', handler as MessageHandler, true);
    server.listen(() => undefined);
    fixture.onClose(() => server.close());
    return server;
  }

  async function effectCounts(ids: string[]): Promise<number[]> {
    const rows: { event_id: string; n: number }[] = await fixture.dataSource.query(
      'SELECT event_id, count(*)::int AS n FROM test_effects WHERE event_id = ANY($1::uuid[]) GROUP BY event_id', [ids]);
    const byId = new Map(rows.map((r) => [r.event_id, r.n]));
    return ids.map((id) => byId.get(id) ?? 0);
  }

  it('keeps consuming after its broker connection drops mid-stream: nothing lost, each event handled once', async () => {
    const proxy = await TcpProxy.forUrl(fixture.config.rabbitmqUrl).start();
    fixture.onClose(() => proxy.close());
    const connection = await fixture.connection(proxy.urlThrough(fixture.config.rabbitmqUrl));
    const server = await consumer(connection, fixture.transactions);

    const before = Array.from({ length: 150 }, () => receivedEnvelope());
    for (const envelope of before) fixture.broker.publishEnvelope(envelope);
    await waitFor(() => handled.length >= 30, { description: 'consumption under way' });
    proxy.cut();
    const handledAtCut = handled.length;
    await waitFor(() => !connection.isConnected(), { description: 'the drop to be noticed' });
    const during = Array.from({ length: 50 }, () => receivedEnvelope());
    for (const envelope of during) fixture.broker.publishEnvelope(envelope);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(handled.filter((id) => during.some((e) => e.id === id))).toEqual([]);

    proxy.restore();
    const all = [...before, ...during].map((e) => e.id);
    await waitFor(async () => (await effectCounts(all)).every((n) => n >= 1), { timeoutMs: 15_000, description: 'all 200 events handled' });
    await waitFor(async () => (await fixture.broker.messageCount('notification.events')) === 0 && server.handling === 0, { description: 'all acked' });
    expect(await effectCounts(all)).toEqual(all.map(() => 1));
    expect(await fixture.broker.messageCount('notification.events.dlq')).toBe(0);
    expect(connection.isConnected()).toBe(true);
    expect(handledAtCut).toBeLessThan(before.length); // the drop really came mid-stream
    await server.close();
  });

  it('rides out a database outage: deliveries wait uncounted, the relay resumes, nothing is dead-lettered', async () => {
    const pgProxy = await TcpProxy.forUrl(fixture.config.databaseUrl).start();
    fixture.onClose(() => pgProxy.close());
    const proxiedConfig = { ...fixture.config, databaseUrl: pgProxy.urlThrough(fixture.config.databaseUrl) };
    const proxied: DataSource = await openDataSource(proxiedConfig, { service: 'notification', entities: messagingEntities, migrations: messagingMigrations });
    fixture.onClose(() => proxied.destroy());
    const connection = await fixture.connection();
    const server = await consumer(connection, new TransactionRunner(proxied));
    const relay = new OutboxRelay(
      { service: 'notification', dataSource: proxied, databaseUrl: pgProxy.urlThrough(fixture.databaseUrl), connection, logger: fixture.logger },
      { pollIntervalMs: 200, errorBackoff: { minMs: 50, maxMs: 300 } },
    );
    await relay.start();
    fixture.onClose(() => relay.stop());
    const tapped = await fixture.broker.tapExchange();

    fixture.logger.entries.length = 0;
    pgProxy.cut();
    const delivered = receivedEnvelope();
    fixture.broker.publishEnvelope(delivered);
    // Committed by another replica, which can still reach the database, while this relay cannot.
    const pending = await fixture.transactions.run(() => new EventPublisher(fixture.transactions).publish(complaintReceived()));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await effectCounts([delivered.id])).toEqual([0]);
    expect(tapped.map((m) => m.properties.messageId)).not.toContain(pending.id);

    pgProxy.restore();
    await waitFor(async () => (await effectCounts([delivered.id]))[0] === 1, { timeoutMs: 10_000, description: 'the delivery handled after the outage' });
    await waitFor(() => tapped.some((m) => m.properties.messageId === pending.id), { timeoutMs: 10_000, description: 'the relay to publish after the outage' });
    expect(await fixture.broker.messageCount('notification.events.dlq')).toBe(0);
    expect(fixture.logger.messages('warn').some((m) => m.includes('not counted as an attempt'))).toBe(true);
    await server.close();
  });
});
