import 'reflect-metadata';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IDENTITY_HEADER, anonymousMayRead, signIdentity } from '@redress/auth';
import { loadConfig } from '@redress/config';
import type { LoggerService } from '@nestjs/common';
import { SignJWT } from 'jose';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { subgraphSdl } from '@redress/graphql';
import { composeSupergraph } from '../../scripts/compose-supergraph.mjs';
import { loadGatewayConfig, type GatewayConfig } from '../src/config/gateway-config.js';
import { SPEC_ACCESS_POLICY, type AccessPolicy } from '../src/access/operation-access.js';
import { startGateway, type RunningGateway } from '../src/gateway-server.js';
import { DeskModule, deskTypeDefs } from './fixtures/desk-subgraph.js';
import { RatingsModule, ratingsTypeDefs } from './fixtures/ratings-subgraph.js';

// Development mode on purpose: subgraphs would add stack traces there if anything let them.
const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'error' });
const silent: LoggerService = { log() {}, warn() {}, error() {} };
// The fixtures' own types are not in SPEC §2's table: let anonymous callers reach them, so the subgraphs' guards answer.
const fixtureAccess: AccessPolicy = { ...SPEC_ACCESS_POLICY, anonymousMayRead: (type, field) => ['Caller', 'Widget'].includes(type) || anonymousMayRead(type, field) };

