import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, isInputObjectType, isNonNullType, isScalarType,
  type GraphQLInputType, type GraphQLSchema, type IntrospectionQuery,
} from 'graphql';
import { OPERATION_ACCESS, hasAnyRole } from '@redress/auth';
import { Category, Channel, Severity, type Role } from '@redress/contracts';
import { waitFor } from '@redress/testing';
import { gatewayUrl } from './support/e2e-environment.js';
import { EventTap } from './support/event-tap.js';
import { staffToken, type GraphqlResponse } from './support/graphql-client.js';
import { operationProbes, probeOf, type OperationProbe } from './support/security-operation-probe.js';
import { startSystem, stopSystem } from './support/system.js';

// Issue 3, deliverable 5: bad input is answered with BAD_USER_INPUT naming the field and changes
// nothing — for every id argument of every operation (generated from the schema), for SPEC §8's limits
// on submitComplaint, and for whatever fast-check makes of a submission.
type Answer = GraphqlResponse<Record<string, unknown>>;
const tap = new EventTap();
let schema: GraphQLSchema;
let probes: OperationProbe[];
const tokens = new Map<Role, string>();

/** SPEC §4: "a staff id is the token's sub (any string)" — these ID arguments are not UUIDs. */
const STAFF_ID_ARGUMENTS = new Set(['upsertInvestigator.input.id', 'reassignInvestigation.assigneeId', 'createImprovementAction.input.ownerId']);

beforeAll(() => startSystem(), 150_000);
afterAll(stopSystem, 30_000);
beforeAll(async () => {
  await tap.start();
  for (const role of ['AGENT', 'INVESTIGATOR', 'MANAGER', 'QA', 'ADMIN'] as const) tokens.set(role, await staffToken([role], `input-${role.toLowerCase()}`));
  schema = buildClientSchema((await call(getIntrospectionQuery())).data as unknown as IntrospectionQuery);
  probes = operationProbes(schema);
});
afterAll(() => tap.stop());

async function call(query: string, variables: Record<string, unknown> = {}, role?: Role, correlationId?: string): Promise<Answer> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(role && { authorization: `Bearer ${tokens.get(role)}` }),
      ...(correlationId && { 'x-correlation-id': correlationId }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

/** A caller the table lets through, so the answer is about the input. */
function allowedCaller(operation: string): Role | undefined {
  const rule = OPERATION_ACCESS[operation as keyof typeof OPERATION_ACCESS];
  if (rule === 'PUBLIC') return undefined;
  return hasAnyRole({ roles: ['MANAGER'] }, rule.roles) ? 'MANAGER' : rule.roles[0];
}

/** Every path to an ID value among an operation's required arguments: `id`, `input.complaintId`, … */
function idPaths(name: string, type: GraphQLInputType, prefix = ''): string[] {
  const path = prefix ? `${prefix}.${name}` : name;
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === 'ID' ? [path] : [];
  if (!isInputObjectType(named)) return [];
  return Object.values(named.getFields()).filter((f) => isNonNullType(f.type)).flatMap((f) => idPaths(f.name, f.type, path));
}

function withValueAt(variables: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(variables);
  const keys = path.split('.');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) target = (Array.isArray(target[key]) ? (target[key] as unknown[])[0] : target[key]) as Record<string, unknown>;
  const last = keys.at(-1)!;
  target[last] = Array.isArray(target[last]) ? [value] : value;
  return copy;
}

const codesOf = (answer: Answer) => (answer.errors ?? []).map((e) => e.extensions?.code);

