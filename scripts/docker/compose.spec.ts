// docker-compose.yml and the Dockerfile cannot be run here (no Docker engine): these checks hold
// them to what a newcomer's `docker compose up --build` relies on.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { SERVICES } from '@redress/contracts';
import { loadConfig } from '@redress/config';

const root = new URL('../../', import.meta.url).pathname;
const PROCESSES = [...SERVICES, 'gateway'] as const;
const BACKING_SERVICES = ['postgres', 'rabbitmq', 'redis'];

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[] };
  ports?: string[];
  read_only?: boolean;
}

const compose = parse(readFileSync(`${root}docker-compose.yml`, 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const dockerfile = readFileSync(`${root}Dockerfile`, 'utf8');
const envOf = (name: string) => Object.fromEntries(Object.entries(compose.services[name].environment ?? {}).map(([k, v]) => [k, String(v)]));
const hostOf = (url: string) => new URL(url).hostname;

function commandExists(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('docker-compose.yml', () => {
  it.each(PROCESSES)('builds %s from the one Dockerfile with its SERVICE argument, read-only', (name) => {
    const service = compose.services[name];
    expect(service.build).toEqual({ context: '.', args: { SERVICE: name } });
    expect(service.image).toBe(`redress-${name}:dev`);
    expect(service.read_only).toBe(true);
  });

  it.each(SERVICES)('starts %s only once PostgreSQL, RabbitMQ and Redis are healthy', (name) => {
    for (const backing of BACKING_SERVICES) expect(compose.services[name].depends_on?.[backing]).toEqual({ condition: 'service_healthy' });
  });

  it('starts the gateway only once the five subgraphs are healthy, and publishes it on 4000', () => {
    for (const name of SERVICES) expect(compose.services.gateway.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
    expect(compose.services.gateway.ports).toContain('4000:4000');
  });

  it('gives every awaited container a health check (its own, or the image HEALTHCHECK)', () => {
    const awaited = Object.values(compose.services).flatMap((s) => Object.keys(s.depends_on ?? {}));
    for (const name of new Set(awaited)) {
      const service = compose.services[name];
      expect(service).toBeDefined();
      if (service.build) expect(dockerfile).toMatch(/^HEALTHCHECK /m);
      else expect(service.healthcheck?.test?.length).toBeGreaterThan(0);
    }
  });

  it('lets a newcomer read the acknowledgement emails: maildev SMTP on 1025, web inbox on 1080', () => {
    expect(compose.services.maildev.ports).toEqual(expect.arrayContaining(['1025:1025', '1080:1080']));
    expect(hostOf(loadConfig(envOf('notification')).smtpUrl)).toBe('maildev');
    expect(new URL(loadConfig(envOf('notification')).smtpUrl).port).toBe('1025');
  });

  it.each(PROCESSES)('gives %s a configuration that loads and points at the compose hostnames', (name) => {
    const config = loadConfig(envOf(name));
    expect(hostOf(config.databaseUrl)).toBe('postgres');
    expect(hostOf(config.rabbitmqUrl)).toBe('rabbitmq');
    expect(hostOf(config.redisUrl)).toBe('redis');
    expect(hostOf(config.smtpUrl)).toBe('maildev');
  });

  it('points the gateway at each subgraph by its compose name and port', () => {
    const config = loadConfig(envOf('gateway'));
    for (const name of SERVICES) {
      const url = new URL(config.subgraphUrls[name]);
      expect(url.hostname).toBe(name);
      expect(Number(url.port)).toBe(config.servicePorts[name]);
      expect(url.pathname).toBe('/graphql');
    }
  });

  const composeCli = commandExists('docker-compose') ? it : it.skip;
  composeCli('is accepted by `docker-compose config -q` (runs only where Debian\'s docker-compose is installed)', () => {
    expect(() => execFileSync('docker-compose', ['-f', `${root}docker-compose.yml`, 'config', '-q'], { stdio: 'pipe' })).not.toThrow();
  });
});

describe('Dockerfile', () => {
  // Logical instructions, as Docker reads them: comments dropped, continuation lines joined.
  const steps = dockerfile.split('\n').filter((line) => !line.trimStart().startsWith('#')).join('\n').replace(/\\\n/g, ' ').split('\n');
  const instructions = (keyword: string) => steps.filter((line) => line.startsWith(`${keyword} `));

  it('installs with `npm install` (npm ci fails on this lockfile), builds, then prunes dev dependencies', () => {
    const runs = instructions('RUN').join('\n');
    expect(runs).toMatch(/^RUN npm install /m);
    expect(runs).not.toMatch(/npm ci\b/);
    expect(runs).toMatch(/npm run build && npm prune --omit=dev/);
  });

  it('runs the final stage as a numeric non-root user, so Kubernetes runAsNonRoot can verify it', () => {
    const finalStage = steps.slice(steps.findLastIndex((line) => line.startsWith('FROM ')));
    expect(finalStage.filter((line) => line.startsWith('USER ')).at(-1)).toMatch(/^USER [1-9]\d*:[1-9]\d*$/);
  });

  it('checks /health/ready and starts the app with node as PID 1', () => {
    expect(instructions('HEALTHCHECK')[0]).toContain('/health/ready');
    expect(instructions('CMD').at(-1)).toBe('CMD ["node", "--enable-source-maps", "app/dist/main.js"]');
  });

  const scratch: string[] = [];
  afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  // Runs the image's HEALTHCHECK command against a stand-in server on the service's port.
  async function healthcheckExitCode(service: string, readyStatus: number): Promise<number> {
    const [, json] = instructions('HEALTHCHECK')[0].match(/ CMD (\[.*\])$/) ?? [];
    const [command, ...args] = JSON.parse(json) as string[];
    const server = createServer((req, res) => res.writeHead(req.url === '/health/ready' ? readyStatus : 404).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const env = { ...process.env, SERVICE: service, [`${service.toUpperCase()}_PORT`]: String(port) };
    const child = spawn(command, args, { env, stdio: 'ignore' });
    const code = await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? -1)));
    server.close();
    return code;
  }

  it('reports healthy only when /health/ready answers 200 on <SERVICE>_PORT', async () => {
    expect(await healthcheckExitCode('notification', 200)).toBe(0);
    expect(await healthcheckExitCode('gateway', 200)).toBe(0);
    expect(await healthcheckExitCode('notification', 503)).toBe(1);
  });

  // Runs the build stage's own selection step in a scratch directory shaped like the build stage.
  function selectApp(service: string): string {
    const step = instructions('RUN').find((line) => line.startsWith('RUN case "$SERVICE"'));
    if (!step) throw new Error('the Dockerfile has no `RUN case "$SERVICE"` step');
    const work = mkdtempSync(join(tmpdir(), 'redress-image-'));
    scratch.push(work);
    for (const file of ['package.json', 'node_modules/.keep', 'libs/config/dist/index.js', 'services/intake/dist/main.js', 'gateway/dist/main.js']) {
      mkdirSync(dirname(join(work, file)), { recursive: true });
      writeFileSync(join(work, file), '');
    }
    const script = step.slice('RUN '.length).replaceAll('/out', '"$OUT"');
    execFileSync('sh', ['-c', script], { cwd: work, env: { ...process.env, SERVICE: service, OUT: join(work, 'out') }, stdio: 'pipe' });
    return join(work, 'out');
  }

  it.each([['intake', 'services/intake'], ['gateway', 'gateway']])('packs SERVICE=%s with `app` linking to %s', (service, dir) => {
    const out = selectApp(service);
    expect(readlinkSync(join(out, 'app'))).toBe(dir);
    expect(existsSync(join(out, 'app/dist/main.js'))).toBe(true);
    expect(existsSync(join(out, 'libs/config/dist/index.js'))).toBe(true);
    expect(existsSync(join(out, 'node_modules'))).toBe(true);
  });

  it('refuses to build an unknown SERVICE, naming the allowed ones', () => {
    expect(() => selectApp('billing')).toThrow(/--build-arg SERVICE=<intake\|investigation\|resolution\|notification\|reporting\|gateway>/);
  });
});
