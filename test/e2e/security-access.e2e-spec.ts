import { randomUUID } from 'node:crypto';
import { buildClientSchema, getIntrospectionQuery, getNamedType, isLeafType, isNonNullType, isObjectType, parse, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { ANONYMOUS, FIELD_ACCESS, OPERATION_ACCESS, STAFF_ROLES, anonymousMayRead, decideOperationAccess, hasAnyRole, privateFieldFor, signIdentity, type Identity } from '@redress/auth';
import { DEV_SECRETS } from '@redress/config';
import type { Role } from '@redress/contracts';
import { waitFor } from '@redress/testing';
import { E2E, gatewayUrl } from './support/e2e-environment.js';
import { staffToken, type GraphqlResponse } from './support/graphql-client.js';
import { operationProbes, sampleValue, type OperationProbe } from './support/security-operation-probe.js';
import { startSystem, stopSystem } from './support/system.js';

// Issue 3, deliverable 3: the operation × role matrix generated from OPERATION_ACCESS (libs/auth), checked
// twice — through the real gateway, and at each operation's own subgraph with the identity the gateway
// would sign, so the subgraph's declaration (@Allowed / default deny) is proven on its own.
type Caller = { name: string; identity: Identity };
const staffCaller = (role: Role): Caller => ({ name: role, identity: { sub: `matrix-${role.toLowerCase()}`, roles: [role], anonymous: false } });
const callers: Caller[] = [{ name: 'anonymous', identity: ANONYMOUS }, ...STAFF_ROLES.map(staffCaller)];
const tokens = new Map<string, string>();
let schema: GraphQLSchema;
let probes: OperationProbe[];
const owner = new Map<string, string>();

beforeAll(() => startSystem(), 150_000);
afterAll(stopSystem, 30_000);

beforeAll(async () => {
  for (const { name, identity } of callers) if (!identity.anonymous) tokens.set(name, await staffToken(identity.roles, identity.sub!));
  const introspection = await post(gatewayUrl, { query: getIntrospectionQuery() });
  schema = buildClientSchema(introspection.data as unknown as IntrospectionQuery);
  probes = operationProbes(schema);
  for (const [service, port] of Object.entries(E2E.ports)) {
    const { data } = await post(subgraphUrl(port), { query: '{ _service { sdl } }' }, await gatewayHeaders(ANONYMOUS));
    for (const operation of rootFieldsOf((data as { _service: { sdl: string } })._service.sdl)) owner.set(operation, service);
  }
});

function subgraphUrl(port: number) {
  return `http://127.0.0.1:${port}/graphql`;
}

async function gatewayHeaders(identity: Identity): Promise<Record<string, string>> {
  return { 'x-redress-identity': await signIdentity(identity, `matrix-${randomUUID()}`, DEV_SECRETS.INTERNAL_SECRET) };
}

async function post(url: string, body: object, headers: Record<string, string> = {}): Promise<GraphqlResponse<Record<string, unknown>>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return (await response.json()) as GraphqlResponse<Record<string, unknown>>;
}

function rootFieldsOf(sdl: string): string[] {
  return parse(sdl).definitions.flatMap((definition) =>
    'name' in definition && (definition.name?.value === 'Query' || definition.name?.value === 'Mutation') && 'fields' in definition
      ? (definition.fields ?? []).map((field) => field.name.value)
      : [],
  );
}

/** What the table says this caller gets: null (allowed) or the code of the refusal. */
function expectedFor(caller: Caller, operation: string): string | null {
  const decision = decideOperationAccess(caller.identity, operation);
  return decision === undefined ? 'A ROW IN OPERATION_ACCESS' : (decision?.code ?? null);
}

/** What one answer shows about access: null when it got past access control, else the refusal code. */
function observed(operation: string, response: GraphqlResponse<Record<string, unknown>>): string | null {
  const codes = (response.errors ?? []).map((e) => e.extensions?.code);
  if (codes.includes('INTERNAL_SERVER_ERROR')) return 'INTERNAL_SERVER_ERROR';
  const refusal = codes.find((code) => code === 'UNAUTHENTICATED' || code === 'FORBIDDEN');
  if (refusal && response.data?.[operation] != null) return 'REFUSED_BUT_ANSWERED';
  return (refusal as string | undefined) ?? null;
}

/**
 * A public operation whose credential is a signed link token (SPEC §2) answers a made-up token with
 * UNAUTHENTICATED for everyone alike: access control let the call through, the credential was refused.
 */
function credentialRefused(probe: OperationProbe, response: GraphqlResponse<Record<string, unknown>>): boolean {
  const publicWithToken = OPERATION_ACCESS[probe.operation as keyof typeof OPERATION_ACCESS] === 'PUBLIC' && 'token' in probe.variables;
  const codes = (response.errors ?? []).map((e) => e.extensions?.code);
  return publicWithToken && codes.length > 0 && codes.every((code) => code === 'UNAUTHENTICATED') && !response.errors!.some((e) => /sign-in/.test(e.message));
}

