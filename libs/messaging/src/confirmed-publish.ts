import type { ConfirmChannel } from 'amqplib';
import type { OutgoingMessage } from './event-message.js';

export type PublishOutcome = { ok: true } | { ok: false; error: Error };

/**
 * Publishes every message with confirms in flight together (one confirm wait per batch, not per
 * message), honouring the socket's back-pressure, and reports each message's outcome. A message the
 * broker does not confirm within `timeoutMs` (a blocked or vanished connection) counts as failed.
 */
export async function publishConfirmed(channel: ConfirmChannel, messages: OutgoingMessage[], timeoutMs = 15_000): Promise<PublishOutcome[]> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<PublishOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: new Error(`No confirm from the broker within ${timeoutMs} ms`) }), timeoutMs);
  });
  const outcomes: Promise<PublishOutcome>[] = [];
  try {
    for (const message of messages) {
      const { confirmed, writable } = publishOne(channel, message);
      outcomes.push(Promise.race([confirmed, timedOut]));
      if (!writable) await drained(channel);
    }
    return await Promise.all(outcomes);
  } finally {
    clearTimeout(timer);
  }
}

function publishOne(channel: ConfirmChannel, message: OutgoingMessage): { confirmed: Promise<PublishOutcome>; writable: boolean } {
  let writable = true;
  const confirmed = new Promise<PublishOutcome>((resolve) => {
    try {
      writable = channel.publish(message.exchange, message.routingKey, message.content, message.options, (error: unknown) => {
        resolve(error ? { ok: false, error: error instanceof Error ? error : new Error('The broker refused the message') } : { ok: true });
      });
    } catch (error) {
      resolve({ ok: false, error: error as Error });
    }
  });
  return { confirmed, writable };
}

function drained(channel: ConfirmChannel): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      channel.off('drain', done);
      channel.off('close', done);
      resolve();
    };
    channel.once('drain', done);
    channel.once('close', done);
  });
}
