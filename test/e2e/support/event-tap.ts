import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import type { EventEnvelope } from '@redress/contracts';
import { e2eEnv } from './e2e-environment.js';

export interface TappedEvent {
  envelope: EventEnvelope;
  raw: string;
  properties: ConsumeMessage['properties'];
  routingKey: string;
}

/** A department's own queue bound to every event on `complaints.events`, as SPEC §6 invites. */
export class EventTap {
  readonly events: TappedEvent[] = [];
  private connection?: ChannelModel;
  private channel?: Channel;

  async start(): Promise<void> {
    this.connection = await amqp.connect(e2eEnv.RABBITMQ_URL!);
    this.channel = await this.connection.createChannel();
    const { queue } = await this.channel.assertQueue('', { exclusive: true });
    await this.channel.bindQueue(queue, 'complaints.events', '#');
    await this.channel.consume(queue, (message) => {
      if (!message) return;
      const raw = message.content.toString('utf8');
      this.events.push({ envelope: JSON.parse(raw), raw, properties: message.properties, routingKey: message.fields.routingKey });
    }, { noAck: true });
  }

  of(type: string, complaintId?: string): TappedEvent[] {
    return this.events.filter((e) => e.envelope.type === type && (!complaintId || e.envelope.complaintId === complaintId));
  }

  async stop(): Promise<void> {
    await this.connection?.close().catch(() => undefined);
  }
}