describe('OPERATION_ACCESS covers the supergraph', () => {
  it('has a row for every Query and Mutation field served, and no row for anything that is not served', () => {
    const served = probes.map((probe) => probe.operation).sort();
    expect(served.filter((operation) => !(operation in OPERATION_ACCESS))).toEqual([]);
    expect(Object.keys(OPERATION_ACCESS).filter((operation) => !served.includes(operation))).toEqual([]);
    expect(served.length).toBeGreaterThanOrEqual(27);
  });

  it('knows the subgraph that serves each operation', () => {
    expect(probes.filter((probe) => !owner.has(probe.operation)).map((probe) => probe.operation)).toEqual([]);
  });
});

describe.each(['the gateway', 'the owning subgraph'] as const)('the operation × role matrix through %s', (layer) => {
  it.each(callers.map((caller) => [caller.name, caller] as const))('holds for every operation called as %s', async (_, caller) => {
    const mismatches: object[] = [];
    for (const probe of probes) {
      const body = { query: probe.document, variables: probe.variables };
      const response = layer === 'the gateway'
        ? await post(gatewayUrl, body, tokens.has(caller.name) ? { authorization: `Bearer ${tokens.get(caller.name)}` } : {})
        : await post(subgraphUrl(E2E.ports[owner.get(probe.operation) as keyof typeof E2E.ports]), body, await gatewayHeaders(caller.identity));
      const expected = expectedFor(caller, probe.operation);
      const actual = credentialRefused(probe, response) ? null : observed(probe.operation, response);
      if (actual !== expected) mismatches.push({ operation: probe.operation, expected: expected ?? 'allowed', actual: actual ?? 'allowed', errors: response.errors });
    }
    expect(mismatches).toEqual([]);
  });
});

