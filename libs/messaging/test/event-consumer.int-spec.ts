import { jest } from '@jest/globals';
import type { ConsumeMessage } from 'amqplib';
import type { MessageHandler } from '@nestjs/microservices';
import { waitFor } from '@redress/testing';
import type { EventEnvelope } from '@redress/contracts';
import { correlation } from '@redress/observability';
import type { AmqpConnection } from '../src/amqp-connection.js';
import { replayDeadLetters } from '../src/dead-letter-replay.js';
import { RabbitEventsServer } from '../src/rabbit-events.server.js';
import { idsOf } from './support/broker-inspector.js';
import { MessagingFixture } from './support/messaging-fixture.js';
import { receivedEnvelope } from './support/sample-events.js';

// The integration project's testTimeout in jest.config.js does not reach tests (Jest reads it globally only).
jest.setTimeout(30_000);

// notification consumes complaint.received (SUBSCRIPTIONS); retries wait 100 ms, then 200 ms.
describe('event consumer (real PostgreSQL and RabbitMQ)', () => {
  let fixture: MessagingFixture;
  let server: RabbitEventsServer;
  let connection: AmqpConnection;
  let tapped: ConsumeMessage[];
  let behaviour: (event: EventEnvelope) => Promise<void>;
  const calls: { id: string; at: number; correlationId?: string }[] = [];

  beforeAll(async () => {
    fixture = await MessagingFixture.create('consumer', 'notification', { EVENT_RETRY_DELAYS_MS: '100,200' });
    tapped = await fixture.broker.tapExchange();
    connection = await fixture.connection();
    server = new RabbitEventsServer(
      { service: 'notification', config: fixture.config, connection, transactions: fixture.transactions, logger: fixture.logger },
      { outagePauseMs: 50 },
    );
    const handler = async (event: EventEnvelope) => {
      calls.push({ id: event.id, at: Date.now(), correlationId: correlation.id() });
      // An effect in the handler's transaction: it must commit with the inbox row, or not at all.
      await fixture.transactions.requireManager().query('INSERT INTO test_effects (event_id, note) VALUES ($1, $2)', [event.id, 'handled']);
      await behaviour(event);
    };
    server.addHandler('complaint.received', handler as MessageHandler, true);
    await new Promise<void>((resolve) => server.listen(() => resolve()));
    await waitFor(() => fixture.logger.messages('log').some((m) => m.startsWith('Consuming notification.events')), { description: 'the consumer to subscribe' });
    fixture.onClose(() => server.close());
  });

  beforeEach(() => {
    behaviour = async () => undefined;
    calls.length = 0;
  });

  afterAll(() => fixture.close());

  const callsFor = (id: string) => calls.filter((c) => c.id === id);
  const effectsFor = async (id: string) => (await fixture.effects()).filter((e) => e.event_id === id);

  it('handles an event in the correlation context of its envelope, and acks it after commit', async () => {
    const envelope = receivedEnvelope('corr-from-the-gateway');
    fixture.broker.publishEnvelope(envelope);
    await waitFor(async () => (await effectsFor(envelope.id)).length === 1, { description: 'the effect to commit' });
    expect(callsFor(envelope.id)).toEqual([expect.objectContaining({ correlationId: 'corr-from-the-gateway' })]);
    await waitFor(async () => (await fixture.broker.messageCount('notification.events')) === 0 && server.handling === 0, { description: 'the ack' });
  });

  it('handles a duplicate delivery (same envelope id published twice) once', async () => {
    const envelope = receivedEnvelope();
    fixture.broker.publishEnvelope(envelope);
    fixture.broker.publishEnvelope(envelope);
    const marker = receivedEnvelope();
    await waitFor(async () => (await effectsFor(envelope.id)).length === 1, { description: 'the first copy to be handled' });
    fixture.broker.publishEnvelope(marker);
    await waitFor(async () => (await effectsFor(marker.id)).length === 1, { description: 'a later event to be handled' });
    await waitFor(async () => (await fixture.broker.messageCount('notification.events')) === 0 && server.handling === 0, { description: 'both copies acked' });
    expect(callsFor(envelope.id)).toHaveLength(1);
    expect(await effectsFor(envelope.id)).toHaveLength(1);
    expect(await fixture.dataSource.query('SELECT event_id FROM inbox WHERE event_id = $1', [envelope.id])).toHaveLength(1);
  });

  it('handles a burst in shared transactions (one inbox statement and one commit per batch), each event exactly once', async () => {
    const transactionOf = new Map<string, string>();
    behaviour = async (event) => {
      const [{ txid }] = await fixture.transactions.requireManager().query('SELECT txid_current()::text AS txid');
      transactionOf.set(event.id, txid);
    };
    const burst = Array.from({ length: 300 }, () => receivedEnvelope());
    for (const envelope of burst) fixture.broker.publishEnvelope(envelope);
    await waitFor(async () => (await fixture.effects()).filter((e) => burst.some((b) => b.id === e.event_id)).length === burst.length, { description: 'every event of the burst' });
    await waitFor(async () => (await fixture.broker.messageCount('notification.events')) === 0 && server.handling === 0, { description: 'every ack' });

    for (const envelope of burst) expect(callsFor(envelope.id)).toHaveLength(1);
    const inbox: unknown[] = await fixture.dataSource.query('SELECT event_id FROM inbox WHERE event_id = ANY($1::uuid[])', [burst.map((e) => e.id)]);
    expect(inbox).toHaveLength(burst.length);
    // Handled one transaction per event, there would be 300 transactions.
    expect(new Set(transactionOf.values()).size).toBeLessThan(burst.length / 3);
  });

  it('retries and dead-letters a failing event of a burst on its own; its neighbours are handled exactly once', async () => {
    const burst = Array.from({ length: 60 }, () => receivedEnvelope());
    const poisoned = burst[25];
    behaviour = async (event) => {
      if (event.id === poisoned.id) throw new Error('this one cannot be handled');
    };
    for (const envelope of burst) fixture.broker.publishEnvelope(envelope);
    await waitFor(async () => (await fixture.broker.messageCount('notification.events.dlq')) === 1, { timeoutMs: 10_000, description: 'the poisoned event in the DLQ' });
    await waitFor(async () => (await fixture.broker.messageCount('notification.events')) === 0 && server.handling === 0, { description: 'every ack' });

    const neighbours = burst.filter((e) => e !== poisoned);
    const effects = (await fixture.effects()).filter((e) => burst.some((b) => b.id === e.event_id));
    expect(effects.map((e) => e.event_id).sort()).toEqual(neighbours.map((e) => e.id).sort()); // each neighbour once, the poisoned one never
    // Its batch's try is not counted: then the delivery on its own and one retry per delay.
    expect(callsFor(poisoned.id).length).toBeGreaterThanOrEqual(3);
    const [dead] = await fixture.broker.drain('notification.events.dlq');
    expect(dead.properties.messageId).toBe(poisoned.id);
    expect(dead.properties.headers).toMatchObject({ 'x-redress-reason': 'handler-failed', 'x-redress-attempts': 3 });
  });

  it('retries a failing handler with backoff, then dead-letters it with the reason, never re-publishing to complaints.events', async () => {
    behaviour = async () => {
      throw new Error('acknowledgement template is missing');
    };
    const envelope = receivedEnvelope();
    fixture.broker.publishEnvelope(envelope);
    await waitFor(async () => (await fixture.broker.messageCount('notification.events.dlq')) === 1, { timeoutMs: 10_000, description: 'the DLQ' });

    const attempts = callsFor(envelope.id);
    expect(attempts).toHaveLength(3); // the delivery, then one retry per delay
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(90);
    expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(190);
    expect(await effectsFor(envelope.id)).toEqual([]); // every failed attempt rolled back
    expect(await fixture.dataSource.query('SELECT event_id FROM inbox WHERE event_id = $1', [envelope.id])).toEqual([]);

    const [dead] = await fixture.broker.drain('notification.events.dlq');
    expect(JSON.parse(dead.content.toString())).toEqual(envelope);
    expect(dead.properties).toMatchObject({ messageId: envelope.id, type: 'complaint.received', deliveryMode: 2 });
    expect(dead.properties.headers).toMatchObject({
      'x-redress-reason': 'handler-failed',
      'x-redress-error': 'acknowledgement template is missing',
      'x-redress-attempts': 3,
      'x-redress-routing-key': 'complaint.received',
      'x-redress-service': 'notification',
    });
    expect(idsOf(tapped).filter((id) => id === envelope.id)).toHaveLength(1); // only the original publish
    expect(await fixture.broker.messageCount('notification.events.retry.100ms')).toBe(0);
    expect(await fixture.broker.messageCount('notification.events.retry.200ms')).toBe(0);
  });

  it('succeeds on a retry without leaving anything behind', async () => {
    let failures = 0;
    behaviour = async () => {
      if (failures++ === 0) throw new Error('flaky');
    };
    const envelope = receivedEnvelope();
    fixture.broker.publishEnvelope(envelope);
    await waitFor(async () => (await effectsFor(envelope.id)).length === 1, { description: 'the retry to succeed' });
    expect(callsFor(envelope.id)).toHaveLength(2);
    expect(await fixture.broker.messageCount('notification.events.dlq')).toBe(0);
  });

  it('does not count an outage (database unreachable) towards the retry limit', async () => {
    let outages = 0;
    behaviour = async () => {
      if (outages++ < 4) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    };
    const envelope = receivedEnvelope();
    fixture.broker.publishEnvelope(envelope);
    // Four outages are more than the two retries allow: the event must still be handled, not dead-lettered.
    await waitFor(async () => (await effectsFor(envelope.id)).length === 1, { description: 'handling after the outage' });
    expect(callsFor(envelope.id)).toHaveLength(5);
    expect(await fixture.broker.messageCount('notification.events.dlq')).toBe(0);
    expect(fixture.logger.messages('warn').some((m) => m.includes('not counted as an attempt'))).toBe(true);
  });

  it('lets an operator replay the dead-letter queue once the cause is fixed', async () => {
    behaviour = async () => {
      throw new Error('SMTP credentials rejected');
    };
    const envelope = receivedEnvelope();
    fixture.broker.publishEnvelope(envelope);
    await waitFor(async () => (await fixture.broker.messageCount('notification.events.dlq')) === 1, { timeoutMs: 10_000, description: 'the DLQ' });
    behaviour = async () => undefined;

    expect(await replayDeadLetters(connection, 'notification', { limit: 10 })).toBe(1);
    await waitFor(async () => (await effectsFor(envelope.id)).length === 1, { description: 'the replayed event to be handled' });
    expect(callsFor(envelope.id)).toHaveLength(4); // three failures, then the replay
    expect(await fixture.broker.messageCount('notification.events.dlq')).toBe(0);
    expect(idsOf(tapped).filter((id) => id === envelope.id)).toHaveLength(1); // replayed to the queue, not the exchange
  });

  it('sends a malformed message straight to the DLQ, without retries or handler calls', async () => {
    fixture.broker.publishRaw('complaint.received', Buffer.from('{"id": "not an envelope"'), { messageId: 'garbage-1' });
    const broken = { ...receivedEnvelope(), data: { cycle: 1 } };
    fixture.broker.publishRaw('complaint.received', Buffer.from(JSON.stringify(broken)), { messageId: broken.id });
    await waitFor(async () => (await fixture.broker.messageCount('notification.events.dlq')) === 2, { description: 'both in the DLQ' });
    const dead = await fixture.broker.drain('notification.events.dlq');
    expect(dead.map((m) => m.properties.headers?.['x-redress-reason'])).toEqual(['malformed', 'malformed']);
    expect(dead.map((m) => m.properties.headers?.['x-redress-attempts'])).toEqual([0, 0]);
    expect(dead[0].properties.headers?.['x-redress-error']).toBe('body is not JSON');
    expect(dead[1].properties.headers?.['x-redress-error']).toContain('data.channel: required');
    expect(calls).toEqual([]);
  });

  it('acknowledges, without handling, a version it does not know', async () => {
    const future = { ...receivedEnvelope(), version: 2 };
    fixture.broker.publishRaw('complaint.received', Buffer.from(JSON.stringify(future)), { messageId: future.id });
    await waitFor(() => fixture.logger.messages('warn').some((m) => m.includes('version this service does not know')), { description: 'the warning' });
    await waitFor(async () => (await fixture.broker.messageCount('notification.events')) === 0 && server.handling === 0, { description: 'the ack' });
    expect(calls).toEqual([]);
    expect(await fixture.broker.messageCount('notification.events.dlq')).toBe(0);
  });
});
