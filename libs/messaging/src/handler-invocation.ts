import type { ConsumeMessage } from 'amqplib';
import { BaseRpcContext, type MessageHandler } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';

/** What `@Ctx()` gives a handler: the AMQP message and the pattern it was dispatched by. */
export class RabbitContext extends BaseRpcContext<[ConsumeMessage, string]> {
  getMessage(): ConsumeMessage {
    return this.args[0];
  }

  getPattern(): string {
    return this.args[1];
  }
}

/** Calls a Nest handler, which may return a value, a Promise or an Observable; resolves with its (last) value. */
export async function invokeHandler(handler: MessageHandler, data: unknown, context: RabbitContext): Promise<unknown> {
  const result: unknown = await handler(data, context);
  return isObservable(result) ? lastValueFrom(result, { defaultValue: undefined }) : result;
}

/** Looks a handler up by pattern, only among event handlers or only among request handlers. */
export type HandlerLookup = (pattern: string) => MessageHandler | null;
