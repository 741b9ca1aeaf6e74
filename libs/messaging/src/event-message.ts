import type { Options } from 'amqplib';
import type { EventEnvelope } from '@redress/contracts';

/** A message ready for `publish`/`sendToQueue`. */
export interface OutgoingMessage {
  exchange: string;
  routingKey: string;
  content: Buffer;
  options: Options.Publish;
}

/** The envelope in a fixed key order, so every message reads the same whichever way it was stored. */
export function envelopeJson(envelope: EventEnvelope): string {
  const { id, type, version, occurredAt, complaintId, reference, correlationId, actor, data } = envelope;
  return JSON.stringify({ id, type, version, occurredAt, complaintId, reference, correlationId, actor, data });
}

/** SPEC §6: the bare envelope as JSON, persistent, message_id = id, type = type, routed by type. */
export function eventMessage(exchange: string, envelope: EventEnvelope, appId: string): OutgoingMessage {
  return {
    exchange,
    routingKey: envelope.type,
    content: Buffer.from(envelopeJson(envelope)),
    options: {
      persistent: true,
      contentType: 'application/json',
      messageId: envelope.id,
      type: envelope.type,
      correlationId: envelope.correlationId,
      timestamp: Math.floor(Date.parse(envelope.occurredAt) / 1000),
      appId,
    },
  };
}
