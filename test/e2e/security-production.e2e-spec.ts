import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { DEV_SECRETS } from '@redress/config';
import { SERVICES } from '@redress/contracts';
import { SignJWT } from 'jose';
import { E2E } from './support/e2e-environment.js';

// Issue 3: "production mode refuses to start with the dev secret" — the gateway and a service started
// as operators start them — and what a production gateway shows a stranger: no introspection, no
// landing page, no internal detail in errors.
const PRODUCTION_PORT = E2E.gatewayPort + 12;
const UNREACHABLE_SUBGRAPHS = Object.fromEntries(SERVICES.map((service, i) => [`${service.toUpperCase()}_URL`, `http://127.0.0.1:${E2E.gatewayPort + 13 + i}/graphql`]));
const strong = () => randomBytes(32).toString('base64url');

interface Exit { code: number | null; output: string }

function run(entry: string, env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const productionEnv = (secrets: Record<string, string | undefined>): NodeJS.ProcessEnv => ({
  NODE_ENV: 'production',
  GATEWAY_PORT: String(PRODUCTION_PORT),
  INTAKE_PORT: String(PRODUCTION_PORT + 1),
  DATABASE_SUFFIX: E2E.databaseSuffix,
  SUPERGRAPH_PATH: 'gateway/supergraph.graphql',
  ...UNREACHABLE_SUBGRAPHS,
  ...Object.fromEntries(Object.entries(secrets).filter(([, value]) => value !== undefined)),
});

describe('production refuses development secrets', () => {
  it.each([
    ['left unset', {}],
    ['set to the development values', { ...DEV_SECRETS }],
  ])('the gateway and intake exit with status 1, naming each secret, when the secrets are %s', async (_, secrets) => {
    for (const entry of ['gateway/dist/main.js', 'services/intake/dist/main.js']) {
      const { code, output } = await run(entry, productionEnv(secrets));
      expect({ entry, code }).toEqual({ entry, code: 1 });
      for (const name of ['JWT_SECRET', 'INTERNAL_SECRET', 'LINK_SECRET']) {
        expect(output).toContain(`${name} must be set in production (the development default is refused)`);
      }
      expect(output).not.toContain(DEV_SECRETS.JWT_SECRET);
    }
  });

  it('refuses a secret shorter than 32 bytes', async () => {
    const { code, output } = await run('gateway/dist/main.js', productionEnv({ JWT_SECRET: 'short-but-not-default', INTERNAL_SECRET: strong(), LINK_SECRET: strong() }));
    expect(code).toBe(1);
    expect(output).toContain('JWT_SECRET must be at least 32 bytes in production');
  });
});

describe('a production gateway', () => {
  const secrets = { JWT_SECRET: strong(), INTERNAL_SECRET: strong(), LINK_SECRET: strong() };
  const url = `http://127.0.0.1:${PRODUCTION_PORT}/graphql`;
  let gateway: ChildProcess;

  beforeAll(async () => {
    gateway = spawn(process.execPath, ['gateway/dist/main.js'], { env: { ...process.env, ...productionEnv(secrets), LOG_LEVEL: 'error' }, stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    while (!(await fetch(`http://127.0.0.1:${PRODUCTION_PORT}/health/ready`).then((r) => r.ok, () => false))) {
      if (Date.now() > deadline) throw new Error('the production gateway did not become ready');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 40_000);
  afterAll(() => new Promise<void>((resolve) => {
    if (gateway.exitCode !== null) return resolve();
    gateway.once('exit', () => resolve());
    gateway.kill('SIGTERM');
  }));

  const post = async (body: object, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: response.status, text: await response.text() };
  };

  it('refuses introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Complaint") { fields { name } } }']) {
      const { status, text } = await post({ query });
      expect(status).toBe(400);
      expect(JSON.parse(text).errors[0]).toMatchObject({ message: expect.stringMatching(/introspection/i), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(text).not.toMatch(/"Complaint"|"Customer"/);
    }
  });

  it('serves no landing page to a browser', async () => {
    const response = await fetch(url, { headers: { accept: 'text/html' } });
    const text = await response.text();
    expect(response.headers.get('content-type') ?? '').not.toMatch(/html/);
    expect(text).not.toMatch(/<html|<!doctype|sandbox|<script/i);
  });

  it('refuses a token signed with the development secret', async () => {
    const token = await new SignJWT({ roles: ['ADMIN'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('dev').setExpirationTime('5m')
      .sign(new TextEncoder().encode(DEV_SECRETS.JWT_SECRET));
    const { status, text } = await post({ query: '{ complaints(first: 1) { totalCount } }' }, { authorization: `Bearer ${token}` });
    expect(status).toBe(401);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers a failure behind it with INTERNAL_SERVER_ERROR and a correlation id, nothing internal', async () => {
    const token = await new SignJWT({ roles: ['MANAGER'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('ops').setExpirationTime('5m')
      .sign(new TextEncoder().encode(secrets.JWT_SECRET));
    const { text } = await post({ query: '{ complaints(first: 1) { totalCount } }' }, { authorization: `Bearer ${token}`, 'x-correlation-id': 'prod-check-000001' });
    const [error, ...more] = JSON.parse(text).errors;
    expect(more).toEqual([]);
    expect(error).toMatchObject({ message: 'Internal error; reference prod-check-000001', extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'prod-check-000001' } });
    expect(Object.keys(error.extensions)).toEqual(['code', 'correlationId']);
    expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed|intake|stack/i);
  });
});
