import type { ServiceName } from '@redress/contracts';
import type { AmqpConnection } from './amqp-connection.js';
import { publishConfirmed } from './confirmed-publish.js';
import { copyTo } from './message-copy.js';
import { HEADERS } from './message-headers.js';
import { deadLetterQueue, eventsQueue } from './queue-names.js';

/**
 * Moves up to `limit` messages from `<service>.events.dlq` back to `<service>.events` (oldest first), each
 * with a fresh attempt count, for the operator runbook once the cause is fixed. Returns how many moved.
 */
export async function replayDeadLetters(connection: AmqpConnection, service: ServiceName, { limit = 100 }: { limit?: number } = {}): Promise<number> {
  const model = await connection.waitForConnection();
  const channel = await connection.openChannel(model, 'dead-letter replay', true);
  let moved = 0;
  try {
    while (moved < limit) {
      const message = await channel.get(deadLetterQueue(service), { noAck: false });
      if (!message) break;
      const routingKey = message.properties.headers?.[HEADERS.routingKey] ?? message.properties.type ?? message.fields.routingKey;
      const copy = copyTo(eventsQueue(service), message, { [HEADERS.attempts]: 0, [HEADERS.routingKey]: routingKey });
      for (const stale of [HEADERS.reason, HEADERS.error, HEADERS.failedAt, HEADERS.service]) delete copy.options.headers?.[stale];
      const [outcome] = await publishConfirmed(channel, [copy]);
      if (!outcome.ok) {
        channel.nack(message, false, true);
        throw outcome.error;
      }
      channel.ack(message);
      moved += 1;
    }
  } finally {
    await channel.close().catch(() => undefined);
  }
  return moved;
}
