import type { Channel, ConsumeMessage } from 'amqplib';
import type { LoggerService } from '@nestjs/common';
import { correlation, CORRELATION_HEADER, inSpan, SpanKind, traceContextFrom, tracingEnabled } from '@redress/observability';
import { describeFailure } from './handler-failure.js';
import { invokeHandler, RabbitContext, type HandlerLookup } from './handler-invocation.js';
import { errorReply, type RpcReplyKind } from './rpc-wire.js';

const CONTEXT = 'RabbitEventsServer';

/** Answers one request from `<service>.rpc` to its `replyTo`, with the request's correlationId. */
export class RpcResponder {
  constructor(private readonly requestHandler: HandlerLookup, private readonly logger: LoggerService) {}

  async answer(channel: Channel, message: ConsumeMessage): Promise<void> {
    const { replyTo, correlationId, type: pattern, headers } = message.properties;
    const workCorrelation = typeof headers?.[CORRELATION_HEADER] === 'string' ? headers[CORRELATION_HEADER] : undefined;
    await correlation.run(workCorrelation, async () => {
      const reply = await this.replyTraced(String(pattern ?? ''), message);
      if (!replyTo) this.logger.warn({ msg: `Request ${pattern} came without replyTo; nobody to answer` }, CONTEXT);
      else {
        try {
          const body = Buffer.from(JSON.stringify(reply.body ?? null));
          channel.sendToQueue(replyTo, body, { correlationId, contentType: 'application/json', type: reply.kind });
        } catch (error) {
          this.logger.warn({ msg: `Could not answer ${pattern}: ${(error as Error).message}` }, CONTEXT);
        }
      }
      try {
        channel.ack(message);
      } catch {
        // channel closed: the requester times out and may ask again
      }
    });
  }

  /** A SERVER span, child of the requester's trace (`traceparent` in the request's headers). */
  private replyTraced(pattern: string, message: ConsumeMessage): Promise<{ kind: RpcReplyKind; body: unknown }> {
    if (!tracingEnabled()) return this.reply(pattern, message);
    return inSpan(`${pattern} respond`, {
      kind: SpanKind.SERVER,
      parent: traceContextFrom(message.properties.headers),
      attributes: { 'messaging.system': 'rabbitmq', 'messaging.operation.type': 'process', 'messaging.destination.name': message.fields.routingKey },
    }, () => this.reply(pattern, message));
  }

  private async reply(pattern: string, message: ConsumeMessage): Promise<{ kind: RpcReplyKind; body: unknown }> {
    const handler = this.requestHandler(pattern);
    if (!handler) return { kind: 'error', body: errorReply({ code: 'INTERNAL', message: `No handler for request ${pattern}` }) };
    let payload: unknown;
    try {
      payload = JSON.parse(message.content.toString('utf8'));
    } catch {
      return { kind: 'error', body: errorReply({ code: 'BAD_USER_INPUT', message: 'request body is not JSON' }) };
    }
    try {
      return { kind: 'result', body: await invokeHandler(handler, payload, new RabbitContext([message, pattern])) };
    } catch (error) {
      const failure = describeFailure(error);
      const log = failure.code === 'INTERNAL' ? 'error' : 'warn';
      this.logger[log]({ msg: `Request ${pattern} failed: ${failure.code} ${failure.message}`, stack: failure.stack }, CONTEXT);
      return { kind: 'error', body: errorReply(failure) };
    }
  }
}
