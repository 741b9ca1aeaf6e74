import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import { signIdentity, type Identity } from '@redress/auth';
import type { RedressConfig } from '@redress/config';
import { EVENTS_EXCHANGE, type EventData, type EventEnvelope, type EventType, type ServiceName } from '@redress/contracts';
import { RabbitEventsServer, eventsQueue } from '@redress/messaging';
import { createTestEnvironment, type TestEnvironment } from './test-environment.js';
import { waitFor } from './wait-for.js';

const run = promisify(execFile);

/**
 * One service booted as `startService` boots it (HTTP + the RabbitMQ consumer) in its own vhost and
 * `*_test` databases, with a publisher that puts bare envelopes on `complaints.events` like any producer.
 */
export class SubgraphHarness {
  private constructor(
    readonly env: TestEnvironment,
    readonly app: INestApplication,
    private readonly url: string,
    private readonly broker: ChannelModel,
    private readonly channel: ConfirmChannel,
  ) {}

  /** Boots the service and returns once it consumes from `<service>.events`, so nothing published is missed. */
  static async start(service: ServiceName, moduleFor: (config: RedressConfig) => DynamicModule): Promise<SubgraphHarness> {
    const env = await createTestEnvironment(service);
    try {
      const app = await NestFactory.create(moduleFor(env.config), { logger: ['error', 'warn'] });
      app.connectMicroservice({ strategy: app.get(RabbitEventsServer) }, { inheritAppConfig: true });
      await app.startAllMicroservices();
      await app.listen(0, '127.0.0.1');
      const broker = await amqp.connect(env.config.rabbitmqUrl);
      const channel = await broker.createConfirmChannel();
      await waitFor(() => consumers(broker, eventsQueue(service)), { description: `a consumer on ${eventsQueue(service)}` });
      return new SubgraphHarness(env, app, `${await app.getUrl()}/graphql`, broker, channel);
    } catch (error) {
      await env.dispose().catch(() => undefined);
      throw error;
    }
  }

  /** Publishes the envelope as SPEC §6 says a producer does, and waits for the broker's confirm. */
  async publish(envelope: EventEnvelope): Promise<void> {
    this.channel.publish(EVENTS_EXCHANGE, envelope.type, Buffer.from(JSON.stringify(envelope)), {
      persistent: true, contentType: 'application/json', messageId: envelope.id, type: envelope.type,
    });
    await this.channel.waitForConfirms();
  }

  /** Messages in a queue of this test's vhost, ready and unacknowledged alike (0 once everything was handled). */
  async queueDepth(queue: string): Promise<number> {
    const { stdout } = await run('rabbitmqctl', ['-q', '--no-table-headers', 'list_queues', '-p', this.env.vhost, 'name', 'messages']);
    const line = stdout.split('\n').map((row) => row.trim().split(/\s+/)).find(([name]) => name === queue);
    if (!line) throw new Error(`queue ${queue} not found`);
    return Number(line[1]);
  }

  /** A GraphQL request as the gateway sends it: with the caller's identity signed. */
  async query<T = Record<string, unknown>>(query: string, variables: object, identity: Identity): Promise<{ data?: T; errors?: { extensions?: { code?: string } }[] }> {
    const token = await signIdentity(identity, randomUUID(), this.env.config.internalSecret);
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-redress-identity': token },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: T; errors?: { extensions?: { code?: string } }[] };
  }

  async stop(): Promise<void> {
    await this.channel.close().catch(() => undefined);
    await this.broker.close().catch(() => undefined);
    await this.app.close();
    await this.env.dispose();
  }
}

/** How many consumers a queue has; 0 while it does not exist yet (a 404 closes only the throwaway channel). */
async function consumers(broker: ChannelModel, queue: string): Promise<number> {
  const channel = await broker.createChannel();
  channel.on('error', () => undefined);
  try {
    return (await channel.checkQueue(queue)).consumerCount;
  } catch {
    return 0;
  } finally {
    await channel.close().catch(() => undefined);
  }
}

export const staff = (role: Identity['roles'][number], sub = `staff-${role.toLowerCase()}`): Identity => ({ sub, roles: [role], anonymous: false });
export const anonymous: Identity = { sub: null, roles: [], anonymous: true };

/** A v1 envelope of `type` about `complaintId`, as its producer would publish it. */
export function envelope<T extends EventType>(type: T, complaintId: string | null, data: EventData<T>, overrides: Partial<EventEnvelope<T>> = {}): EventEnvelope<T> {
  return {
    id: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), complaintId,
    reference: complaintId ? `CMP-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}` : null, correlationId: randomUUID(), actor: null, data, ...overrides,
  };
}