describe('what an anonymous caller may read (SPEC §2), generated from ANONYMOUS_READABLE', () => {
  const complaintCount = async (manager: string) =>
    ((await post(gatewayUrl, { query: '{ complaints(first: 1) { totalCount } }' }, { authorization: `Bearer ${manager}` })).data as { complaints: { totalCount: number } })
      .complaints.totalCount;
  const publicProbes = () => probes.filter((probe) => decideOperationAccess(ANONYMOUS, probe.operation) === null);

  /** The probe of a public operation selecting one field of what it returns (and that field's own required arguments). */
  function* fieldProbes(probe: OperationProbe) {
    const root = probe.kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
    const returned = getNamedType(root.getFields()[probe.operation].type);
    if (!isObjectType(returned)) return;
    for (const field of Object.values(returned.getFields())) {
      const required = field.args.filter((argument) => isNonNullType(argument.type));
      const args = required.length ? `(${required.map((a) => `${a.name}: ${JSON.stringify(sampleValue(a.name, a.type))}`).join(', ')})` : '';
      const selection = `${field.name}${args}${isLeafType(getNamedType(field.type)) ? '' : ' { __typename }'}`;
      yield { type: returned.name, field: field.name, document: probe.document.replace('{ __typename }', `{ ${selection} }`) };
    }
  }

  it('refuses at the gateway exactly the fields SPEC §2 keeps from customers, and stores nothing when a submission asks for one', async () => {
    const manager = await staffToken(['MANAGER'], 'matrix-manager-count');
    const mismatches: object[] = [];
    for (const probe of publicProbes()) {
      for (const { type, field, document } of fieldProbes(probe)) {
        const before = probe.operation === 'submitComplaint' ? await complaintCount(manager) : 0;
        const response = await post(gatewayUrl, { query: document, variables: probe.variables });
        const refusedHere = (response.errors ?? []).some((e) => e.extensions?.code === 'UNAUTHENTICATED' && e.message === `${type}.${field} needs a staff sign-in`);
        const stored = probe.operation === 'submitComplaint' ? (await complaintCount(manager)) - before : 0;
        const expected = anonymousMayRead(type, field) ? 'allowed' : 'refused, nothing stored';
        const actual = refusedHere ? (stored === 0 ? 'refused, nothing stored' : 'refused, but stored') : observed(probe.operation, response) === 'INTERNAL_SERVER_ERROR' ? 'INTERNAL_SERVER_ERROR' : 'allowed';
        if (actual !== expected) mismatches.push({ field: `${probe.operation} → ${type}.${field}`, expected, actual });
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('is enforced by intake itself too: an anonymous submission reads back only the readable Complaint fields', async () => {
    const submit = probes.find((probe) => probe.operation === 'submitComplaint')!;
    const mismatches: object[] = [];
    for (const { type, field, document } of fieldProbes(submit)) {
      if (owner.get(submit.operation) !== 'intake' || !intakeOwns(field)) continue;
      const response = await post(subgraphUrl(E2E.ports.intake), { query: document, variables: submit.variables }, await gatewayHeaders(ANONYMOUS));
      const expected = anonymousMayRead(type, field) ? null : 'UNAUTHENTICATED';
      const codes = (response.errors ?? []).map((e) => e.extensions?.code);
      const actual = codes.includes('UNAUTHENTICATED') ? 'UNAUTHENTICATED' : codes.includes('INTERNAL_SERVER_ERROR') ? 'INTERNAL_SERVER_ERROR' : null;
      if (actual !== expected) mismatches.push({ field: `${type}.${field}`, expected: expected ?? 'allowed', actual: actual ?? 'allowed' });
    }
    expect(mismatches).toEqual([]);
  });
});

let intakeComplaintFields: Set<string> | undefined;
function intakeOwns(field: string): boolean {
  return intakeComplaintFields?.has(field) ?? false;
}

beforeAll(async () => {
  const { data } = await post(subgraphUrl(E2E.ports.intake), { query: '{ _service { sdl } }' }, await gatewayHeaders(ANONYMOUS));
  const complaint = parse((data as { _service: { sdl: string } })._service.sdl).definitions.find(
    (definition) => 'name' in definition && definition.name?.value === 'Complaint' && 'fields' in definition,
  );
  intakeComplaintFields = new Set(complaint && 'fields' in complaint ? (complaint.fields ?? []).map((field) => field.name.value) : []);
});

describe('fields for staff (SPEC §2 field privacy), generated from the schema and PRIVATE_FIELDS', () => {
  let complaintId: string;
  const customer = { name: 'Ada Lovelace', email: `ada.${Date.now()}@example.com`, phone: '+44 20 7946 0018' };
  const asRole = (role: string, query: string, variables: object) =>
    post(gatewayUrl, { query, variables }, { authorization: `Bearer ${tokens.get(role)}` });

  beforeAll(async () => {
    const submitted = await asRole('AGENT', 'mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id } }', {
      input: { channel: 'PHONE', customer, subject: 'Privacy probe', description: 'A complaint whose contact details only some staff may read.' },
    });
    complaintId = (submitted.data as { submitComplaint: { id: string } }).submitComplaint.id;
    await waitFor(async () => {
      const { data } = await asRole('MANAGER', 'query($id: ID!) { complaint(id: $id) { notifications { status } } }', { id: complaintId });
      return (data as { complaint: { notifications: { status: string }[] | null } }).complaint.notifications?.some((n) => n.status === 'SENT');
    }, { timeoutMs: 30_000, description: 'the acknowledgement to be sent' });
  });

  it('lets each staff role read every Complaint field FIELD_ACCESS does not narrow, whichever subgraph resolves it', async () => {
    const complaintType = schema.getType('Complaint');
    if (!isObjectType(complaintType)) throw new Error('no Complaint type');
    const mismatches: object[] = [];
    for (const role of STAFF_ROLES) {
      for (const field of Object.values(complaintType.getFields())) {
        const selection = isLeafType(getNamedType(field.type)) ? field.name : `${field.name} { __typename }`;
        const response = await asRole(role, `query($id: ID!) { complaint(id: $id) { ${selection} } }`, { id: complaintId });
        const codes = (response.errors ?? []).map((e) => e.extensions?.code);
        const narrowed = FIELD_ACCESS[`Complaint.${field.name}` as keyof typeof FIELD_ACCESS];
        const expected = narrowed && !hasAnyRole({ roles: [role] }, narrowed.roles) ? ['FORBIDDEN'] : [];
        if (codes.join() !== expected.join()) mismatches.push({ role, field: `Complaint.${field.name}`, expected, codes, messages: response.errors?.map((e) => e.message) });
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('shows each role the private fields exactly as PRIVATE_FIELDS says: in full, masked or null', async () => {
    const query = 'query($id: ID!) { complaint(id: $id) { customer { email phone } notifications { recipient } } }';
    const seen = new Map<Role, { customer: { email: string | null; phone: string | null }; notifications: { recipient: string }[] }>();
    for (const role of STAFF_ROLES) seen.set(role, ((await asRole(role, query, { id: complaintId })).data as { complaint: never }).complaint);
    const stored = { email: customer.email.toLowerCase(), phone: customer.phone, recipient: customer.email.toLowerCase() };
    for (const role of STAFF_ROLES) {
      const identity: Identity = { sub: 'x', roles: [role], anonymous: false };
      const answer = seen.get(role)!;
      expect({ role, email: answer.customer.email, phone: answer.customer.phone, recipients: answer.notifications.map((n) => n.recipient) }).toEqual({
        role,
        email: privateFieldFor('Customer.email', identity, stored.email),
        phone: privateFieldFor('Customer.phone', identity, stored.phone),
        recipients: answer.notifications.map(() => privateFieldFor('Notification.recipient', identity, stored.recipient)),
      });
    }
    expect(seen.get('QA')!.notifications[0].recipient).toMatch(/^a\*\*\*@example\.com$/);
    expect(seen.get('QA')!.customer.email).toBeNull();
  });
});
