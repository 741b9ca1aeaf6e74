import amqp, { type Channel, type ChannelModel } from 'amqplib';
import type { ServiceName } from '@redress/contracts';

export type StandInHandler = (payload: any) => unknown | Promise<unknown>;

/**
 * Answers request/reply patterns on `<service>.rpc` in a test's vhost the way that service does
 * (same wire format: AMQP `type` `result` or `error`, `{ error: { code, message } }`), so one service
 * can be tested on the real broker without booting the peer it asks. An error with a `code` (a
 * DomainError such as NOT_FOUND) comes back with that code.
 */
export class RpcStandIn {
  readonly requests: { pattern: string; payload: unknown }[] = [];

  private constructor(private readonly connection: ChannelModel, private readonly channel: Channel) {}

  /** Starts consuming; the queue must exist (the service under test declares the whole topology at boot). */
  static async start(rabbitmqUrl: string, service: ServiceName, handlers: Record<string, StandInHandler>): Promise<RpcStandIn> {
    const connection = await amqp.connect(rabbitmqUrl);
    const channel = await connection.createChannel();
    const standIn = new RpcStandIn(connection, channel);
    await channel.consume(`${service}.rpc`, async (message) => {
      if (!message) return;
      const pattern = String(message.properties.type ?? '');
      const payload: unknown = JSON.parse(message.content.toString('utf8'));
      standIn.requests.push({ pattern, payload });
      let kind = 'result';
      let body: unknown;
      try {
        const handler = handlers[pattern];
        if (!handler) throw Object.assign(new Error(`No handler for request ${pattern}`), { code: 'INTERNAL' });
        body = await handler(payload);
      } catch (error) {
        kind = 'error';
        body = { error: { code: (error as { code?: string }).code ?? 'INTERNAL', message: (error as Error).message } };
      }
      channel.sendToQueue(message.properties.replyTo, Buffer.from(JSON.stringify(body ?? null)), {
        correlationId: message.properties.correlationId, contentType: 'application/json', type: kind,
      });
      channel.ack(message);
    });
    return standIn;
  }

  async stop(): Promise<void> {
    await this.channel.close().catch(() => undefined);
    await this.connection.close().catch(() => undefined);
  }
}
