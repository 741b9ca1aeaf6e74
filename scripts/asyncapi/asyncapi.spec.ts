// docs/asyncapi.yaml is what other departments build on: it must be exactly what the contracts say.
// `UPDATE_ASYNCAPI=1` (npm run asyncapi) rewrites it instead of failing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { checkEnvelope, EVENT_SCHEMAS, EVENT_TYPES, EVENTS_EXCHANGE, SERVICES, SUBSCRIPTIONS, toJsonSchema, type EventType } from '@redress/contracts';
import { buildAsyncApi, renderAsyncApi } from './generate-asyncapi.js';

const path = new URL('../../docs/asyncapi.yaml', import.meta.url).pathname;
type Doc = Record<string, any>; // a parsed YAML document

const doc = buildAsyncApi() as Doc;
const resolve = (pointer: string): unknown =>
  pointer.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).reduce<any>((node, key) => node?.[key], doc);
const refsIn = (node: unknown): string[] =>
  typeof node !== 'object' || node === null ? [] : Object.entries(node).flatMap(([k, v]) => (k === '$ref' ? [v as string] : refsIn(v)));
const messageKey = (type: EventType, version: number) => `${type}.v${version}`;

// The official parser checks the whole document and its AMQP bindings against the AsyncAPI schemas.
const parserModule = '@asyncapi/parser';
const officialParser = await import(parserModule).catch(() => null);

describe('docs/asyncapi.yaml', () => {
  it('is the checked-in output of the generator (regenerate: npm run asyncapi)', () => {
    const fresh = renderAsyncApi();
    if (process.env.UPDATE_ASYNCAPI === '1') writeFileSync(path, fresh);
    expect(existsSync(path) ? readFileSync(path, 'utf8') : '(missing)').toBe(fresh);
    expect(parse(fresh)).toEqual(doc);
  });

  it('is an AsyncAPI 3.0 document whose every $ref resolves', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    const unresolved = refsIn(doc).filter((r) => !r.startsWith('#/') || resolve(r) === undefined);
    expect(unresolved).toEqual([]);
  });

  (officialParser ? it : it.skip)('passes the official AsyncAPI parser without errors (runs where @asyncapi/parser is installed)', async () => {
    const { diagnostics } = await new officialParser.Parser().parse(renderAsyncApi());
    const errors = (diagnostics as { severity: number; message: string; path: string[] }[]).filter((d) => d.severity === 0);
    expect(errors.map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
  });

  it.each(EVENT_TYPES)('documents every version of %s with its contract schema, routed by its type on complaints.events', (type) => {
    for (const version of Object.keys(EVENT_SCHEMAS[type]).map(Number)) {
      expect(doc.components.schemas[`${messageKey(type, version)}.data`]).toEqual(toJsonSchema(EVENT_SCHEMAS[type][version]));
      expect(doc.components.messages[messageKey(type, version)].bindings.amqp.messageType).toBe(type);
    }
    const channel = (Object.values(doc.channels) as Doc[]).find((c) => c.address === type)!;
    expect(channel.bindings.amqp).toMatchObject({ is: 'routingKey', exchange: { name: EVENTS_EXCHANGE, type: 'topic', durable: true } });
  });

  it('gives examples that the consumers\' own validator accepts', () => {
    for (const message of Object.values(doc.components.messages) as Doc[]) {
      for (const example of message.examples) expect({ name: example.name, check: checkEnvelope(example.payload).ok }).toEqual({ name: example.name, check: true });
    }
  });

  it.each(SERVICES)('lists exactly the events %s subscribes to on its queue', (service) => {
    const channel = doc.channels[`${service}Events`];
    expect(channel.address).toBe(`${service}.events`);
    expect(channel.bindings.amqp.queue).toMatchObject({ name: `${service}.events`, durable: true });
    expect(Object.values(channel.messages).map((m) => (m as Doc).$ref.split('/').pop())).toEqual(SUBSCRIPTIONS[service].map((t) => messageKey(t, 1)));
  });

  it('lets each operation send or receive only messages of its own channel', () => {
    for (const [id, operation] of Object.entries(doc.operations) as [string, Doc][]) {
      const channelPointer: string = operation.channel.$ref;
      for (const m of operation.messages) expect({ id, message: m.$ref.startsWith(`${channelPointer}/messages/`) }).toEqual({ id, message: true });
    }
  });

  it('publishes persistent messages and consumes with acknowledgements', () => {
    const operations = Object.values(doc.operations) as Doc[];
    for (const op of operations.filter((o) => o.action === 'send')) expect(op.bindings.amqp.deliveryMode).toBe(2);
    for (const op of operations.filter((o) => o.action === 'receive')) expect(op.bindings.amqp.ack).toBe(true);
  });

  it('documents the W3C trace context headers on every message', () => {
    expect(Object.keys(doc.components.schemas.MessageHeaders.properties)).toEqual(['traceparent', 'tracestate']);
    for (const message of Object.values(doc.components.messages) as Doc[]) expect(message.headers).toEqual({ $ref: '#/components/schemas/MessageHeaders' });
  });

  it('describes no field that could carry personal data or free text', () => {
    const fieldNames = (node: unknown): string[] =>
      typeof node !== 'object' || node === null ? [] : Object.entries(node).flatMap(([k, v]) => (k === 'properties' ? [...Object.keys(v as object), ...fieldNames(v)] : fieldNames(v)));
    const dataSchemas = Object.entries(doc.components.schemas).filter(([name]) => name !== 'EventEnvelope').map(([, schema]) => schema);
    const forbidden = /name|email|phone|subject|description|note$|notes|comment|message|finding|address/i;
    expect(dataSchemas.flatMap(fieldNames).filter((field) => forbidden.test(field))).toEqual([]);
  });
});
