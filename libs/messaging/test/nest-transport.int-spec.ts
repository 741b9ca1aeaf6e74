import 'reflect-metadata';
import { jest } from '@jest/globals';
import { Controller, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { of } from 'rxjs';
import { ConfigModule } from '@redress/config';
import type { EventEnvelope, NewEvent } from '@redress/contracts';
import { Conflict, DomainError, NotFound } from '@redress/errors';
import { correlation } from '@redress/observability';
import { PersistenceModule, TransactionRunner } from '@redress/persistence';
import { waitFor } from '@redress/testing';
import { EventPublisher } from '../src/event-publisher.js';
import { messagingEntities, messagingMigrations } from '../src/messaging-schema.js';
import { MessagingModule } from '../src/messaging.module.js';
import { RabbitEventsServer } from '../src/rabbit-events.server.js';
import { RpcClient } from '../src/rpc-client.js';
import { RpcTimeoutError } from '../src/rpc-wire.js';
import { FAST_RECONNECT, MessagingFixture } from './support/messaging-fixture.js';

// The integration project's testTimeout in jest.config.js does not reach tests (Jest reads it globally only).
jest.setTimeout(30_000);

const received: EventEnvelope<'notification.sent'>[] = [];
const behaviour = { failWith: undefined as Error | undefined, delayMs: 0, started: false };

/** A service's events/ and rpc/ controllers, exactly as services write them: plain Nest controllers. */
@Controller()
class IntakeTestController {
  @MessagePattern('intake.complaint-contact')
  contact(@Payload() request: { complaintId: string }) {
    if (request.complaintId === 'missing') throw new NotFound('Complaint', 'missing');
    return { complaintId: request.complaintId, correlationId: correlation.id() };
  }

  @MessagePattern('intake.echo')
  echo(@Payload() request: unknown) {
    return of('ignored', request);
  }

  @EventPattern('notification.sent')
  async onNotificationSent(@Payload() event: EventEnvelope<'notification.sent'>) {
    behaviour.started = true;
    await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
    if (behaviour.failWith) throw behaviour.failWith;
    received.push(event);
  }
}

@Module({})
class IntakeTestModule {}

function notificationSent(): NewEvent<'notification.sent'> {
  return {
    type: 'notification.sent', complaintId: crypto.randomUUID(), reference: 'CMP-2026-000007', actor: null,
    data: { notificationId: crypto.randomUUID(), kind: 'ACKNOWLEDGEMENT', channel: 'EMAIL', causeEventId: crypto.randomUUID(), attempts: 1 },
  };
}

describe('MessagingModule in a Nest application (real PostgreSQL and RabbitMQ)', () => {
  let fixture: MessagingFixture;
  let app: INestApplication;

  beforeAll(async () => {
    fixture = await MessagingFixture.create('nest', 'intake', { EVENT_RETRY_DELAYS_MS: '100,200' });
    app = await NestFactory.create({
      module: IntakeTestModule,
      imports: [
        ConfigModule.forRoot(fixture.config),
        PersistenceModule.forRoot({ service: 'intake', entities: messagingEntities, migrations: messagingMigrations }),
        MessagingModule.forRoot({ service: 'intake', connection: FAST_RECONNECT, server: { outagePauseMs: 50 } }),
      ],
      controllers: [IntakeTestController],
    }, { logger: fixture.logger });
    app.connectMicroservice({ strategy: app.get(RabbitEventsServer) }, { inheritAppConfig: true });
    await app.startAllMicroservices();
    await app.init();
    await waitFor(() => fixture.logger.messages('log').some((m) => m.startsWith('Consuming intake.events')), { description: 'the consumer to subscribe' });
  });

  afterAll(async () => {
    await app?.close();
    await fixture.close();
  });

  beforeEach(() => Object.assign(behaviour, { failWith: undefined, delayMs: 0, started: false }));

  const publish = (event: NewEvent<'notification.sent'>) =>
    app.get(TransactionRunner).run(() => app.get(EventPublisher).publish(event));

  it('answers a request over RabbitMQ, carrying the caller correlation id', async () => {
    const rpc = app.get(RpcClient);
    const answer = await correlation.run('corr-of-the-caller', () => rpc.request('intake', 'intake.complaint-contact', { complaintId: 'c-1' }));
    expect(answer).toEqual({ complaintId: 'c-1', correlationId: 'corr-of-the-caller' });
    await expect(rpc.request('intake', 'intake.echo', { hello: 'world' })).resolves.toEqual({ hello: 'world' });
  });

  it('brings a domain error back as a DomainError with its code', async () => {
    const failure = await app.get(RpcClient).request('intake', 'intake.complaint-contact', { complaintId: 'missing' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ code: 'NOT_FOUND', message: 'Complaint missing does not exist' });
  });

  it('gives up after the timeout when nobody answers', async () => {
    const started = Date.now();
    const failure = app.get(RpcClient).request('reporting', 'reporting.nobody-home', {}, { timeoutMs: 300 });
    await expect(failure).rejects.toBeInstanceOf(RpcTimeoutError);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('delivers an event from the outbox to its @EventPattern handler, recording it in the inbox', async () => {
    const envelope = await publish(notificationSent());
    await waitFor(() => received.find((e) => e.id === envelope.id), { description: 'the handler to run' });
    expect(received.find((e) => e.id === envelope.id)).toEqual(envelope);
    expect(await fixture.dataSource.query('SELECT type FROM inbox WHERE event_id = $1', [envelope.id])).toEqual([{ type: 'notification.sent' }]);
  });

  it('keeps the message of an error thrown by a Nest handler in the dead-letter headers', async () => {
    behaviour.failWith = new Conflict('complaint already acknowledged by hand');
    const envelope = await publish(notificationSent());
    await waitFor(async () => (await fixture.broker.messageCount('intake.events.dlq')) === 1, { description: 'the DLQ' });
    const [dead] = await fixture.broker.drain('intake.events.dlq');
    expect(dead.properties.messageId).toBe(envelope.id);
    expect(dead.properties.headers).toMatchObject({ 'x-redress-error': 'complaint already acknowledged by hand', 'x-redress-attempts': 3 });
  });

  it('says loudly at start which subscribed event types have no handler', () => {
    const errors = fixture.logger.messages('error').join('\n');
    expect(errors).toContain('No @EventPattern handler for investigation.started');
    expect(errors).not.toMatch(/handler for [^:]*notification\.sent/);
  });

  it('on shutdown, lets the handler in flight finish and ack before closing', async () => {
    behaviour.delayMs = 400;
    const envelope = await publish(notificationSent());
    await waitFor(() => behaviour.started, { description: 'the handler to start' });
    await app.close();
    expect(received.map((e) => e.id)).toContain(envelope.id);
    expect(await fixture.dataSource.query('SELECT event_id FROM inbox WHERE event_id = $1', [envelope.id])).toHaveLength(1);
    expect(await fixture.broker.messageCount('intake.events')).toBe(0);
  });
});
