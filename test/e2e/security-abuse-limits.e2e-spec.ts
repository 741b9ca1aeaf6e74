import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { E2E, e2eEnv, gatewayUrl } from './support/e2e-environment.js';
import { staffToken } from './support/graphql-client.js';
import { SubgraphSpy } from './support/security-subgraph-spy.js';
import { startSystem, stopSystem } from './support/system.js';

// Issue 3, deliverable 4: abusive requests are refused at the real gateway before any subgraph is
// called — each subgraph sits behind a counting proxy — and anonymous callers are rate-limited per
// client in Redis, shared by gateway replicas.
const spies = Object.fromEntries(Object.entries(E2E.ports).map(([service, port]) => [service, new SubgraphSpy(port)]));
const RATE_LIMIT = 5;
const secondGatewayPort = E2E.gatewayPort + 10;
let manager: string;
let secondGateway: ChildProcess | undefined;

const overrides: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(spies).map(([service, spy]) => [`${service.toUpperCase()}_URL`, ''])),
  SUPERGRAPH_POLL_INTERVAL_MS: '0',
  RATE_LIMIT_ANONYMOUS_REQUESTS: String(RATE_LIMIT),
  RATE_LIMIT_WINDOW_SECONDS: '3600',
  TRUST_PROXY_HOPS: '1',
};

beforeAll(async () => {
  for (const [service, spy] of Object.entries(spies)) {
    await spy.start();
    overrides[`${service.toUpperCase()}_URL`] = spy.url;
  }
  await startSystem(overrides);
  manager = await staffToken(['MANAGER'], 'limits-manager');
}, 150_000);
afterAll(async () => {
  secondGateway?.kill('SIGTERM');
  await stopSystem();
  await Promise.all(Object.values(spies).map((spy) => spy.stop()));
}, 30_000);

interface Reply { status: number; headers: Headers; text: string; body?: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } }

async function send(body: string, headers: Record<string, string> = {}, init: { method?: string; url?: string } = {}): Promise<Reply> {
  const get = init.method === 'GET';
  const response = await fetch(init.url ?? gatewayUrl, { method: init.method ?? 'POST', headers: { ...(!get && { 'content-type': 'application/json' }), ...headers }, body: get ? undefined : body });
  const text = await response.text();
  let parsed;
  try { parsed = JSON.parse(text); } catch { parsed = undefined; }
  return { status: response.status, headers: response.headers, text, body: parsed };
}
const ask = (query: string, headers: Record<string, string> = {}, variables: object = {}) => send(JSON.stringify({ query, variables }), headers);
const asManager = (query: string, variables: object = {}) => ask(query, { authorization: `Bearer ${manager}` }, variables);
const subgraphCalls = () => Object.values(spies).reduce((sum, spy) => sum + spy.requests, 0);

/** Runs a request and returns its reply together with how many subgraph requests it caused. */
async function counted(request: () => Promise<Reply>): Promise<Reply & { subgraphCalls: number }> {
  const before = subgraphCalls();
  const reply = await request();
  await new Promise((resolve) => setTimeout(resolve, 150));
  return { ...reply, subgraphCalls: subgraphCalls() - before };
}

