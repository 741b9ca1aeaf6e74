import type { Message } from 'amqplib';
import type { OutgoingMessage } from './event-message.js';
import { HEADERS } from './message-headers.js';

// Set by the broker on dead-lettering and quorum redelivery; a copy starts its own history.
const BROKER_HEADERS = /^x-(death|first-death-|last-death-|delivery-count)/;

/** The routing key an event was published with, wherever it travelled since. */
export function originalRoutingKey(message: Message): string {
  const recorded = message.properties.headers?.[HEADERS.routingKey];
  return typeof recorded === 'string' ? recorded : message.fields.routingKey;
}

/** A persistent copy of `message` for `queue` (through the default exchange), with `headers` added. */
export function copyTo(queue: string, message: Message, headers: Record<string, unknown>): OutgoingMessage {
  const { properties } = message;
  const kept = Object.fromEntries(Object.entries(properties.headers ?? {}).filter(([name]) => !BROKER_HEADERS.test(name)));
  return {
    exchange: '',
    routingKey: queue,
    content: message.content,
    options: {
      persistent: true,
      contentType: properties.contentType,
      messageId: properties.messageId,
      type: properties.type,
      correlationId: properties.correlationId,
      timestamp: properties.timestamp,
      appId: properties.appId,
      headers: { ...kept, ...headers },
    },
  };
}
