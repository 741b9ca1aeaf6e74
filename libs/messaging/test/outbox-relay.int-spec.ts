import { jest } from '@jest/globals';
import type { ConsumeMessage } from 'amqplib';
import { TcpProxy, waitFor } from '@redress/testing';
import { EventPublisher } from '../src/event-publisher.js';
import { OutboxRelay } from '../src/outbox-relay.js';
import { idsOf } from './support/broker-inspector.js';
import { MessagingFixture } from './support/messaging-fixture.js';
import { complaintReceived } from './support/sample-events.js';

// The integration project's testTimeout in jest.config.js does not reach tests (Jest reads it globally only).
jest.setTimeout(30_000);

describe('outbox relay (real PostgreSQL and RabbitMQ)', () => {
  let fixture: MessagingFixture;
  let publisher: EventPublisher;
  let tapped: ConsumeMessage[];
  const started: OutboxRelay[] = [];

  beforeAll(async () => {
    fixture = await MessagingFixture.create('relay', 'intake');
    publisher = new EventPublisher(fixture.transactions);
    tapped = await fixture.broker.tapExchange();
  });

  afterAll(() => fixture.close());

  async function startRelay(rabbitmqUrl?: string, options: ConstructorParameters<typeof OutboxRelay>[1] = {}): Promise<OutboxRelay> {
    const connection = await fixture.connection(rabbitmqUrl);
    const relay = new OutboxRelay(
      { service: 'intake', dataSource: fixture.dataSource, databaseUrl: fixture.databaseUrl, connection, logger: fixture.logger },
      { errorBackoff: { minMs: 50, maxMs: 300 }, ...options },
    );
    await relay.start();
    fixture.onClose(() => relay.stop());
    started.push(relay);
    return relay;
  }

  const commit = (count = 1) => fixture.transactions.run(async () => {
    const envelopes = [];
    for (let i = 0; i < count; i += 1) envelopes.push(await publisher.publish(complaintReceived()));
    return envelopes;
  });

  const arrived = (id: string) => waitFor(() => tapped.find((m) => m.properties.messageId === id), { timeoutMs: 5000, description: `event ${id} on complaints.events` });

  it('publishes the bare envelope, persistent, with message_id, type, content type and correlation id', async () => {
    await startRelay(undefined, { pollIntervalMs: 60_000 });
    const [envelope] = await commit();
    const message = await arrived(envelope.id);
    expect(JSON.parse(message.content.toString())).toEqual(envelope);
    expect(Object.keys(JSON.parse(message.content.toString()))).toEqual(['id', 'type', 'version', 'occurredAt', 'complaintId', 'reference', 'correlationId', 'actor', 'data']);
    expect(message.fields.routingKey).toBe('complaint.received');
    expect(message.properties).toMatchObject({
      messageId: envelope.id, type: 'complaint.received', contentType: 'application/json', deliveryMode: 2, correlationId: envelope.correlationId, appId: 'redress-intake',
    });
    const [row] = await fixture.dataSource.query('SELECT published_at FROM outbox WHERE id = $1', [envelope.id]);
    expect(row.published_at).toBeInstanceOf(Date);
  });

  it('is woken by the commit itself (LISTEN/NOTIFY), not by its poll', async () => {
    // This relay polls once a minute: only the notification can explain a prompt publish.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    const [envelope] = await commit();
    await arrived(envelope.id);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('publishes nothing for a transaction that rolls back', async () => {
    let rolledBack = '';
    await expect(fixture.transactions.run(async () => {
      rolledBack = (await publisher.publish(complaintReceived())).id;
      throw new Error('the use case failed after publishing');
    })).rejects.toThrow('the use case failed');
    const [marker] = await commit();
    await arrived(marker.id);
    expect(idsOf(tapped)).not.toContain(rolledBack);
    expect(await fixture.dataSource.query('SELECT id FROM outbox WHERE id = $1', [rolledBack])).toEqual([]);
  });

  it('refuses to publish outside a transaction, and refuses a payload that breaks the contract', async () => {
    await expect(publisher.publish(complaintReceived())).rejects.toThrow(/inside TransactionRunner.run/);
    const broken = complaintReceived({ data: { cycle: 1 } as never });
    await expect(fixture.transactions.run(() => publisher.publish(broken))).rejects.toThrow(/breaks its contract.*data.channel/);
  });

  it('keeps events committed while the broker is unreachable and publishes them once it is back', async () => {
    const proxy = await TcpProxy.forUrl(fixture.config.rabbitmqUrl).start();
    fixture.onClose(() => proxy.close());
    const connection = await fixture.connection(proxy.urlThrough(fixture.config.rabbitmqUrl));
    const relay = new OutboxRelay(
      { service: 'intake', dataSource: fixture.dataSource, databaseUrl: fixture.databaseUrl, connection, logger: fixture.logger },
      { pollIntervalMs: 200, errorBackoff: { minMs: 50, maxMs: 300 } },
    );
    await relay.start();
    fixture.onClose(() => relay.stop());
    // Only this relay may publish now: stop the ones started by earlier tests.
    for (const other of started) await other.stop();

    proxy.cut();
    await waitFor(() => !connection.isConnected(), { description: 'the connection to notice the outage' });
    const committed = await commit(3);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(idsOf(tapped)).not.toEqual(expect.arrayContaining([committed[0].id]));
    expect(await relay.store.pendingCount()).toBe(3);

    proxy.restore();
    for (const envelope of committed) await arrived(envelope.id);
    // A message can reach a consumer before its confirm reaches the relay and the row is marked published.
    await waitFor(async () => (await relay.store.pendingCount()) === 0, { description: 'the relay to mark the events published' });
    expect(idsOf(tapped).filter((id) => committed.some((e) => e.id === id))).toHaveLength(3);
  });

  it('publishes every row exactly once when two relays share the outbox', async () => {
    const first = await startRelay(undefined, { batchSize: 10, pollIntervalMs: 100 });
    const second = await startRelay(undefined, { batchSize: 10, pollIntervalMs: 100 });
    const committed = (await Promise.all(Array.from({ length: 20 }, () => commit(15)))).flat();
    await waitFor(async () => (await first.store.pendingCount()) === 0, { timeoutMs: 10_000, description: 'the outbox to drain' });
    await waitFor(() => committed.every((e) => idsOf(tapped).includes(e.id)), { description: 'all 300 events on the exchange' });
    const counts = new Map<string, number>();
    for (const id of idsOf(tapped)) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(committed.map((e) => counts.get(e.id))).toEqual(committed.map(() => 1));
    void second;
  });

  it('publishes a backlog of many batches once each and in commit order, the next batch claimed while confirms are in flight', async () => {
    await Promise.all(started.splice(0).map((relay) => relay.stop())); // one relay alone, so the order is its own
    const backlog = await commit(95);
    const relay = await startRelay(undefined, { batchSize: 10, pollIntervalMs: 100 });
    await waitFor(async () => (await relay.store.pendingCount()) === 0, { timeoutMs: 10_000, description: 'the outbox to drain' });
    await waitFor(() => backlog.every((e) => idsOf(tapped).includes(e.id)), { description: 'all 95 events on the exchange' });
    const mine = new Set(backlog.map((e) => e.id));
    expect(idsOf(tapped).filter((id) => mine.has(id))).toEqual(backlog.map((e) => e.id));
  });

  it('prunes rows published longer ago than the retention, never pending ones', async () => {
    const relay = await startRelay();
    const [old, recent] = await commit(2);
    await arrived(old.id);
    await arrived(recent.id);
    await fixture.dataSource.query("UPDATE outbox SET published_at = now() - interval '8 days' WHERE id = $1", [old.id]);
    await fixture.dataSource.query("INSERT INTO outbox (id, type, envelope, lease_until) VALUES (gen_random_uuid(), 'complaint.received', '{}', now() + interval '1 hour')");
    const deleted = await relay.store.prune(7 * 24 * 3600_000);
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await fixture.dataSource.query('SELECT id FROM outbox WHERE id = $1', [old.id])).toEqual([]);
    expect(await fixture.dataSource.query('SELECT id FROM outbox WHERE id = $1', [recent.id])).toHaveLength(1);
    expect(await relay.store.pendingCount()).toBe(1);
    await fixture.dataSource.query('DELETE FROM outbox WHERE published_at IS NULL');
  });
});