const nested = (levels: number) => `{ complaint(id: "${randomUUID()}") { ${'possibleDuplicateOf { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
const PAGE = (first: number) => `{ complaints(first: ${first}) { edges { node {
  notifications { id kind status recipient attempts } timeline { at type summary } proposals { id options { id type description amount } } } } } }`;

describe('the spies', () => {
  it('see the subgraph calls of an ordinary staff query', async () => {
    const reply = await counted(() => asManager(PAGE(20)));
    expect(reply.body?.errors).toBeUndefined();
    expect(reply.subgraphCalls).toBeGreaterThanOrEqual(1);
  });
});

describe('abusive operations are refused at the gateway, no subgraph called', () => {
  it.each([
    ['nested 13 levels deep (limit 12)', () => asManager(nested(12)), 400, 'GRAPHQL_VALIDATION_FAILED', /nested 14 levels deep; the limit is 12/],
    ['batching 31 aliases (limit 30)', () => asManager(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: complaint(id: "${randomUUID()}") { id }`).join(' ')} }`), 400, 'GRAPHQL_VALIDATION_FAILED', /31 aliases/],
    ['costing more than 25,000 (a page of 100 with every list)', () => asManager(PAGE(100)), 400, 'GRAPHQL_VALIDATION_FAILED', /estimated \d+; the limit is 25000/],
    ['asking for a million complaints', () => asManager('{ complaints(first: 1000000) { totalCount } }'), 400, 'GRAPHQL_VALIDATION_FAILED', /estimated/],
    ['with 21 directives (limit 20)', () => asManager(`{ complaints(first: 1) { ${'totalCount @include(if: true) '.repeat(21)} } }`), 400, 'GRAPHQL_VALIDATION_FAILED', /21 directives/],
    ['of more than 1,000 tokens', () => asManager(`{ complaints(first: 1) { ${'totalCount '.repeat(1_000)} } }`), 400, 'GRAPHQL_PARSE_FAILED', /more that 1000 tokens/],
    ['asking a field that does not exist', () => asManager(`{ complaint(id: "${randomUUID()}") { refrence } }`), 400, 'GRAPHQL_VALIDATION_FAILED', /refrence/],
  ])('%s', async (_, request, status, code, message) => {
    const reply = await counted(request);
    expect(reply.subgraphCalls).toBe(0);
    expect(reply.status).toBe(status);
    expect(reply.body?.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code, correlationId: expect.any(String) } });
    expect(reply.body?.data).toBeUndefined();
  });

  it('suggests no field names (schema hints help an attacker map the API)', async () => {
    const reply = await asManager(`{ complaint(id: "${randomUUID()}") { refrence custmer } }`);
    expect(reply.text).not.toMatch(/Did you mean/i);
    expect(reply.text).not.toMatch(/"reference"|"customer"/);
  });

  it('refuses a batch of operations in one request', async () => {
    const reply = await counted(() => send(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]), { authorization: `Bearer ${manager}` }));
    expect(reply.subgraphCalls).toBe(0);
    expect(reply.status).toBe(400);
  });

  it('refuses a body over 256 KiB with 413 and a JSON error, not an HTML page', async () => {
    const reply = await counted(() => send(JSON.stringify({ query: 'query($s: String) { __typename }', variables: { s: 'x'.repeat(300 * 1024) } })));
    expect(reply.subgraphCalls).toBe(0);
    expect(reply.status).toBe(413);
    expect(reply.body?.errors?.[0]).toMatchObject({ message: 'The request body is larger than 262144 bytes', extensions: { code: 'BAD_REQUEST' } });
  });

  it('answers a body that is not JSON with 400 and a JSON error, no stack trace', async () => {
    const reply = await counted(() => send('{"query": "{ __typename }", '));
    expect(reply.subgraphCalls).toBe(0);
    expect(reply.status).toBe(400);
    expect(reply.body?.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(reply.text).not.toMatch(/<html|<pre>|at \w+ \(|node_modules|SyntaxError/i);
  });

  it('refuses requests a browser could send cross-site without a preflight (CSRF)', async () => {
    const simple = [
      () => send(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' }),
      () => send('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }),
      () => send('', {}, { method: 'GET', url: `${gatewayUrl}?query=${encodeURIComponent('{ complaints(first: 1) { totalCount } }')}` }),
    ];
    for (const request of simple) {
      const reply = await counted(request);
      expect({ status: reply.status, subgraphCalls: reply.subgraphCalls }).toEqual({ status: 400, subgraphCalls: 0 });
      expect(reply.text).toMatch(/CSRF|preflight/i);
    }
  });

  it('refuses a mutation over GET, even with a preflight header', async () => {
    const query = encodeURIComponent('mutation { reopenComplaint(id: "x", reason: "y") { id } }');
    const reply = await counted(() => send('', { 'apollo-require-preflight': 'true', authorization: `Bearer ${manager}` }, { method: 'GET', url: `${gatewayUrl}?query=${query}` }));
    expect(reply.subgraphCalls).toBe(0);
    expect(reply.status).toBe(405);
  });

  it('refuses an anonymous caller a staff operation, or a field SPEC §2 keeps from customers, before any subgraph is called', async () => {
    const staffOnly = await counted(() => ask('{ complaints(first: 1) { totalCount } }', { 'x-forwarded-for': '198.51.100.200' }));
    expect([staffOnly.status, staffOnly.body?.errors?.[0]?.extensions?.code, staffOnly.subgraphCalls]).toEqual([401, 'UNAUTHENTICATED', 0]);
    const nosy = await counted(() => ask('mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id customer { email } } }', { 'x-forwarded-for': '198.51.100.201' }, {
      input: { channel: 'WEB', subject: 's', description: 'd', customer: { name: 'n', email: 'n@example.com' } },
    }));
    expect([nosy.status, nosy.body?.errors?.[0]?.extensions?.code, nosy.subgraphCalls]).toEqual([401, 'UNAUTHENTICATED', 0]);
  });
});

describe('anonymous rate limits (per client, in Redis)', () => {
  const TRACK = '{ trackComplaint(reference: "CMP-2026-999999", email: "nobody@example.com") { status } }';
  // Counters outlive a run (Redis), so each run is a new set of clients.
  const octet = () => Math.floor(Math.random() * 250) + 1;
  const newClient = () => `10.${octet()}.${octet()}.${octet()}`;
  const track = (client: string, url = gatewayUrl) =>
    send(JSON.stringify({ query: TRACK }), { 'x-forwarded-for': client }, { url });

  beforeAll(async () => {
    const windowMs = 3_600_000;
    const left = windowMs - (Date.now() % windowMs);
    if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 100)); // stay inside one window
  });

  it('lets a client make its budget of requests, then answers 429 RATE_LIMITED with Retry-After and calls no subgraph', async () => {
    const client = newClient();
    for (let i = 0; i < RATE_LIMIT; i += 1) {
      const reply = await track(client);
      expect([reply.status, reply.body?.errors]).toEqual([200, undefined]);
    }
    const refused = await counted(() => track(client));
    expect(refused.status).toBe(429);
    expect(refused.body?.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', correlationId: expect.any(String) });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.subgraphCalls).toBe(0);
  });

  it('keeps clients apart, and does not limit signed-in staff', async () => {
    const busy = newClient();
    for (let i = 0; i <= RATE_LIMIT; i += 1) await track(busy);
    expect((await track(busy)).status).toBe(429);
    expect((await track(newClient())).status).toBe(200);
    for (let i = 0; i < RATE_LIMIT + 3; i += 1) {
      const reply = await send(JSON.stringify({ query: TRACK }), { 'x-forwarded-for': busy, authorization: `Bearer ${manager}` });
      expect(reply.status).toBe(200);
    }
  });

  it('shares one budget between gateway replicas', async () => {
    secondGateway = spawn(process.execPath, ['gateway/dist/main.js'], {
      env: { ...process.env, ...e2eEnv, ...overrides, GATEWAY_PORT: String(secondGatewayPort) },
      stdio: 'ignore',
    });
    const secondUrl = `http://127.0.0.1:${secondGatewayPort}/graphql`;
    const deadline = Date.now() + 60_000;
    while (!(await fetch(`http://127.0.0.1:${secondGatewayPort}/health/ready`).then((r) => r.ok, () => false))) {
      if (Date.now() > deadline) throw new Error('the second gateway did not become ready');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const client = newClient();
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 2; i += 1) statuses.push((await track(client, i % 2 === 0 ? gatewayUrl : secondUrl)).status);
    expect(statuses).toEqual([...Array(RATE_LIMIT).fill(200), 429, 429]);
  });
});
