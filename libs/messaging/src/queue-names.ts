import type { ServiceName } from '@redress/contracts';

/** The queue a service consumes its subscribed events from. */
export const eventsQueue = (service: ServiceName): string => `${service}.events`;

/** Where an event ends after its last retry, or at once when it is malformed; an operator replays from here. */
export const deadLetterQueue = (service: ServiceName): string => `${service}.events.dlq`;

/** Named by delay so that changing the delays declares new queues instead of redeclaring old ones (406). */
export const retryQueue = (service: ServiceName, delayMs: number): string => `${service}.events.retry.${delayMs}ms`;

/** Requests another service sends this one over request/reply. */
export const rpcQueue = (service: ServiceName): string => `${service}.rpc`;

/** RabbitMQ's pseudo-queue for direct reply-to: no queue to declare, replies come back on the requesting channel. */
export const DIRECT_REPLY_QUEUE = 'amq.rabbitmq.reply-to';
