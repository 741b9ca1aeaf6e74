import { randomUUID } from 'node:crypto';
import type { Channel, ConsumeMessage, Message } from 'amqplib';
import { Logger, type LoggerService } from '@nestjs/common';
import type { ServiceName } from '@redress/contracts';
import { correlation, CORRELATION_HEADER, currentTraceCarrier } from '@redress/observability';
import type { AmqpConnection } from './amqp-connection.js';
import { DIRECT_REPLY_QUEUE, rpcQueue } from './queue-names.js';
import { errorFromReply, RpcTimeoutError, RpcUnavailableError, type RpcErrorReply } from './rpc-wire.js';

interface PendingRequest {
  service: ServiceName;
  channel: Channel;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Request/reply over RabbitMQ with direct reply-to: the request goes to `<service>.rpc`, the answer comes
 * straight back on this client's channel. Meant for reads another service owns (contact details).
 */
export class RpcClient {
  private channel?: Channel;
  private opening?: Promise<Channel>;
  private readonly pending = new Map<string, PendingRequest>();

  constructor(private readonly connection: AmqpConnection, private readonly logger: LoggerService = new Logger('RpcClient')) {}

  /**
   * Rejects with RpcTimeoutError after `timeoutMs` (default 5000); with a DomainError of the same code when
   * the handler threw one (NOT_FOUND, …); with RpcRemoteError for any other error over there.
   */
  async request<TResult>(service: ServiceName, pattern: string, payload: unknown, options: { timeoutMs?: number } = {}): Promise<TResult> {
    const timeoutMs = options.timeoutMs ?? 5000;
    const deadline = Date.now() + timeoutMs;
    const channel = await this.replyChannel(timeoutMs).catch((error: Error) => {
      throw new RpcUnavailableError(`Cannot ask ${service} for ${pattern}: ${error.message}`);
    });
    const requestId = randomUUID();
    const remaining = Math.max(1, deadline - Date.now());
    return new Promise<TResult>((resolve, reject) => {
      const timer = setTimeout(() => this.settle(requestId, new RpcTimeoutError(`${service} did not answer ${pattern} within ${timeoutMs} ms`)), remaining);
      this.pending.set(requestId, { service, channel, resolve: resolve as (value: unknown) => void, reject, timer });
      try {
        channel.sendToQueue(rpcQueue(service), Buffer.from(JSON.stringify(payload ?? null)), {
          correlationId: requestId,
          replyTo: DIRECT_REPLY_QUEUE,
          type: pattern,
          contentType: 'application/json',
          expiration: String(remaining), // nobody waits for it after that
          mandatory: true,
          headers: { [CORRELATION_HEADER]: correlation.idOrNew(), ...currentTraceCarrier() },
        });
      } catch (error) {
        this.settle(requestId, new RpcUnavailableError(`Cannot ask ${service} for ${pattern}: ${(error as Error).message}`));
      }
    });
  }

  async close(): Promise<void> {
    const channel = this.channel;
    this.channel = undefined;
    for (const id of [...this.pending.keys()]) this.settle(id, new RpcUnavailableError('The RPC client is closing'));
    await channel?.close().catch(() => undefined);
  }

  private replyChannel(timeoutMs: number): Promise<Channel> {
    if (this.channel) return Promise.resolve(this.channel);
    this.opening ??= this.open(timeoutMs).finally(() => (this.opening = undefined));
    return this.opening;
  }

  private async open(timeoutMs: number): Promise<Channel> {
    const model = await this.connection.waitForConnection(timeoutMs);
    const channel = await this.connection.openChannel(model, 'rpc client');
    channel.on('return', (message: Message) => this.returned(message));
    channel.on('close', () => this.closed(channel));
    // Direct reply-to needs the consumer on the very channel that publishes, in no-ack mode.
    await channel.consume(DIRECT_REPLY_QUEUE, (message) => message && this.replied(message), { noAck: true });
    this.channel = channel;
    return channel;
  }

  private replied(message: ConsumeMessage): void {
    const id = message.properties.correlationId as string | undefined;
    const request = id ? this.pending.get(id) : undefined;
    if (!id || !request) return; // answered after its timeout
    try {
      const body: unknown = JSON.parse(message.content.toString('utf8'));
      this.settle(id, message.properties.type === 'error' ? errorFromReply(request.service, body as RpcErrorReply) : undefined, body);
    } catch (error) {
      this.settle(id, new Error(`Unreadable reply from ${request.service}: ${(error as Error).message}`));
    }
  }

  private returned(message: Message): void {
    const id = message.properties.correlationId as string | undefined;
    if (id) this.settle(id, new RpcUnavailableError(`No queue ${message.fields.routingKey} to take the request`));
  }

  private closed(channel: Channel): void {
    if (this.channel === channel) this.channel = undefined;
    for (const [id, request] of this.pending) {
      if (request.channel === channel) this.settle(id, new RpcUnavailableError(`Lost the broker while waiting for ${request.service}`));
    }
    this.logger.debug?.({ msg: 'RPC client channel closed' }, 'RpcClient');
  }

  private settle(id: string, error: Error | undefined, value?: unknown): void {
    const request = this.pending.get(id);
    if (!request) return;
    this.pending.delete(id);
    clearTimeout(request.timer);
    if (error) request.reject(error);
    else request.resolve(value);
  }
}
