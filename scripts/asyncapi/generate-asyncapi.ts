// Builds docs/asyncapi.yaml (AsyncAPI 3.0) from @redress/contracts: one message per event type and
// version, one routing-key channel per type on `complaints.events`, one queue channel per service.
// Regenerate with `npm run asyncapi` (asyncapi.spec.ts with UPDATE_ASYNCAPI=1).
import { stringify } from 'yaml';
import { EVENT_PRODUCERS, EVENT_SCHEMAS, EVENT_TYPES, EVENTS_EXCHANGE, SERVICES, SUBSCRIPTIONS, toJsonSchema, type EventType } from '@redress/contracts';
import { exampleEnvelope } from './examples.js';
import { CATALOGUE_DESCRIPTION, ENVELOPE_SCHEMA, MESSAGE_HEADERS_SCHEMA } from './envelope.js';

const AMQP_BINDING_VERSION = '0.3.0';
const ref = ($ref: string) => ({ $ref });
const camel = (text: string) => text.replace(/[._]([a-z])/g, (_, c: string) => c.toUpperCase());
const versionsOf = (type: EventType) => Object.keys(EVENT_SCHEMAS[type]).map(Number);
const messageId = (type: EventType, version: number) => `${type}.v${version}`;
const channelOfType = (type: EventType) => camel(type);
const channelOfQueue = (service: string) => `${service}Events`;
const messageRefs = (types: readonly EventType[]) =>
  Object.fromEntries(types.flatMap((t) => versionsOf(t).map((v) => [messageId(t, v), ref(`#/components/messages/${messageId(t, v)}`)])));
const channelMessageRefs = (channel: string, types: readonly EventType[]) =>
  types.flatMap((t) => versionsOf(t).map((v) => ref(`#/channels/${channel}/messages/${messageId(t, v)}`)));

function routingKeyChannel(type: EventType) {
  return {
    address: type,
    title: type,
    description: `Messages published to the topic exchange \`${EVENTS_EXCHANGE}\` with routing key \`${type}\`.`,
    messages: messageRefs([type]),
    bindings: {
      amqp: { is: 'routingKey', exchange: { name: EVENTS_EXCHANGE, type: 'topic', durable: true, autoDelete: false, vhost: '/' }, bindingVersion: AMQP_BINDING_VERSION },
    },
  };
}

function queueChannel(service: (typeof SERVICES)[number]) {
  return {
    address: `${service}.events`,
    title: `${service}.events`,
    description:
      `The ${service} service's durable queue, bound to \`${EVENTS_EXCHANGE}\` with exactly the routing keys below. ` +
      `A message that keeps failing is retried with backoff, then moved to \`${service}.events.dlq\`.`,
    messages: messageRefs(SUBSCRIPTIONS[service]),
    bindings: {
      amqp: { is: 'queue', queue: { name: `${service}.events`, durable: true, exclusive: false, autoDelete: false, vhost: '/' }, bindingVersion: AMQP_BINDING_VERSION },
    },
  };
}

function message(type: EventType, version: number) {
  return {
    name: type,
    title: `${type} (version ${version})`,
    summary: `Published by the ${EVENT_PRODUCERS[type]} service.`,
    contentType: 'application/json',
    correlationId: { location: '$message.payload#/correlationId' },
    headers: ref('#/components/schemas/MessageHeaders'),
    payload: {
      allOf: [
        ref('#/components/schemas/EventEnvelope'),
        {
          type: 'object',
          properties: { type: { const: type }, version: { const: version }, data: ref(`#/components/schemas/${messageId(type, version)}.data`) },
        },
      ],
    },
    bindings: { amqp: { messageType: type, bindingVersion: AMQP_BINDING_VERSION } },
    examples: [{ name: `${camel(type)}V${version}`, payload: exampleEnvelope(type, version, EVENT_SCHEMAS[type][version]) }],
  };
}

function operations() {
  const publish = EVENT_TYPES.map((type) => [
    `${EVENT_PRODUCERS[type]}Publishes${camel(`_${type}`)}`,
    {
      action: 'send',
      title: `${EVENT_PRODUCERS[type]} publishes ${type}`,
      description: 'From the transactional outbox, with publisher confirms: persistent, content_type application/json, message_id = envelope id, type = envelope type.',
      channel: ref(`#/channels/${channelOfType(type)}`),
      messages: channelMessageRefs(channelOfType(type), [type]),
      bindings: { amqp: { deliveryMode: 2, bindingVersion: AMQP_BINDING_VERSION } },
    },
  ]);
  const receive = SERVICES.map((service) => [
    `${service}ReceivesEvents`,
    {
      action: 'receive',
      title: `${service} consumes ${service}.events`,
      description: 'Manual acknowledgement after the handler commits; the event id is recorded in the same transaction (inbox), so a redelivery is handled once.',
      channel: ref(`#/channels/${channelOfQueue(service)}`),
      messages: channelMessageRefs(channelOfQueue(service), SUBSCRIPTIONS[service]),
      bindings: { amqp: { ack: true, bindingVersion: AMQP_BINDING_VERSION } },
    },
  ]);
  return Object.fromEntries([...publish, ...receive]);
}

export function buildAsyncApi(): Record<string, unknown> {
  const pairs = EVENT_TYPES.flatMap((type) => versionsOf(type).map((version) => [type, version] as const));
  return {
    asyncapi: '3.0.0',
    info: { title: 'Redress complaint events', version: '1.0.0', description: CATALOGUE_DESCRIPTION, license: { name: 'Apache-2.0' } },
    defaultContentType: 'application/json',
    servers: {
      local: { host: 'localhost:5672', protocol: 'amqp', protocolVersion: '0.9.1', description: 'RabbitMQ of `npm start` and docker-compose.yml; vhost `/`.' },
    },
    channels: {
      ...Object.fromEntries(EVENT_TYPES.map((type) => [channelOfType(type), routingKeyChannel(type)])),
      ...Object.fromEntries(SERVICES.map((service) => [channelOfQueue(service), queueChannel(service)])),
    },
    operations: operations(),
    components: {
      schemas: {
        EventEnvelope: ENVELOPE_SCHEMA,
        MessageHeaders: MESSAGE_HEADERS_SCHEMA,
        ...Object.fromEntries(pairs.map(([type, version]) => [`${messageId(type, version)}.data`, toJsonSchema(EVENT_SCHEMAS[type][version])])),
      },
      messages: Object.fromEntries(pairs.map(([type, version]) => [messageId(type, version), message(type, version)])),
    },
  };
}

export function renderAsyncApi(): string {
  const header = '# Generated from @redress/contracts by scripts/asyncapi/generate-asyncapi.ts. Do not edit: run `npm run asyncapi`.\n';
  return header + stringify(buildAsyncApi(), { lineWidth: 0, aliasDuplicateObjects: false });
}
