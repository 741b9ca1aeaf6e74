import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { RoundRobinBalancer } from '@redress/runtime';
import { ensureVhost, deleteVhost } from '@redress/testing';
import { E2E, e2eEnv } from './e2e-environment.js';

const APPS = ['intake', 'investigation', 'resolution', 'notification', 'reporting', 'gateway'] as const;
const BOOT_TIMEOUT_MS = 120_000;

type App = (typeof APPS)[number];

interface Replica {
  app: App;
  index: number;
  port: number;
  process: ChildProcess;
}

let running: { replicas: Replica[]; balancers: RoundRobinBalancer[]; smtp: SMTPServer } | undefined;

export interface SystemOptions {
  /** Processes per service and gateway, behind a round-robin balancer on the usual port (default 1). */
  replicas?: number;
}

const portOf = (app: App) => (app === 'gateway' ? E2E.gatewayPort : E2E.ports[app]);

/**
 * Boots the real system for one e2e spec file: fresh databases and vhost, an SMTP sink, the five
 * services and the gateway as separate processes started from their builds, as `npm start` does.
 * `env` adds settings for every process (e.g. tiny SLA clocks).
 */
export async function startSystem(env: NodeJS.ProcessEnv = {}, options: SystemOptions = {}): Promise<void> {
  const count = options.replicas ?? 1;
  const started = Date.now();
  // A process of another run on these ports would answer the readiness checks in place of ours.
  await assertPortsFree([...APPS.map(portOf), E2E.smtpPort]);
  await resetDatabases();
  await deleteVhost(E2E.vhost);
  await ensureVhost(E2E.vhost);
  rmSync(E2E.mailDirectory, { recursive: true, force: true });
  mkdirSync(E2E.mailDirectory, { recursive: true });
  mkdirSync(E2E.logDirectory, { recursive: true });
  const smtp = await startSmtpSink();
  const replicas = APPS.flatMap((app) =>
    Array.from({ length: count }, (_, index) => {
      const port = count === 1 ? portOf(app) : portOf(app) + 10_000 * (index + 1);
      return { app, index, port, process: startApp(app, index, port, env) };
    }),
  );
  const balancers =
    count === 1
      ? []
      : await Promise.all(APPS.map((app) => new RoundRobinBalancer(replicas.filter((r) => r.app === app).map((r) => ({ host: '127.0.0.1', port: r.port }))).listen(portOf(app), '127.0.0.1')));
  running = { replicas, balancers, smtp };
  await waitUntilReady(replicas);
  process.stdout.write(`\ne2e system ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

async function resetDatabases(): Promise<void> {
  const client = new pg.Client({ connectionString: 'postgres://postgres:postgres@localhost:5432/postgres' });
  await client.connect();
  for (const service of Object.keys(E2E.ports)) await client.query(`DROP DATABASE IF EXISTS redress_${service}${E2E.databaseSuffix} WITH (FORCE)`);
  await client.end();
}

function startSmtpSink(): Promise<SMTPServer> {
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      // Written under a temporary name and renamed when complete: readers take only whole `.eml` files.
      const path = join(E2E.mailDirectory, `${Date.now()}-${process.pid}-${++count}.eml`);
      const file = createWriteStream(`${path}.part`);
      stream.pipe(file);
      file.on('finish', () => {
        renameSync(`${path}.part`, path);
        callback();
      });
      file.on('error', (error) => callback(error));
    },
  });
  // A sender killed mid-message resets its connection; smtp-server reports that as an 'error' event, which
  // unhandled would end the test process.
  server.on('error', () => undefined);
  return new Promise((resolve) => server.listen(E2E.smtpPort, '127.0.0.1', () => resolve(server)));
}

function startApp(app: App, index: number, port: number, overrides: NodeJS.ProcessEnv): ChildProcess {
  const entry = app === 'gateway' ? 'gateway/dist/main.js' : `services/${app}/dist/main.js`;
  const log = createWriteStream(join(E2E.logDirectory, index ? `${app}-${index + 1}.log` : `${app}.log`));
  const env = { ...process.env, ...e2eEnv, ...overrides, [`${app.toUpperCase()}_PORT`]: String(port) };
  const child = spawn(process.execPath, ['--enable-source-maps', entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
}

async function assertPortsFree(ports: number[]): Promise<void> {
  for (const port of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (!free) throw new Error(`Port ${port} is in use: another end-to-end run on this slot? Stop it, or give this run its own E2E_SLOT.`);
  }
}

async function waitUntilReady(replicas: Replica[]): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  for (const replica of replicas) {
    const url = `http://127.0.0.1:${replica.port}/health/ready`;
    while (!(await fetch(url).then((r) => r.ok, () => false))) {
      if (replica.process.exitCode !== null) throw new Error(`${replica.app} exited with code ${replica.process.exitCode} while starting (logs in ${E2E.logDirectory})`);
      if (Date.now() > deadline) throw new Error(`${url} not ready after ${BOOT_TIMEOUT_MS} ms (logs in ${E2E.logDirectory})`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

/** Stops the system gracefully (SIGTERM), as an operator's rollout would. */
export async function stopSystem(): Promise<void> {
  const system = running;
  running = undefined;
  if (!system) return;
  await Promise.all(system.replicas.map((r) => stopGracefully(r.process)));
  await Promise.all(system.balancers.map((b) => b.close()));
  await new Promise<void>((resolve) => system.smtp.close(() => resolve()));
}

function stopGracefully(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Kills one replica without warning (`kill -9`), as a node failure would; the others carry on. */
export function killReplica(app: App, index: number): void {
  const replica = running?.replicas.find((r) => r.app === app && r.index === index);
  if (!replica) throw new Error(`no replica ${index} of ${app}`);
  replica.process.kill('SIGKILL');
}