describe('malformed ids, generated for every ID argument of every operation', () => {
  it('are BAD_USER_INPUT naming the argument for mutations, null or BAD_USER_INPUT for queries, never a database error — and nothing is written', async () => {
    const eventsBefore = tap.events.length;
    const mismatches: object[] = [];
    let checked = 0;
    for (const { operation, kind } of probes) {
      const field = (kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!).getFields()[operation];
      const optionalIds = field.args.filter((a) => !isNonNullType(a.type) && getNamedType(a.type).name === 'ID').map((a) => a.name);
      const probe = probeOf(kind, field, optionalIds);
      for (const path of field.args.filter((a) => isNonNullType(a.type) || optionalIds.includes(a.name)).flatMap((a) => idPaths(a.name, a.type))) {
        if (STAFF_ID_ARGUMENTS.has(`${probe.operation}.${path}`)) continue;
        for (const malformed of ['not-a-uuid', "1' OR '1'='1", '00000000-0000-0000-0000-00000000000g']) {
          checked += 1;
          const answer = await call(probe.document, withValueAt(probe.variables, path, malformed), allowedCaller(probe.operation));
          const codes = codesOf(answer);
          const field = answer.errors?.[0]?.extensions?.field;
          const named = codes[0] === 'BAD_USER_INPUT' && typeof field === 'string' && field.split('.').at(-1)?.replace(/\[\d+\]$/, '') === path.split('.').at(-1);
          // SPEC §2 order: a signed-link operation checks its credential (the token) before its input.
          const credentialFirst = 'token' in probe.variables && codes.join() === 'UNAUTHENTICATED';
          const ok = credentialFirst || (probe.kind === 'mutation' ? named : (codes.length === 0 && answer.data?.[probe.operation] == null) || named);
          if (!ok) mismatches.push({ argument: `${probe.operation}.${path}`, value: malformed, codes, field, message: answer.errors?.[0]?.message });
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(mismatches).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(tap.events.slice(eventsBefore).map((e) => e.envelope.type)).toEqual([]);
  });
});

/** Every path to a String among an operation's arguments (required ones, and optional top-level ones). */
function textPaths(name: string, type: GraphQLInputType, required: boolean, prefix = ''): { path: string; required: boolean }[] {
  const path = prefix ? `${prefix}.${name}` : name;
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === 'String' ? [{ path, required }] : [];
  if (!isInputObjectType(named)) return [];
  return Object.values(named.getFields()).filter((f) => isNonNullType(f.type)).flatMap((f) => textPaths(f.name, f.type, true, path));
}

describe('text arguments, generated for every String argument of every mutation', () => {
  const SPEC_LONGEST_TEXT = 10_000; // a complaint's description (SPEC §8); every other limit is lower

  async function sweep(value: (required: boolean) => string | undefined) {
    const mismatches: object[] = [];
    let checked = 0;
    for (const { operation } of probes.filter((p) => p.kind === 'mutation')) {
      const field = schema.getMutationType()!.getFields()[operation];
      const optional = field.args.filter((a) => !isNonNullType(a.type) && getNamedType(a.type).name === 'String').map((a) => a.name);
      const probe = probeOf('mutation', field, optional);
      for (const { path, required } of field.args.flatMap((a) => textPaths(a.name, a.type, isNonNullType(a.type)))) {
        const bad = value(required);
        if (bad === undefined || path === 'token') continue;
        checked += 1;
        const answer = await call(probe.document, withValueAt(probe.variables, path, bad), allowedCaller(operation));
        const codes = codesOf(answer);
        const reported = answer.errors?.[0]?.extensions?.field;
        const named = codes[0] === 'BAD_USER_INPUT' && typeof reported === 'string' && reported.replace(/\[\d+\]/g, '').endsWith(path.split('.').at(-1)!);
        const credentialFirst = 'token' in probe.variables && codes.join() === 'UNAUTHENTICATED';
        if (!named && !credentialFirst) mismatches.push({ argument: `${operation}.${path}`, codes, reported, message: answer.errors?.[0]?.message });
      }
    }
    return { checked, mismatches };
  }

  it('refuses text longer than any SPEC §8 limit with BAD_USER_INPUT naming the argument, and writes nothing', async () => {
    const eventsBefore = tap.events.length;
    const { checked, mismatches } = await sweep(() => 'x'.repeat(SPEC_LONGEST_TEXT + 1));
    expect(checked).toBeGreaterThan(20);
    expect(mismatches).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(tap.events.slice(eventsBefore).map((e) => e.envelope.type)).toEqual([]);
  });

  it('refuses blank required text and text with a NUL character the same way', async () => {
    const blank = await sweep((required) => (required ? ' \n\t ' : undefined));
    const nul = await sweep(() => 'before\u0000after');
    expect([...blank.mismatches, ...nul.mismatches]).toEqual([]);
  });
});

describe('submitComplaint under SPEC §8, at its limits and beyond', () => {
  const SUBMIT = 'mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id reference subject description customer { name email } } }';
  const valid = () => ({
    channel: 'PHONE', subject: 'Charged twice', description: 'My card was charged twice.',
    customer: { name: 'Grace Hopper', email: `grace.${Date.now()}.${Math.random()}@example.com` },
  });

  it('accepts text exactly at the limits and stores it trimmed', async () => {
    const input = { ...valid(), subject: ` ${'s'.repeat(200)} `, description: 'd'.repeat(10_000), customer: { name: 'n'.repeat(200), email: ` Grace.${Date.now()}@Example.com ` } };
    const answer = await call(SUBMIT, { input }, 'AGENT');
    expect(answer.errors).toBeUndefined();
    const complaint = answer.data!.submitComplaint as { id: string; subject: string; description: string; customer: { name: string; email: string } };
    await waitFor(() => tap.of('complaint.received', complaint.id).length === 1, { description: 'complaint.received' }); // before the next test watches events
    expect([complaint.subject.length, complaint.description.length, complaint.customer.name.length]).toEqual([200, 10_000, 200]);
    expect(complaint.customer.email).toBe(input.customer.email.trim().toLowerCase());
  });

  it.each([
    ['a subject of 201 characters', { subject: 's'.repeat(201) }, 'input.subject'],
    ['a description of 10,001 characters', { description: 'd'.repeat(10_001) }, 'input.description'],
    ['a desired outcome of 5,001 characters', { desiredOutcome: 'o'.repeat(5_001) }, 'input.desiredOutcome'],
    ['a name of 201 characters', { customer: { name: 'n'.repeat(201), email: 'n@example.com' } }, 'input.customer.name'],
    ['an invalid email', { customer: { name: 'Grace', email: 'grace@' } }, 'input.customer.email'],
    ['an invalid phone number', { customer: { name: 'Grace', email: 'g@example.com', phone: 'call me maybe' } }, 'input.customer.phone'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and stores nothing', async (_, change, field) => {
    const correlationId = `limits-${randomUUID()}`;
    const answer = await call(SUBMIT, { input: { ...valid(), ...change } }, 'AGENT', correlationId);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(answer.data?.submitComplaint ?? null).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tap.events.filter((e) => e.envelope.correlationId === correlationId)).toEqual([]);
  });

  it('refuses fields the contract does not have (no mass assignment), and values outside an enum', async () => {
    for (const input of [{ ...valid(), status: 'CLOSED' }, { ...valid(), customer: { ...valid().customer, id: '00000000-0000-4000-8000-000000000000' } }, { ...valid(), channel: 'FAX' }]) {
      const answer = await call(SUBMIT, { input }, 'AGENT');
      expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
      expect(answer.errors![0].message).toMatch(/status|"id"|FAX/);
    }
  });
});

describe('submitComplaint, property-based (fast-check): whatever a client sends', () => {
  const SUBMIT = 'mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id reference status } }';
  // Mostly plausible values, so that many submissions pass, with hostile ones mixed into every field.
  const hostile = <T>(plausible: fc.Arbitrary<T>, ...others: fc.Arbitrary<unknown>[]) =>
    fc.oneof({ weight: 12, arbitrary: plausible as fc.Arbitrary<unknown> }, ...others.map((arbitrary) => ({ weight: 1, arbitrary })));
  const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }));
  const text = (maxLength: number) => hostile(
    fc.oneof(fc.string({ minLength: 1, maxLength: Math.min(maxLength, 80) }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })),
    fc.string({ unit: 'binary', maxLength }), // any code point: control characters, NUL, lone surrogates
    fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u3000'), maxLength: 8 }), // blank-looking
    fc.nat({ max: 40 }).map((extra) => 'x'.repeat(maxLength - 20 + extra)), // around the limit
    wrongType,
  );
  const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
  const submission = fc.record({
    channel: hostile(fc.constantFrom(...Channel), fc.string({ maxLength: 12 }), wrongType),
    customer: fc.record({
      name: text(200),
      email: hostile(fc.emailAddress(), text(254)),
      phone: optional(hostile(fc.constantFrom('+44 20 7946 0000', '(030) 1234-5678', '555-0100'), text(30))),
    }, { requiredKeys: ['name', 'email'] }),
    subject: text(200),
    description: text(10_000),
    desiredOutcome: optional(text(5_000)),
    category: optional(hostile(fc.constantFrom(...Category), fc.string({ maxLength: 10 }))),
    severity: optional(hostile(fc.constantFrom(...Severity), fc.string({ maxLength: 10 }))),
    idempotencyKey: optional(text(200)),
  }, { requiredKeys: ['channel', 'customer', 'subject', 'description'] });

  it('never answers INTERNAL_SERVER_ERROR: either a complaint, or BAD_USER_INPUT and nothing stored', async () => {
    const accepted = new Map<string, string>(); // correlation id → complaint id
    const refused: string[] = [];
    const anonymousRuns = new Set<string>();
    await fc.assert(
      fc.asyncProperty(submission, fc.boolean(), async (input, anonymous) => {
        const correlationId = `property-${randomUUID()}`;
        if (anonymous) anonymousRuns.add(correlationId);
        const answer = await call(SUBMIT, { input: anonymous ? { ...input, channel: 'WEB' } : input }, anonymous ? undefined : 'AGENT', correlationId);
        const codes = codesOf(answer);
        if (codes.length === 0) {
          const complaint = answer.data!.submitComplaint as { id: string; reference: string; status: string };
          accepted.set(correlationId, complaint.id);
          return /^CMP-\d{4}-\d{6,}$/.test(complaint.reference) && complaint.status === 'RECEIVED';
        }
        refused.push(correlationId);
        return codes.every((code) => code === 'BAD_USER_INPUT') && answer.data?.submitComplaint == null;
      }),
      { numRuns: 200, interruptAfterTimeLimit: 120_000 },
    );
    process.stdout.write(`submitComplaint property: ${accepted.size} accepted, ${refused.length} refused with BAD_USER_INPUT\n`);
    expect(accepted.size).toBeGreaterThan(10);
    expect(refused.length).toBeGreaterThan(10);
    // Each accepted complaint is announced exactly once (a repeated idempotency key returns the same
    // one), each refused submission never: nothing half-written.
    await waitFor(() => [...new Set(accepted.values())].every((id) => tap.of('complaint.received', id).length === 1), {
      timeoutMs: 15_000, description: 'complaint.received of every accepted submission',
    });
    expect(tap.events.filter((e) => refused.includes(e.envelope.correlationId))).toEqual([]);
    // The actor of each announcement: the signed-in agent with the role that allowed it, or nobody for a customer.
    for (const [correlationId, complaintId] of accepted) {
      const [received] = tap.of('complaint.received', complaintId);
      if (received.envelope.correlationId !== correlationId) continue; // a repeated idempotency key
      expect([correlationId, received.envelope.actor]).toEqual([correlationId, anonymousRuns.has(correlationId) ? null : { id: 'input-agent', role: 'AGENT' }]);
    }
  });
});
