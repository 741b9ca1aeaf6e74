import amqp, { type Channel, type ChannelModel, type ConsumeMessage, type GetMessage } from 'amqplib';
import { EVENTS_EXCHANGE, type EventEnvelope } from '@redress/contracts';
import { envelopeJson } from '../../src/event-message.js';

/**
 * The test's own view of the broker, over a direct connection (never through a test's proxy): publish
 * raw messages, read queues, and tap everything that goes through `complaints.events`.
 */
export class BrokerInspector {
  private constructor(private readonly model: ChannelModel, readonly channel: Channel) {}

  static async open(url: string): Promise<BrokerInspector> {
    const model = await amqp.connect(url);
    const channel = await model.createConfirmChannel();
    return new BrokerInspector(model, channel);
  }

  /** Every message published to `complaints.events` from now on, in arrival order. */
  async tapExchange(): Promise<ConsumeMessage[]> {
    const seen: ConsumeMessage[] = [];
    const { queue } = await this.channel.assertQueue('', { exclusive: true, autoDelete: true });
    await this.channel.bindQueue(queue, EVENTS_EXCHANGE, '#');
    await this.channel.consume(queue, (message) => message && seen.push(message), { noAck: true });
    return seen;
  }

  /** Publishes an envelope the way the relay does (for consumer tests that skip the outbox). */
  publishEnvelope(envelope: EventEnvelope, routingKey: string = envelope.type): void {
    this.publishRaw(routingKey, Buffer.from(envelopeJson(envelope)), { messageId: envelope.id, type: envelope.type, correlationId: envelope.correlationId });
  }

  publishRaw(routingKey: string, content: Buffer, options: amqp.Options.Publish = {}): void {
    this.channel.publish(EVENTS_EXCHANGE, routingKey, content, { persistent: true, contentType: 'application/json', ...options });
  }

  async messageCount(queue: string): Promise<number> {
    return (await this.channel.checkQueue(queue)).messageCount;
  }

  /** Takes every message currently in `queue` off it. */
  async drain(queue: string): Promise<GetMessage[]> {
    const taken: GetMessage[] = [];
    for (let message = await this.channel.get(queue, { noAck: true }); message; message = await this.channel.get(queue, { noAck: true })) taken.push(message);
    return taken;
  }

  async close(): Promise<void> {
    await this.model.close().catch(() => undefined);
  }
}

export const idsOf = (messages: ConsumeMessage[]): string[] => messages.map((m) => m.properties.messageId as string);