async function startSubgraph(module: DynamicModule, port = 0): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(module, { logger: false });
  await app.listen(port, '127.0.0.1');
  return { app, url: `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql` };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function staffToken(roles: string[], sub = 'alice', secret = config.jwtSecret) {
  return new SignJWT({ roles, name: 'Alice Agent' }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime('5m')
    .sign(new TextEncoder().encode(secret));
}

async function post(url: string, query: string, headers: Record<string, string> = {}, variables?: object) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function gatewayConfig(subgraphs: { name: string; url: string }[]): GatewayConfig {
  return { ...loadGatewayConfig({ NODE_ENV: 'development', LOG_LEVEL: 'error', BULLMQ_PREFIX: 'gateway-int-test' }), gatewayPort: 0, subgraphs, supergraphPollIntervalMs: 0 };
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('gateway with two real subgraphs', () => {
  let desk: { app: INestApplication; url: string };
  let ratings: { app: INestApplication; url: string };
  let gateway: RunningGateway;
  let graphqlUrl: string;
  const ask = async (query: string, headers: Record<string, string> = {}, variables?: object) => {
    const response = await post(graphqlUrl, query, headers, variables);
    return { ...response, body: JSON.parse(response.text) };
  };

  beforeAll(async () => {
    desk = await startSubgraph(DeskModule.forRoot(config));
    ratings = await startSubgraph(RatingsModule.forRoot(config));
    gateway = await startGateway(gatewayConfig([{ name: 'desk', url: desk.url }, { name: 'ratings', url: ratings.url }]), silent, { accessPolicy: fixtureAccess });
    await gateway.ready;
    graphqlUrl = `http://127.0.0.1:${gateway.port}/graphql`;
  });

  afterAll(async () => {
    await gateway?.stop();
    await desk?.app.close();
    await ratings?.app.close();
  });

  it('forwards a staff identity and the correlation id to every subgraph, entity fetches included', async () => {
    const { body, headers } = await ask('{ whoAmI { sub roles anonymous correlationId } widget(id: "w-1") { name rating seenBy } }', {
      authorization: `Bearer ${await staffToken(['AGENT'])}`,
      'x-correlation-id': 'portal-request-0001',
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.whoAmI).toEqual({ sub: 'alice', roles: ['AGENT'], anonymous: false, correlationId: 'portal-request-0001' });
    expect(body.data.widget).toEqual({ name: 'Widget w-1', rating: 3, seenBy: 'alice AGENT portal-request-0001' });
    expect(headers.get('x-correlation-id')).toBe('portal-request-0001');
  });

  it('signs an anonymous identity for a caller without a token', async () => {
    const { body } = await ask('{ whoAmI { sub roles anonymous correlationId } }');
    expect(body.data.whoAmI).toMatchObject({ sub: null, roles: [], anonymous: true });
    expect(body.data.whoAmI.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers UNAUTHENTICATED to an anonymous caller on a staff operation', async () => {
    const { body } = await ask('{ widget(id: "w-1") { name } }');
    expect(body.data.widget).toBeNull();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a bad token as UNAUTHENTICATED instead of treating it as anonymous', async () => {
    for (const authorization of [`Bearer ${await staffToken(['ADMIN'], 'mallory', 'not-the-jwt-secret-0123456789abcdef012')}`, 'Bearer garbage']) {
      const { status, body } = await ask('{ whoAmI { sub } }', { authorization });
      expect(status).toBe(401);
      expect(body.errors).toEqual([{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', correlationId: expect.any(String) } }]);
      expect(body.data).toBeUndefined();
    }
  });

  it('answers FORBIDDEN to a staff member without a role, and lets a MANAGER do what an AGENT may', async () => {
    const roleless = await ask('{ widget(id: "w-1") { name } }', { authorization: `Bearer ${await staffToken([])}` });
    expect(roleless.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const manager = await ask('{ widget(id: "w-1") { name rating } }', { authorization: `Bearer ${await staffToken(['MANAGER'])}` });
    expect(manager.body).toEqual({ data: { widget: { name: 'Widget w-1', rating: 3 } } });
  });

  it('denies an operation that declares no rule, even to an ADMIN', async () => {
    const { body } = await ask('{ undeclared }', { authorization: `Bearer ${await staffToken(['ADMIN', 'MANAGER'])}` });
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('never lets a subgraph error leak its stack or SQL text', async () => {
    const { text, body } = await ask('{ leakyQuery }', { 'x-correlation-id': 'support-ticket-4711' });
    expect(body.errors).toEqual([
      { message: 'Internal error; reference support-ticket-4711', path: ['leakyQuery'], extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'support-ticket-4711' } },
    ]);
    expect(text).not.toMatch(/SELECT|widget_secrets|QueryFailedError|stacktrace|\.ts:|serviceName/);
  });

  it('answers BAD_USER_INPUT to a malformed DateTime and echoes a good one in UTC', async () => {
    const bad = await ask('query($at: DateTime!) { echoTime(at: $at) }', {}, { at: 'next friday' });
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const good = await ask('{ echoTime(at: "2026-01-31T10:30:00+01:00") }');
    expect(good.body.data.echoTime).toBe('2026-01-31T09:30:00.000Z');
  });

  it('refuses a direct call to a subgraph without the signed identity, but leaves its health open', async () => {
    const direct = await post(desk.url, '{ whoAmI { sub } }');
    expect(direct.status).toBe(401);
    expect(JSON.parse(direct.text)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }] });
    const forged = await post(desk.url, '{ whoAmI { sub } }', {
      [IDENTITY_HEADER]: await signIdentity({ sub: 'mallory', roles: ['ADMIN'], anonymous: false }, 'x', 'guessed-internal-secret-0123456789abcdef'),
    });
    expect(forged.status).toBe(401);
    const sdl = await post(desk.url, '{ _service { sdl } }');
    expect(sdl.status).toBe(401);
    const health = await fetch(desk.url.replace('/graphql', '/health/live'));
    expect(health.status).toBe(200);
  });

  it('answers a direct call that carries the signed identity (what the gateway does)', async () => {
    const token = await signIdentity({ sub: null, roles: [], anonymous: true }, 'direct-check-0001', config.internalSecret);
    const { status, text } = await post(desk.url, '{ _service { sdl } }', { [IDENTITY_HEADER]: token });
    expect(status).toBe(200);
    expect(JSON.parse(text).data._service.sdl).toContain('type Widget');
  });

  it('refuses operations nested too deep or batched with too many aliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: ratingScale`).join(' ');
    const { body } = await ask(`{ ${aliases} }`);
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(body.errors[0].message).toContain('aliases');
  });

  it('reports itself live and ready', async () => {
    const base = `http://127.0.0.1:${gateway.port}`;
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
  });
});

describe('gateway boot order', () => {
  it('stays unready while a subgraph is down, retries, and becomes ready once it is up', async () => {
    const desk = await startSubgraph(DeskModule.forRoot(config));
    const ratingsPort = await freePort();
    const gateway = await startGateway(
      gatewayConfig([{ name: 'desk', url: desk.url }, { name: 'ratings', url: `http://127.0.0.1:${ratingsPort}/graphql` }]),
      silent,
      { composeBackoff: { initialMs: 100, maxMs: 400 } },
    );
    let ratings: { app: INestApplication } | undefined;
    try {
      const base = `http://127.0.0.1:${gateway.port}`;
      expect((await fetch(`${base}/health/live`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 700)); // several failed attempts
      expect((await fetch(`${base}/health/ready`)).status).toBe(503);
      const early = await post(`${base}/graphql`, '{ ratingScale }');
      expect(early.status).toBe(503);

      ratings = await startSubgraph(RatingsModule.forRoot(config), ratingsPort);
      await eventually(async () => (await fetch(`${base}/health/ready`)).status === 200);
      const { text } = await post(`${base}/graphql`, '{ ratingScale }');
      expect(JSON.parse(text)).toEqual({ data: { ratingScale: 5 } });
    } finally {
      await gateway.stop();
      await desk.app.close();
      await ratings?.app.close();
    }
  });

  it('stops cleanly while still waiting for a subgraph', async () => {
    const port = await freePort();
    const gateway = await startGateway(gatewayConfig([{ name: 'desk', url: `http://127.0.0.1:${port}/graphql` }]), silent, {
      composeBackoff: { initialMs: 100, maxMs: 200 },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await gateway.stop();
    await expect(gateway.ready).rejects.toThrow(/stopped before the supergraph/);
  });
});

describe('gateway with a static supergraph (SUPERGRAPH_PATH, as in Kubernetes)', () => {
  it('serves the composed file and routes each subgraph to its configured URL, not the one composed in', async () => {
    const desk = await startSubgraph(DeskModule.forRoot(config));
    const ratings = await startSubgraph(RatingsModule.forRoot(config));
    const supergraphPath = join(mkdtempSync(join(tmpdir(), 'redress-supergraph-')), 'supergraph.graphql');
    writeFileSync(supergraphPath, composeSupergraph([
      { name: 'desk', url: 'http://desk.invalid/graphql', sdl: subgraphSdl(deskTypeDefs) },
      { name: 'ratings', url: 'http://ratings.invalid/graphql', sdl: subgraphSdl(ratingsTypeDefs) },
    ]));
    const gateway = await startGateway({ ...gatewayConfig([{ name: 'desk', url: desk.url }, { name: 'ratings', url: ratings.url }]), supergraphPath }, silent);
    try {
      await gateway.ready;
      const { text } = await post(`http://127.0.0.1:${gateway.port}/graphql`, '{ widget(id: "w-22") { name rating } }', {
        authorization: `Bearer ${await staffToken(['AGENT'])}`,
      });
      expect(JSON.parse(text)).toEqual({ data: { widget: { name: 'Widget w-22', rating: 4 } } });
    } finally {
      await gateway.stop();
      await desk.app.close();
      await ratings.app.close();
    }
  });
});
