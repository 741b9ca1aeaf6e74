import type { Channel, Options } from 'amqplib';
import { EVENTS_EXCHANGE, SERVICES, SUBSCRIPTIONS, type ServiceName } from '@redress/contracts';
import { deadLetterQueue, eventsQueue, retryQueue, rpcQueue } from './queue-names.js';

// Queue arguments can never change once a queue exists (RabbitMQ answers 406 and closes the channel),
// so they are fixed here, once. Quorum queues: replicated in a cluster, and they dead-letter at least once.
const QUORUM = { 'x-queue-type': 'quorum' } as const;

export function eventsQueueOptions(service: ServiceName): Options.AssertQueue {
  // A message rejected without requeue lands in the DLQ instead of vanishing.
  return { durable: true, arguments: { ...QUORUM, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': deadLetterQueue(service) } };
}

export function retryQueueOptions(service: ServiceName, delayMs: number): Options.AssertQueue {
  return {
    durable: true,
    arguments: {
      ...QUORUM,
      'x-message-ttl': delayMs,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': eventsQueue(service),
      'x-dead-letter-strategy': 'at-least-once',
      'x-overflow': 'reject-publish',
    },
  };
}

export const deadLetterQueueOptions: Options.AssertQueue = { durable: true, arguments: { ...QUORUM } };

// Requests are short-lived (each carries its own expiration), so a classic queue is enough.
export const rpcQueueOptions: Options.AssertQueue = { durable: true, arguments: { 'x-queue-type': 'classic' } };

/**
 * Declares the whole topology from the one subscription table: whoever boots first creates every
 * service's queues and bindings, so no event is published before the queues that must receive it exist.
 * Idempotent; run on every (re)connect.
 */
export async function declareTopology(channel: Channel, retryDelaysMs: readonly number[]): Promise<void> {
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  for (const service of SERVICES) {
    await channel.assertQueue(eventsQueue(service), eventsQueueOptions(service));
    await channel.assertQueue(deadLetterQueue(service), deadLetterQueueOptions);
    for (const delayMs of new Set(retryDelaysMs)) await channel.assertQueue(retryQueue(service, delayMs), retryQueueOptions(service, delayMs));
    await channel.assertQueue(rpcQueue(service), rpcQueueOptions);
    for (const type of SUBSCRIPTIONS[service]) await channel.bindQueue(eventsQueue(service), EVENTS_EXCHANGE, type);
  }
}
