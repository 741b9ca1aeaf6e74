// The envelope every message body is (SPEC §6), and the catalogue's introduction for subscribers.
import { EVENTS_EXCHANGE } from '@redress/contracts';

const uuid = { type: 'string', format: 'uuid' };
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });

export const ENVELOPE_SCHEMA = {
  type: 'object',
  description: 'The whole message body, with no framework wrapper: any AMQP client in any language can read it.',
  required: ['id', 'type', 'version', 'occurredAt', 'complaintId', 'reference', 'correlationId', 'actor', 'data'],
  properties: {
    id: { ...uuid, description: 'Unique per event; also the AMQP message_id. Deduplicate by it: delivery is at least once.' },
    type: { type: 'string', description: 'The event type; also the routing key and the AMQP `type` property.' },
    version: { type: 'integer', minimum: 1, description: 'Version of `data`. Ignore (and log) a version you do not know.' },
    occurredAt: { type: 'string', format: 'date-time' },
    complaintId: nullable(uuid),
    reference: nullable({ type: 'string', description: 'The human reference, CMP-<year>-<6 digits>.' }),
    correlationId: { type: 'string', description: 'Follows one request through the gateway, services, events and jobs.' },
    actor: nullable({
      type: 'object',
      description: 'The staff member who acted, and the role that authorised it; null for the system and for customers.',
      required: ['id', 'role'],
      properties: { id: { type: 'string' }, role: { type: 'string' } },
    }),
    data: { type: 'object', description: 'The payload of this type and version. Never personal data or free text.' },
  },
};

export const CATALOGUE_DESCRIPTION = `Every change in a complaint's life is published once, after the change commits, to the durable
topic exchange \`${EVENTS_EXCHANGE}\` with the event type as routing key. Messages are persistent
JSON (\`content_type: application/json\`), \`message_id\` = envelope \`id\`, \`type\` = envelope \`type\`.
Events carry ids, enums, numbers, times and statuses only: never a name, email, phone or free text.

Delivery is at least once and in no guaranteed order: deduplicate by \`id\`, and order by \`occurredAt\`
and \`cycle\` where it matters.

## Subscribing from another department
Declare your own durable queue and bind it to the routing keys you want; nothing needs to change in Redress:

    channel.assertQueue('quality.complaints', { durable: true, arguments: { 'x-queue-type': 'quorum' } })
    channel.bindQueue('quality.complaints', '${EVENTS_EXCHANGE}', 'complaint.*')   // or '#' for everything
    channel.consume('quality.complaints', handle, { noAck: false })                 // ack after your own commit

Bound queues receive events from the moment they are bound. Give your queue a dead-letter queue of its
own; never re-publish to \`${EVENTS_EXCHANGE}\` (every subscriber would receive the event again).
A breaking payload change arrives as a new \`version\`, published beside the old one until subscribers move.

## Tracing
When Redress exports OpenTelemetry traces, every message carries the W3C trace context of its
publication in the AMQP headers \`traceparent\` (and \`tracestate\` when set): continue it in your own
consumer to see your processing in the same trace as the request that caused the event. Without
tracing the headers are absent; never rely on them for anything but tracing.`;

/** AMQP headers of a published event; only tracing headers, and only when Redress exports traces. */
export const MESSAGE_HEADERS_SCHEMA = {
  type: 'object',
  description:
    'AMQP message headers. `traceparent`/`tracestate` (W3C Trace Context) are present when Redress exports OpenTelemetry traces: ' +
    'the parent is the span that published the message. Copies in retry and dead-letter queues also carry `x-redress-*` headers (attempts, reason, error).',
  properties: {
    traceparent: {
      type: 'string',
      pattern: '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
      description: 'W3C trace context: version, trace id, id of the publishing span, flags (01 = sampled).',
      examples: ['00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'],
    },
    tracestate: { type: 'string', description: 'W3C trace state: vendor-specific trace data, passed on unchanged.' },
  },
};
